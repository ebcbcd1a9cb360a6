import { z } from 'zod';
import { LANGUAGES } from '../../core/languages';
import { contentError, readContentFile } from './content-file';
import { loadEligibilityRules, type EligibilityRules } from './eligibility/rules';

const code = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case');

const loansSchema = z
  .object({
    placeholders: z.array(z.string()).default([]),
    reminders: z
      .array(z.object({ kind: code, before: z.object({ months: z.number().int().nonnegative().optional(), days: z.number().int().nonnegative().optional() }).strict() }).strict())
      .refine((list) => new Set(list.map((r) => r.kind)).size === list.length, 'reminder kinds must be unique'),
    rejectionReasons: z.array(code).min(1),
    jobs: z.object({ remindersEveryMinutes: z.number().positive(), waitlistEveryMinutes: z.number().positive() }).strict(),
  })
  .strict();

const sessionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes'),
    start: z.string().datetime({ offset: true }).transform((s) => new Date(s)),
    place: z.string().min(1),
    language: z.enum(LANGUAGES),
    capacity: z.number().int().positive(),
  })
  .strict();

const sessionsSchema = z
  .object({ placeholders: z.array(z.string()).default([]), sessions: z.array(sessionSchema) })
  .strict()
  .refine((f) => new Set(f.sessions.map((s) => s.id)).size === f.sessions.length, 'session ids must be unique');

/** Loan settings staff may change: reminders before the due date, rejection reasons, job intervals. */
export type LoanSettings = z.infer<typeof loansSchema>;
/** One Ligo training session residents can book a place in. */
export type TrainingSession = z.infer<typeof sessionSchema>;

/** Everything of content/ the loans feature reads, validated together at start-up. */
export interface LoansContent {
  settings: LoanSettings;
  sessions: TrainingSession[];
  rules: EligibilityRules;
  /** Values still marked PLACEHOLDER, per file, for the start-up warning. */
  placeholders: string[];
}

/** Loads the loan files of content/ and checks that every text they name exists, so staff mistakes stop start-up. */
export function loadLoansContent(dir: string, hasText: (key: string) => boolean): LoansContent {
  const settings = readContentFile(dir, 'loans.yaml', loansSchema);
  const missing = [
    ...settings.reminders.map((r) => `loan.reminder.${r.kind}`),
    ...settings.rejectionReasons.flatMap((r) => [`application.rejection.${r}`, `loan.staff.reason.${r}`]),
  ].find((key) => !hasText(key));
  if (missing) throw contentError(dir, 'loans.yaml', `text key "${missing}" is missing in the Dutch locale`);
  const { sessions, placeholders: sessionPlaceholders } = readContentFile(dir, 'training-sessions.yaml', sessionsSchema);
  const rules = loadEligibilityRules(dir, hasText);
  const placeholders = [
    ...settings.placeholders.map((p) => `loans.yaml: ${p}`),
    ...sessionPlaceholders.map((p) => `training-sessions.yaml: ${p}`),
    ...rules.placeholders.map((p) => `eligibility-rules.yaml: ${p}`),
  ];
  return { settings, sessions, rules, placeholders };
}

/** The date a reminder of a loan is due: `before` months and days ahead of the due date. */
export function reminderDate(dueAt: Date, before: LoanSettings['reminders'][number]['before']): Date {
  const at = new Date(dueAt);
  at.setUTCMonth(at.getUTCMonth() - (before.months ?? 0));
  at.setUTCDate(at.getUTCDate() - (before.days ?? 0));
  return at;
}
