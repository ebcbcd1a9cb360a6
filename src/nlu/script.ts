/** Writing-system evidence: the strongest and cheapest language signal, checked before any statistics. */

/** The script that covers most letters of a text. */
export type Script = 'latin' | 'arabic' | 'cyrillic' | 'other' | 'none';

/** How much of the text's letters belong to its dominant script (0..1). */
export interface ScriptShare {
  script: Script;
  share: number;
}

const PATTERNS: ReadonlyArray<[Exclude<Script, 'other' | 'none'>, RegExp]> = [
  ['latin', /\p{Script=Latin}/gu],
  ['arabic', /\p{Script=Arabic}/gu],
  ['cyrillic', /\p{Script=Cyrillic}/gu],
];

/** Share of a non-Latin script from which it wins, even in "ابغى laptop" with a Latin brand name. */
const MIXED_SCRIPT_SHARE = 0.25;

/** Why: Arabic script means Arabic (or Persian/Urdu), Cyrillic means Ukrainian (or Russian) before any model runs. */
export function dominantScript(text: string): ScriptShare {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return { script: 'none', share: 0 };
  const shares = new Map(PATTERNS.map(([script, pattern]) => [script, (text.match(pattern)?.length ?? 0) / letters]));
  for (const script of ['arabic', 'cyrillic'] as const) {
    const share = shares.get(script) ?? 0;
    if (share >= MIXED_SCRIPT_SHARE && share * letters >= 2) return { script, share };
  }
  const latin = shares.get('latin') ?? 0;
  return latin >= 0.5 ? { script: 'latin', share: latin } : { script: 'other', share: 1 - latin };
}

/** Why: Persian and Urdu use the Arabic script too; their extra letters say "we don't speak this". */
export function arabicScriptLanguage(text: string): string {
  if (/[ٹڈڑںےۓھ]/u.test(text)) return 'ur';
  if (/[پچژگکی]/u.test(text)) return 'fa';
  return 'ar';
}

/** Why: Russian-only letters without Ukrainian-only ones point at Russian, which we do not support. */
export function cyrillicLanguage(text: string): string {
  const ukrainian = /[іїєґ]/iu.test(text);
  const russian = /[ыэъё]/iu.test(text);
  return russian && !ukrainian ? 'ru' : 'uk';
}

/** Why: ğ, ı and ş only occur in Turkish among the Latin languages residents write here. */
export function hasTurkishLetters(text: string): boolean {
  return /[ğış]/u.test(text);
}
