import type { OpeningHours, Weekday } from './service-content';
import { weekdayIndex } from './service-content';

// 2024-01-07 was a Sunday: a fixed reference date to get weekday names from Intl.
const SUNDAY = Date.UTC(2024, 0, 7, 12);

function dayName(locale: string, day: Weekday): string {
  const date = new Date(SUNDAY + weekdayIndex(day) * 86_400_000);
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(date);
}

function dayRange(locale: string, days: Weekday[]): string {
  const names = days.map((d) => dayName(locale, d));
  const consecutive = days.every((d, i) => i === 0 || weekdayIndex(d) === (weekdayIndex(days[i - 1] as Weekday) + 1) % 7);
  if (days.length > 2 && consecutive) return `${names[0]} – ${names[names.length - 1]}`;
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** Turns opening hours data into one short line per rule, in the resident's language. */
export function formatOpeningHours(locale: string, hours: OpeningHours): string {
  return hours.map((rule) => `${dayRange(locale, rule.days)}: ${rule.from} – ${rule.to}`).join('\n');
}
