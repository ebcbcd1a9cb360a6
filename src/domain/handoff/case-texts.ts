import type { MessageRenderer } from '../../core/dialog/renderer';
import type { TextValues } from '../../core/i18n/translator';
import type { Language } from '../../core/languages';
import type { Choice, OutgoingMessage } from '../../core/messages';
import type { BusinessHours } from './business-hours';

/** A text to say: a key and its values. */
export interface CaseText {
  key: string;
  values?: TextValues;
}

const WEEK_MS = 6 * 86_400_000;

/**
 * "We are back on Monday at 9:00" in the resident's language: today → a time only; within six days →
 * weekday and time; later (holidays) → weekday, date and time. Formatted by Intl in the staff time zone.
 */
export function backAt(hours: BusinessHours, language: Language, now: Date): CaseText {
  const opening = hours.nextOpening(now);
  const timeZone = hours.data.timeZone;
  const time = new Intl.DateTimeFormat(language, { timeZone, hour: 'numeric', minute: '2-digit' }).format(opening);
  if (hours.local(opening).day === hours.local(now).day) return { key: 'case.back_today', values: { time } };
  const long = opening.getTime() - now.getTime() > WEEK_MS;
  const day = new Intl.DateTimeFormat(language, long ? { timeZone, weekday: 'long', day: 'numeric', month: 'long' } : { timeZone, weekday: 'long' }).format(opening);
  return { key: 'case.back_on', values: { day, time } };
}

/** What the resident hears when a case opens: passed on, then either "soon" or "back at ...". */
export function openingTexts(hours: BusinessHours, language: Language, now: Date, reference: string): CaseText[] {
  const when = hours.isOpen(now) ? { key: 'case.staff_soon' } : backAt(hours, language, now);
  return [{ key: 'case.opened', values: { reference } }, when];
}

/** The 1–5 satisfaction choices (ids csat_1 … csat_5), labelled in the resident's language. */
export function csatChoices(renderer: MessageRenderer, language: Language): Choice[] {
  return [1, 2, 3, 4, 5].map((score) => ({ id: `csat_${score}`, label: renderer.text(language, `case.csat.choice_${score}`) }));
}

/** The CSAT question as a message with its choices. */
export function csatQuestion(renderer: MessageRenderer, language: Language): OutgoingMessage {
  return renderer.message(language, ['case.csat.prompt'], {}, { choices: csatChoices(renderer, language) });
}

/** Reads a 1–5 score from a tapped choice or a bare digit; null when the message is something else. */
export function csatScore(choiceId: string | undefined, text: string | undefined): number | null {
  const fromChoice = choiceId ? /^csat_([1-5])$/.exec(choiceId) : null;
  const fromText = !fromChoice && text ? /^\s*([1-5])\s*$/.exec(text) : null;
  const digit = fromChoice?.[1] ?? fromText?.[1];
  return digit ? Number(digit) : null;
}

/** Renders case texts into one message. */
export function render(renderer: MessageRenderer, language: Language, texts: CaseText[], choices?: Choice[]): OutgoingMessage {
  const text = texts.map((t) => renderer.text(language, t.key, t.values)).join('\n\n');
  return renderer.raw(language, text, choices);
}
