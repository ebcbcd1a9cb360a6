import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { AppError } from '../../core/errors';

/** The error a broken staff file stops start-up with, naming the file and the place. */
export function contentError(dir: string, file: string, reason: string): AppError {
  return new AppError('CONTENT_INVALID', `${path.join(dir, file)}: ${reason}`);
}

/** Reads one staff-editable YAML file of content/ and validates it, so mistakes surface at start-up. */
export function readContentFile<Output>(dir: string, file: string, schema: z.ZodType<Output, z.ZodTypeDef, unknown>): Output {
  let raw: unknown;
  try {
    raw = parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch (error) {
    throw contentError(dir, file, (error as Error).message.split('\n')[0] ?? 'unreadable');
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw contentError(dir, file, `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
}
