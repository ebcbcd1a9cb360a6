/**
 * Text normalisation shared by training and classification, so a resident's "KUNDE MIJ HELPEN plsss 🙏"
 * and the training phrase "kunde mij helpen pls" meet in the same form.
 */

/** Emoji that carry meaning in a chat are kept as neutral words every language model can learn. */
const MEANINGFUL_EMOJI: ReadonlyArray<[RegExp, string]> = [
  [/👍|👌|✅|🆗/gu, ' emjyes '],
  [/👎|❌|🚫/gu, ' emjno '],
  [/👋/gu, ' emjwave '],
  [/🙏|🙏🏻|🙏🏼|🙏🏽|🙏🏾|🙏🏿/gu, ' emjthanks '],
];

const LATIN_VOWELS = 'aeiouy';

/** Removes accents from Latin letters only: Cyrillic й/ї and Arabic letters keep their marks. */
export function stripLatinAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/([a-z])[\u0300-\u036f]+/gi, '$1')
    .normalize('NFC')
    .replace(/ı/g, 'i')
    .replace(/[œ]/g, 'oe')
    .replace(/ß/g, 'ss');
}

/** Maps Arabic spelling variants that WhatsApp users mix freely onto one form. */
export function normalizeArabic(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Latin letters that look like Cyrillic ones, typed by mistake inside a Cyrillic word ("нi" with a Latin i). */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = { a: 'а', c: 'с', e: 'е', i: 'і', k: 'к', o: 'о', p: 'р', x: 'х', y: 'у' };

/** Latin look-alike letters inside a word that also has Cyrillic letters become Cyrillic. */
function fixMixedScriptWords(text: string): string {
  return text.replace(/\S+/g, (word) =>
    /\p{Script=Cyrillic}/u.test(word) && /[a-z]/.test(word) ? word.replace(/[aceikopxy]/g, (c) => LATIN_LOOKALIKES[c] ?? c) : word,
  );
}

/**
 * Folds Ukrainian and Russian spellings that residents mix (surzhyk, a Russian keyboard) onto one form:
 * і/ї/и/ы → и, є/э/ё → е, ґ → г, ъ dropped. Classification only: language identification keeps the letters.
 */
function foldCyrillic(text: string): string {
  return text
    .replace(/[іїиы]/g, 'и')
    .replace(/[єэё]/g, 'е')
    .replace(/ґ/g, 'г')
    .replace(/ъ/g, '');
}

/** "plsss" → "pls", "neeeee" → "nee": three or more equal letters collapse (Latin vowels to two, all else to one). */
export function collapseRepeats(text: string): string {
  return text.replace(/(\p{L})\1{2,}/gu, (_run, letter: string) =>
    LATIN_VOWELS.includes(letter) ? letter + letter : letter,
  );
}

/** Lowercase, meaningful emoji as words, other symbols and punctuation removed, spaces collapsed. */
function cleanSymbols(text: string): string {
  let result = fixMixedScriptWords(text.toLocaleLowerCase('nl').replace(/i\u0307/g, 'i'));
  for (const [pattern, word] of MEANINGFUL_EMOJI) result = result.replace(pattern, word);
  return result
    .replace(/(\p{L})['’`´](t|s|m|re|ve|ll|d)\b/gu, '$1$2')
    .replace(/(\p{Script=Cyrillic})['’`´ʼ](?=\p{Script=Cyrillic})/gu, '$1')
    .replace(/[^\p{L}\p{M}\p{N}\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Why: the one normal form every utterance goes through before training, classification and de-duplication. */
export function normalizeText(text: string): string {
  return foldCyrillic(collapseRepeats(normalizeArabic(stripLatinAccents(cleanSymbols(text)))));
}

/** Why: language identification needs the letters' diacritics (é, ş, ë are evidence), so it keeps them. */
export function normalizeForLanguageId(text: string): string {
  return collapseRepeats(normalizeArabic(cleanSymbols(text.normalize('NFC'))));
}

/** Why: "1", "2" and "b" are answers to a numbered choice, which the core resolves, not the classifier. */
export function isChoiceAnswer(normalized: string): boolean {
  return /^\d+$/.test(normalized) || /^\p{L}$/u.test(normalized);
}
