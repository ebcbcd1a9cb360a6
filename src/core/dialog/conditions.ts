import type { Answer } from '../state';
import type { Condition } from './schema';

/** Evaluates a branch condition on the answers saved so far; values compare as text, limits as numbers. */
export function holds(condition: Condition, answers: Record<string, Answer>): boolean {
  const value = answers[condition.field];
  if (condition.exists !== undefined) return (value !== undefined && value !== null) === condition.exists;
  if (condition.lt !== undefined) return typeof value === 'number' && value < condition.lt;
  if (condition.gte !== undefined) return typeof value === 'number' && value >= condition.gte;
  if (condition.in) return condition.in.some((v) => String(v) === String(value));
  return String(condition.equals) === String(value);
}

