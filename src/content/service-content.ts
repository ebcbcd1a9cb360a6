import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../core/errors';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

const hoursSchema = z.array(z.object({ days: z.array(z.enum(WEEKDAYS)).min(1), from: time, to: time }).strict());

const schema = z.object({
  placeholders: z.array(z.string()).default([]),
  digipunt: z.object({ name: z.string(), address: z.string(), phone: z.string(), email: z.string().email(), openingHours: hoursSchema }).strict(),
  kringwinkel: z.object({ name: z.string(), address: z.string(), openingHours: hoursSchema }).strict(),
  sociaalHuis: z.object({ name: z.string(), phone: z.string() }).strict(),
  training: z.object({ partner: z.string(), description: z.string() }).strict(),
  loan: z.object({ durationYears: z.number().int().positive(), devicesAvailable: z.number().int().nonnegative() }).strict(),
}).strict();

/** A weekday as written in the content file. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours as data, so every language formats them in its own words. */
export type OpeningHours = z.infer<typeof hoursSchema>;

/** The staff-editable service facts (content/service.yaml), validated. */
export type ServiceContent = z.infer<typeof schema>;

/** Loads and validates content/service.yaml; a bad file stops start-up naming the field. */
export function loadServiceContent(dir: string): ServiceContent {
  const file = path.join(dir, 'service.yaml');
  const parsed = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('CONTENT_INVALID', `${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Weekday index as JavaScript counts them (Sunday 0), for date arithmetic elsewhere. */
export function weekdayIndex(day: Weekday): number {
  return (WEEKDAYS.indexOf(day) + 1) % 7;
}
