import { isLanguage, type Language } from '../../core/languages';

/** What a tapped inline-keyboard button stands for. */
export type TappedButton = { kind: 'choice'; id: string } | { kind: 'number'; number: number } | { kind: 'language'; language: Language };

// Telegram allows 1-64 bytes of callback data; a prefix keeps the three kinds apart.
const MAX_BYTES = 64;

/** The callback data of a choice button: its id when it fits, else its number (the core accepts both). */
export function choiceCallbackData(id: string, index: number): string {
  const data = `c:${id}`;
  return Buffer.byteLength(data, 'utf8') <= MAX_BYTES ? data : `n:${index + 1}`;
}

/** The callback data of a language button of the /lang picker. */
export function languageCallbackData(language: Language): string {
  return `l:${language}`;
}

/** Reads callback data back; anything the channel did not write is ignored. */
export function decodeCallbackData(data: string): TappedButton | undefined {
  const [prefix, value] = [data.slice(0, 2), data.slice(2)];
  if (prefix === 'c:' && value) return { kind: 'choice', id: value };
  if (prefix === 'n:' && /^[1-9]\d{0,2}$/.test(value)) return { kind: 'number', number: Number(value) };
  if (prefix === 'l:' && isLanguage(value)) return { kind: 'language', language: value };
  return undefined;
}
