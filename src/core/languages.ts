/** The languages the assistant speaks; Dutch is the source language (Flemish language rules). */
export const LANGUAGES = ['nl', 'fr', 'en', 'tr', 'ar', 'uk'] as const;

/** A supported language code. */
export type Language = (typeof LANGUAGES)[number];

/** The source language: every other locale is a translation of it. */
export const SOURCE_LANGUAGE: Language = 'nl';

const RTL: ReadonlySet<Language> = new Set<Language>(['ar']);

/** Tells channels which way to lay out text. */
export type TextDirection = 'ltr' | 'rtl';

/** Why: channels and the web chat need the direction without knowing which languages are RTL. */
export function directionOf(language: Language): TextDirection {
  return RTL.has(language) ? 'rtl' : 'ltr';
}

/** Narrows an untrusted string (query, header, stored value) to a supported language. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
