import type { SlotCalendar } from './donation-content';

/** One pickup slot on one day: its id is stable, so claims and bookings can refer to it. */
export interface Slot {
  id: string;
  /** Local date YYYY-MM-DD. */
  date: string;
  from: string;
  to: string;
  capacity: number;
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;
const WEEKDAY_CODES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const SLOT_ID = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})-(\d{2})(\d{2})$/;

/** The wall-clock date and time of an instant in a time zone. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant).map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

function offsetMs(instant: number, timeZone: string): number {
  const { date, time } = localParts(new Date(instant), timeZone);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, hh, mm) - Math.floor(instant / 60_000) * 60_000;
}

/** The instant of a local date and time in a time zone (daylight saving time included). */
export function zonedTime(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const first = guess - offsetMs(guess, timeZone);
  return new Date(guess - offsetMs(first, timeZone));
}

/** Adds whole days to a local date, as dates (no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(date: string): (typeof WEEKDAY_CODES)[number] {
  return WEEKDAY_CODES[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? 'sun';
}

function slotsOn(calendar: SlotCalendar, date: string): Slot[] {
  if (calendar.closed.includes(date)) return [];
  const weekday = weekdayOf(date);
  return calendar.windows
    .filter((w) => (w.days as string[]).includes(weekday))
    .map((w) => ({
      id: `${date}T${w.from.replace(':', '')}-${w.to.replace(':', '')}`,
      date, from: w.from, to: w.to, capacity: w.capacity,
      start: zonedTime(date, w.from, calendar.timeZone),
      end: zonedTime(date, w.to, calendar.timeZone),
    }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The earliest moment a pickup may start when booked at `now` (the minimum lead time). */
export function earliestStart(calendar: SlotCalendar, now: Date): Date {
  return new Date(now.getTime() + calendar.minimumLeadHours * 3_600_000);
}

/**
 * The bookable slots in time order, from a local date on (or today), respecting closed days, the
 * minimum lead time and the horizon. Places are not checked here: the reservation store does that.
 */
export function* upcomingSlots(calendar: SlotCalendar, now: Date, fromDate?: string): Generator<Slot> {
  const earliest = earliestStart(calendar, now);
  const today = localParts(now, calendar.timeZone).date;
  const first = fromDate && fromDate > today ? fromDate : today;
  const last = addDays(today, calendar.horizonDays);
  for (let date = first; date <= last; date = addDays(date, 1)) {
    for (const slot of slotsOn(calendar, date)) if (slot.start >= earliest) yield slot;
  }
}

/** The slot an id names, if the calendar (still) has it; ids come back from residents' answers. */
export function slotById(calendar: SlotCalendar, id: string): Slot | null {
  const match = SLOT_ID.exec(id);
  if (!match) return null;
  return slotsOn(calendar, match[1] as string).find((s) => s.id === id) ?? null;
}

/** When the day-before reminder of a slot is due, from the calendar's reminder setting. */
export function reminderDue(calendar: SlotCalendar, slot: Pick<Slot, 'date'>): Date {
  return zonedTime(addDays(slot.date, -calendar.reminder.daysBefore), calendar.reminder.at, calendar.timeZone);
}
