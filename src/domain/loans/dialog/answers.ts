import { AppError } from '../../../core/errors';
import type { Answer } from '../../../core/state';

/** A saved answer as text, or null when it was skipped or never asked. */
export function textAnswer(answers: Record<string, Answer>, key: string): string | null {
  const value = answers[key];
  return value === undefined || value === null ? null : String(value);
}

/** A saved answer the flow guarantees; its absence means the dialog file and the action disagree. */
export function requiredAnswer(answers: Record<string, Answer>, key: string): string {
  const value = textAnswer(answers, key);
  if (value === null) throw new AppError('DIALOG_INVALID', `the flow reached an action without the answer "${key}"`);
  return value;
}
