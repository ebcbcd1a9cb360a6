import * as chrono from 'chrono-node';
import type { Language } from '../../core/languages';
import { localParts, type Slot } from './slot-calendar';

/** Intl locales per language; Arabic keeps Latin digits so a date reads like the numbers residents type. */
const INTL_LOCALE: Readonly<Record<Language, string>> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB', tr: 'tr-TR', ar: 'ar-u-nu-latn', uk: 'uk-UA' };

/** Languages chrono-node understands ("volgende dinsdag", "mardi prochain", "next Tuesday"). */
const CHRONO: Partial<Record<Language, chrono.Chrono>> = { nl: chrono.nl.casual, fr: chrono.fr.casual, en: chrono.en.GB };

/** The Intl locale of a resident's language, for dates in labels, messages and e-mails. */
export function intlLocale(language: Language): string {
  return INTL_LOCALE[language];
}

/** A local date in the resident's words: "dinsdag 1 december". */
export function formatDay(language: Language, date: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** A slot as one choice label: "dinsdag 1 december, 09:00 – 12:00". */
export function formatSlot(language: Language, slot: Pick<Slot, 'date' | 'from' | 'to'>): string {
  return `${formatDay(language, slot.date)}, ${slot.from} – ${slot.to}`;
}

function numericDate(text: string, today: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text.trim());
  if (!match) return null;
  const [, d, m, y] = match;
  const thisYear = Number(today.slice(0, 4));
  let year = y ? (y.length === 2 ? 2000 + Number(y) : Number(y)) : thisYear;
  const iso = (yr: number): string => `${yr}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!y && iso(year) < today) year += 1;
  const date = new Date(`${iso(year)}T12:00:00Z`);
  return Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(d) ? null : iso(year);
}

/**
 * The local day a resident asks for ("volgende dinsdag", "mardi prochain", "next week", "12/3"), so
 * the slot list can jump to it; null when nothing in the text names a day. Words are understood in
 * Dutch, French and English (chrono-node); numeric dates in every language.
 */
export function parseDayWish(text: string, language: Language, now: Date, timeZone: string): string | null {
  const today = localParts(now, timeZone).date;
  const numeric = numericDate(text, today);
  if (numeric) return numeric;
  const parser = CHRONO[language];
  const result = parser?.parse(text, now, { forwardDate: true })[0];
  return result ? localParts(result.start.date(), timeZone).date : null;
}
