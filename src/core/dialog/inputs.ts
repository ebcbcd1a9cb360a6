import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Answer } from '../state';
import type { TextValues } from '../i18n/translator';
import { choiceNumber, foldForMatch } from '../text';
import type { AskStep } from './schema';

/** What the resident gave in answer to a question. */
export interface RawAnswer {
  text?: string;
  choiceId?: string;
  /** The NLU's reading of the text, when it ran: used for yes/no in any language. */
  intent?: { name: string; score: number };
}

/** A choice as offered to the resident, with its label already in their language. */
export interface OfferedChoice {
  id: string;
  label: string;
}

/** Bad input is a value, not an exception: either the parsed value, or a reason to re-ask with. */
export type InputResult = { ok: true; value: Answer; choiceId?: string } | { ok: false; reason: string; values?: TextValues };

const fail = (reason: string, values?: TextValues): InputResult => ({ ok: false, reason, values });
const AFFIRM_DENY_MIN_SCORE = 0.6;

function parseChoice(answer: RawAnswer, choices: OfferedChoice[]): InputResult {
  const byId = choices.find((c) => c.id === answer.choiceId);
  if (byId) return { ok: true, value: byId.id, choiceId: byId.id };
  const text = answer.text ?? '';
  const number = choiceNumber(text);
  const numbered = number === null ? undefined : choices[number - 1];
  if (numbered) return { ok: true, value: numbered.id, choiceId: numbered.id };
  const folded = foldForMatch(text);
  const exact = choices.filter((c) => foldForMatch(c.label) === folded);
  const partial = folded.length >= 3 ? choices.filter((c) => foldForMatch(c.label).includes(folded) || folded.includes(foldForMatch(c.label))) : [];
  const match = exact.length === 1 ? exact[0] : partial.length === 1 ? partial[0] : undefined;
  if (match) return { ok: true, value: match.id, choiceId: match.id };
  return fail('input.invalid.choice', { max: choices.length });
}

function parseYesNo(answer: RawAnswer, choices: OfferedChoice[]): InputResult {
  const asChoice = parseChoice(answer, choices);
  if (asChoice.ok) return asChoice;
  const intent = answer.intent;
  if (intent && intent.score >= AFFIRM_DENY_MIN_SCORE && (intent.name === 'affirm' || intent.name === 'deny')) {
    const id = intent.name === 'affirm' ? 'yes' : 'no';
    return { ok: true, value: id, choiceId: id };
  }
  return fail('input.invalid.yesno');
}

function parseNumber(text: string, step: AskStep): InputResult {
  const cleaned = text.replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return fail('input.invalid.number');
  const value = Number(cleaned);
  if (step.min !== undefined && value < step.min) return fail('input.invalid.number_min', { min: step.min });
  if (step.max !== undefined && value > step.max) return fail('input.invalid.number_max', { max: step.max });
  return { ok: true, value };
}

function parsePhone(text: string): InputResult {
  const phone = parsePhoneNumberFromString(text.trim(), 'BE');
  return phone?.isValid() ? { ok: true, value: phone.number } : fail('input.invalid.phone');
}

function parseEmail(text: string): InputResult {
  const value = text.trim().toLowerCase();
  return /^[^\s@]{1,64}@[^\s@]{1,190}\.[a-z]{2,}$/.test(value) ? { ok: true, value } : fail('input.invalid.email');
}

function parsePostcode(text: string): InputResult {
  const value = text.replace(/\s/g, '');
  return /^[1-9]\d{3}$/.test(value) ? { ok: true, value } : fail('input.invalid.postcode');
}

function parseDate(text: string, now: Date): InputResult {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  const local = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$/.exec(text.trim());
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3] ?? String(now.getUTCFullYear()), local[2], local[1]] : [];
  if (!y || !m || !d) return fail('input.invalid.date');
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const date = new Date(Date.UTC(year, Number(m) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return fail('input.invalid.date');
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

function parseText(text: string, step: AskStep): InputResult {
  const value = text.trim();
  if (!value) return fail('input.invalid.text_empty');
  const max = step.maxLength ?? 200;
  return value.length > max ? fail('input.invalid.text_too_long', { count: max }) : { ok: true, value };
}

/** Validates one answer against the question's type; returns the value or the reason to re-ask with. */
export function parseAnswer(step: AskStep, answer: RawAnswer, choices: OfferedChoice[], now: Date): InputResult {
  const text = answer.text ?? '';
  switch (step.ask) {
    case 'choice': return parseChoice(answer, choices);
    case 'yesno': return parseYesNo(answer, choices);
    case 'number': return parseNumber(text, step);
    case 'phone': return parsePhone(text);
    case 'email': return parseEmail(text);
    case 'postcode': return parsePostcode(text);
    case 'date': return parseDate(text, now);
    case 'text': return parseText(text, step);
  }
}
