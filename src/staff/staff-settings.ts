import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../core/errors';

const positive = z.number().int().positive();

const schema = z.object({
  placeholders: z.array(z.string()).default([]),
  lockout: z.object({ failedAttempts: positive, minutes: positive }).strict(),
  sessions: z.object({ dashboardHours: positive, apiTokenHours: positive }).strict(),
}).strict();

/** Lockout and session lifetimes (content/staff.yaml): staff policy, so data rather than constants. */
export type StaffSettings = z.infer<typeof schema>;

/** Loads and validates content/staff.yaml; a bad file stops start-up naming the field. */
export function loadStaffSettings(contentDir: string): StaffSettings {
  const file = path.join(contentDir, 'staff.yaml');
  const parsed = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('CONTENT_INVALID', `${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
