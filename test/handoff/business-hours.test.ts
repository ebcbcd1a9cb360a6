import path from 'node:path';
import { loadConfig } from '../../src/config';
import { BusinessHours, loadBusinessHours } from '../../src/domain/handoff/business-hours';
import { backAt } from '../../src/domain/handoff/case-texts';

// Mon–Fri 9–12, Mon–Thu 13–16 in Brussels; 2026-03-02 is a Monday (UTC+1, before the DST change).
const hours = new BusinessHours({
  placeholders: [], timeZone: 'Europe/Brussels', closedDays: ['2026-04-06'],
  weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '12:00' }, { days: ['mon', 'tue', 'wed', 'thu'], from: '13:00', to: '16:00' }],
});

describe('business hours', () => {
  it('knows when staff are there', () => {
    expect(hours.isOpen(new Date('2026-03-02T08:30:00Z'))).toBe(true); // 9:30 local
    expect(hours.isOpen(new Date('2026-03-02T11:30:00Z'))).toBe(false); // 12:30 lunch
    expect(hours.isOpen(new Date('2026-03-06T12:30:00Z'))).toBe(false); // Friday afternoon
    expect(hours.isOpen(new Date('2026-04-06T08:30:00Z'))).toBe(false); // Easter Monday, closed day
  });

  it('finds the next opening across a weekend, a closed day and the daylight-saving change', () => {
    expect(hours.nextOpening(new Date('2026-03-06T15:00:00Z')).toISOString()).toBe('2026-03-09T08:00:00.000Z'); // Friday 16:00 → Monday 9:00
    expect(hours.nextOpening(new Date('2026-04-03T15:00:00Z')).toISOString()).toBe('2026-04-07T07:00:00.000Z'); // Easter: Tuesday 9:00 CEST
    expect(hours.nextOpening(new Date('2026-03-02T11:30:00Z')).toISOString()).toBe('2026-03-02T12:00:00.000Z'); // after lunch
  });

  it('counts staffed minutes only, and places deadlines in staffed time', () => {
    expect(hours.minutesBetween(new Date('2026-03-02T10:30:00Z'), new Date('2026-03-02T12:30:00Z'))).toBe(60); // 11:30–13:30: 30 + 30
    expect(hours.minutesBetween(new Date('2026-03-06T10:00:00Z'), new Date('2026-03-09T08:30:00Z'))).toBe(90); // Fri 11–12 + Mon 9–9:30
    expect(hours.addMinutes(new Date('2026-03-06T10:45:00Z'), 30).toISOString()).toBe('2026-03-09T08:15:00.000Z'); // 15 min Friday, 15 Monday
  });

  it('says when staff are back in the resident\'s language', () => {
    const friday = new Date('2026-03-06T17:00:00Z');
    const nl = backAt(hours, 'nl', friday);
    expect(nl).toEqual({ key: 'case.back_on', values: { day: 'maandag', time: '9:00' } });
    expect(backAt(hours, 'en', friday).values).toEqual({ day: 'Monday', time: '9:00 AM' });
    expect(backAt(hours, 'tr', friday).values?.day).toBe('Pazartesi');
    expect(backAt(hours, 'nl', new Date('2026-03-02T11:30:00Z'))).toEqual({ key: 'case.back_today', values: { time: '13:00' } });
  });

  it('loads the shipped content file', () => {
    const data = loadBusinessHours(loadConfig({}).paths.content);
    expect(data.timeZone).toBe('Europe/Brussels');
    expect(path.isAbsolute(loadConfig({}).paths.content)).toBe(true);
  });
});
