/** The intent catalogue; the names are a contract with tools outside the code, so never rename one. */
export const INTENTS = [
  'greeting', 'goodbye', 'thanks', 'help',
  'loan_eligibility', 'loan_apply', 'loan_status', 'loan_problem',
  'donate_schedule', 'donate_manage', 'donate_certificate', 'donate_what',
  'faq_hours', 'faq_location', 'faq_training', 'faq_contact',
  'human_handoff', 'change_language', 'privacy_erase', 'privacy_info',
  'cancel', 'affirm', 'deny', 'none',
] as const;

/** One intent name of the catalogue. */
export type IntentName = (typeof INTENTS)[number];

/** Narrows an untrusted string to an intent name. */
export function isIntentName(value: unknown): value is IntentName {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}
