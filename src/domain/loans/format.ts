import type { Language } from '../../core/languages';

/** Aalst's time zone: dates told to residents are the dates on their own calendar. */
export const AALST_TIME_ZONE = 'Europe/Brussels';

/** A day as the resident reads it in their language ("7 januari 2027"), for due dates and reminders. */
export function formatDay(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: AALST_TIME_ZONE }).format(date);
}

/** A moment as the resident reads it ("dinsdag 12 januari 09:30"), for training sessions. */
export function formatMoment(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZone: AALST_TIME_ZONE }).format(date);
}
