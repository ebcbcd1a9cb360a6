import path from 'node:path';
import { loadDonationContent, type SlotCalendar } from '../../src/domain/donations/donation-content';
import { localParts, reminderDue, slotById, upcomingSlots, zonedTime } from '../../src/domain/donations/slot-calendar';
import { formatSlot, parseDayWish } from '../../src/domain/donations/slot-text';

const calendar: SlotCalendar = {
  placeholders: [],
  timeZone: 'Europe/Brussels',
  minimumLeadHours: 48,
  horizonDays: 30,
  offerCount: 5,
  windows: [
    { days: ['tue', 'thu'], from: '09:00', to: '12:00', capacity: 3 },
    { days: ['tue'], from: '13:00', to: '16:00', capacity: 2 },
  ],
  closed: ['2026-12-03'],
  reminder: { daysBefore: 1, at: '10:00' },
};

const take = (n: number, now: Date, from?: string): string[] => {
  const ids: string[] = [];
  for (const slot of upcomingSlots(calendar, now, from)) {
    if (ids.length === n) break;
    ids.push(slot.id);
  }
  return ids;
};

describe('the pickup calendar', () => {
  // Friday 27 November 2026, 10:00 in Brussels (UTC+1).
  const friday = new Date('2026-11-27T09:00:00Z');

  test('local times in Brussels follow daylight saving time', () => {
    expect(zonedTime('2026-12-01', '09:00', 'Europe/Brussels').toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(zonedTime('2026-07-07', '09:00', 'Europe/Brussels').toISOString()).toBe('2026-07-07T07:00:00.000Z');
    expect(localParts(new Date('2026-03-29T01:30:00Z'), 'Europe/Brussels')).toEqual({ date: '2026-03-29', time: '03:30' });
  });

  test('offers the configured weekdays in time order, skipping closed days', () => {
    expect(take(4, friday)).toEqual(['2026-12-01T0900-1200', '2026-12-01T1300-1600', '2026-12-08T0900-1200', '2026-12-08T1300-1600']);
  });

  test('keeps the minimum lead time', () => {
    // Sunday 29 November 10:00: Tuesday 09:00 is 47 hours away, Tuesday 13:00 is 51 hours away.
    expect(take(1, new Date('2026-11-29T09:00:00Z'))).toEqual(['2026-12-01T1300-1600']);
  });

  test('starts at a day the donor named, and stays inside the horizon', () => {
    expect(take(1, friday, '2026-12-10')).toEqual(['2026-12-10T0900-1200']);
    expect(take(1, friday, '2027-06-01')).toEqual([]);
  });

  test('knows a slot by its id only when the calendar has it', () => {
    expect(slotById(calendar, '2026-12-01T0900-1200')?.capacity).toBe(3);
    expect(slotById(calendar, '2026-12-03T0900-1200')).toBeNull();
    expect(slotById(calendar, '2026-12-02T0900-1200')).toBeNull();
    expect(slotById(calendar, 'nonsense')).toBeNull();
  });

  test('the reminder is due the day before at the configured local time', () => {
    expect(reminderDue(calendar, { date: '2026-12-01' }).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  test('a slot reads as a day and a time window in each language', () => {
    const slot = { date: '2026-12-01', from: '09:00', to: '12:00' };
    expect(formatSlot('nl', slot)).toBe('dinsdag 1 december, 09:00 – 12:00');
    expect(formatSlot('fr', slot)).toBe('mardi 1 décembre, 09:00 – 12:00');
    expect(formatSlot('en', slot)).toBe('Tuesday 1 December, 09:00 – 12:00');
  });

  test('the shipped calendar file is valid', () => {
    const content = loadDonationContent(path.join(__dirname, '..', '..', 'content'));
    expect(content.slots.windows.length).toBeGreaterThan(0);
    expect(content.rules.pickup.minDevices).toBeGreaterThan(0);
  });
});

describe('a day the donor names', () => {
  const friday = new Date('2026-11-27T09:00:00Z');
  const tz = 'Europe/Brussels';

  test.each([
    ['nl', 'volgende dinsdag', '2026-12-01'],
    ['nl', 'dinsdag 8 december', '2026-12-08'],
    ['fr', 'mardi prochain', '2026-12-01'],
    ['fr', 'le 10 décembre', '2026-12-10'],
    ['en', 'next Tuesday', '2026-12-01'],
    ['en', 'next week', '2026-12-04'],
    ['tr', '15/12', '2026-12-15'],
    ['uk', '5.1', '2027-01-05'],
    ['ar', '15/12/2026', '2026-12-15'],
  ] as const)('%s "%s" is %s', (language, text, date) => {
    expect(parseDayWish(text, language, friday, tz)).toBe(date);
  });

  test('gives null when no day is named', () => {
    expect(parseDayWish('geen idee', 'nl', friday, tz)).toBeNull();
    expect(parseDayWish('31/02', 'nl', friday, tz)).toBeNull();
    expect(parseDayWish('volgende dinsdag', 'tr', friday, tz)).toBeNull();
  });
});
