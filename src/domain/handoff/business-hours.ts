import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../core/errors';
import { weekdayIndex } from '../../content/service-content';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be HH:MM');
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const schema = z.object({
  placeholders: z.array(z.string()).default([]),
  timeZone: z.string().refine((zone) => { try { new Intl.DateTimeFormat('en', { timeZone: zone }); return true; } catch { return false; } }, 'unknown time zone'),
  weekly: z.array(z.object({ days: z.array(z.enum(WEEKDAYS)).min(1), from: time, to: time }).strict().refine((r) => r.from < r.to, '`from` must be before `to`')),
  closedDays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')).default([]),
}).strict();

/** content/business-hours.yaml: when staff answer, as data staff change without a release. */
export type BusinessHoursData = z.infer<typeof schema>;

/** Loads and validates content/business-hours.yaml; a mistake stops start-up naming the field. */
export function loadBusinessHours(contentDir: string): BusinessHoursData {
  const file = path.join(contentDir, 'business-hours.yaml');
  const parsed = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('CONTENT_INVALID', `${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** An open interval as instants. */
interface Interval {
  start: number;
  end: number;
}

/**
 * Business time in the configured time zone: is staff there now, when are they back, and how much
 * staffed time lies between two instants (SLA timers and re-alerts count only that).
 */
export class BusinessHours {
  private readonly parts: Intl.DateTimeFormat;
  private readonly closed: Set<string>;

  constructor(readonly data: BusinessHoursData) {
    this.parts = new Intl.DateTimeFormat('en-CA', { timeZone: data.timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    this.closed = new Set(data.closedDays);
  }

  /** True while staff answer cases. */
  isOpen(at: Date): boolean {
    const t = at.getTime();
    return this.intervalsOfDay(this.localDay(t)).some((i) => i.start <= t && t < i.end);
  }

  /** The moment staff are next there: `at` itself when open, else the start of the next interval. */
  nextOpening(at: Date): Date {
    const t = at.getTime();
    for (const interval of this.intervalsFrom(t, 60)) if (interval.end > t) return new Date(Math.max(interval.start, t));
    throw new AppError('CONTENT_INVALID', 'business-hours.yaml has no open hours in the next 60 days');
  }

  /** Staffed minutes between two instants. */
  minutesBetween(from: Date, to: Date): number {
    let total = 0;
    for (const interval of this.intervalsFrom(from.getTime(), Math.ceil((to.getTime() - from.getTime()) / DAY) + 2)) {
      if (interval.start >= to.getTime()) break;
      total += Math.max(0, Math.min(interval.end, to.getTime()) - Math.max(interval.start, from.getTime()));
    }
    return total / MINUTE;
  }

  /** The instant when `minutes` of staffed time have passed after `from` (an SLA deadline). */
  addMinutes(from: Date, minutes: number): Date {
    let left = minutes * MINUTE;
    const t = from.getTime();
    for (const interval of this.intervalsFrom(t, 400)) {
      const start = Math.max(interval.start, t);
      if (interval.end <= start) continue;
      if (interval.end - start >= left) return new Date(start + left);
      left -= interval.end - start;
    }
    throw new AppError('CONTENT_INVALID', 'business-hours.yaml has too few open hours to place a deadline');
  }

  /** The local calendar day (YYYY-MM-DD) and wall-clock minutes of an instant. */
  local(at: Date): { day: string; minutes: number } {
    const p = this.partsOf(at.getTime());
    return { day: `${p.year}-${p.month}-${p.day}`, minutes: Number(p.hour) * 60 + Number(p.minute) };
  }

  private intervalsFrom(t: number, days: number): Interval[] {
    const first = this.localDay(t);
    const out: Interval[] = [];
    for (let i = 0; i < days; i += 1) out.push(...this.intervalsOfDay(addDays(first, i)));
    return out;
  }

  private intervalsOfDay(day: string): Interval[] {
    if (this.closed.has(day)) return [];
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    return this.data.weekly
      .filter((rule) => rule.days.some((d) => weekdayIndex(d) === weekday))
      .map((rule) => ({ start: this.instant(day, toMinutes(rule.from)), end: this.instant(day, toMinutes(rule.to)) }))
      .sort((a, b) => a.start - b.start);
  }

  private localDay(t: number): string {
    return this.local(new Date(t)).day;
  }

  /** The instant of a wall-clock time on a local day, correct across daylight-saving changes. */
  private instant(day: string, minutes: number): number {
    const guess = Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE;
    const first = guess - this.offset(guess);
    return guess - this.offset(first);
  }

  private offset(t: number): number {
    const p = this.partsOf(t);
    const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    return asUtc - Math.floor(t / 1000) * 1000;
  }

  private partsOf(t: number): Record<string, string> {
    return Object.fromEntries(this.parts.formatToParts(new Date(t)).map((part) => [part.type, part.value]));
  }
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}
