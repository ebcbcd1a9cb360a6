import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { AppError } from '../../core/errors';

/** Device types the texts know; staff choose which of them are accepted. */
export const DEVICE_TYPES = ['laptop', 'tablet', 'desktop', 'smartphone'] as const;
/** Checks of the "useful laptop" minimum that the texts know. */
export const MINIMUM_CHECKS = ['bits', 'ramGb', 'storageGb', 'mainsPower', 'maxAgeYears'] as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const placeholders = z.array(z.string()).default([]);

const rulesSchema = z.object({
  placeholders,
  deviceTypes: z.array(z.object({ id: z.enum(DEVICE_TYPES), accepted: z.boolean() }).strict()).min(1)
    .refine((types) => types.some((t) => t.accepted), 'at least one type must be accepted'),
  minimum: z.array(z.object({ check: z.enum(MINIMUM_CHECKS), value: z.number().positive().optional() }).strict()),
  pickup: z.object({ minDevices: z.number().int().positive(), postcodes: z.array(z.string().regex(/^[1-9]\d{3}$/)).min(1) }).strict(),
  wipeMethods: z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9_]*$/), label: z.string().min(1) }).strict()).min(1),
}).strict();

const window = z.object({ days: z.array(z.enum(WEEKDAYS)).min(1), from: time, to: time, capacity: z.number().int().positive().max(50) }).strict()
  .refine((w) => w.from < w.to, 'from must be before to');

const slotsSchema = z.object({
  placeholders,
  timeZone: z.string().refine((tz) => { try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; } }, 'unknown time zone'),
  minimumLeadHours: z.number().nonnegative(),
  horizonDays: z.number().int().positive().max(366),
  offerCount: z.number().int().min(1).max(10),
  windows: z.array(window).min(1),
  closed: z.array(day).default([]),
  reminder: z.object({ daysBefore: z.number().int().min(0).max(14), at: time }).strict(),
}).strict();

const labelKeys = ['reference', 'donor', 'privateDonor', 'vat', 'received', 'issued', 'devices', 'type', 'brand', 'model', 'serial', 'method',
  'wipedAt', 'wipedBy', 'result', 'wiped', 'destroyed', 'standard', 'verification', 'verifyAt'] as const;

const certificateSchema = z.object({
  placeholders,
  issuer: z.string().min(1),
  title: z.string().min(1),
  statement: z.string().min(1),
  standard: z.string().default(''),
  fonts: z.object({ regular: z.string(), bold: z.string() }).strict().optional(),
  labels: z.object(Object.fromEntries(labelKeys.map((k) => [k, z.string().min(1)])) as Record<(typeof labelKeys)[number], z.ZodString>).strict(),
  deviceTypes: z.object(Object.fromEntries(DEVICE_TYPES.map((t) => [t, z.string().min(1)])) as Record<DeviceType, z.ZodString>).strict(),
}).strict();

/** A device type the dialog may ask about. */
export type DeviceType = (typeof DEVICE_TYPES)[number];
/** The staff-editable donation rules (content/donation-rules.yaml). */
export type DonationRules = z.infer<typeof rulesSchema>;
/** The staff-editable pickup calendar (content/pickup-slots.yaml). */
export type SlotCalendar = z.infer<typeof slotsSchema>;
/** The staff-editable certificate wording (content/certificate.yaml). */
export type CertificateWording = z.infer<typeof certificateSchema>;

/** Everything the donation feature reads from content/, validated together at start-up. */
export interface DonationContent {
  rules: DonationRules;
  slots: SlotCalendar;
  certificate: CertificateWording;
}

function load<T>(dir: string, name: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  const file = path.join(dir, name);
  const parsed = schema.safeParse(parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('CONTENT_INVALID', `${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** Loads the three donation content files; a mistake stops start-up naming the file and field. */
export function loadDonationContent(dir: string): DonationContent {
  return {
    rules: load(dir, 'donation-rules.yaml', rulesSchema),
    slots: load(dir, 'pickup-slots.yaml', slotsSchema),
    certificate: load(dir, 'certificate.yaml', certificateSchema),
  };
}

/** The placeholder paths of all three files, for the start-up warning. */
export function donationPlaceholders(content: DonationContent): string[] {
  return [
    ...content.rules.placeholders.map((p) => `donation-rules.yaml:${p}`),
    ...content.slots.placeholders.map((p) => `pickup-slots.yaml:${p}`),
    ...content.certificate.placeholders.map((p) => `certificate.yaml:${p}`),
  ];
}
