import { randomUUID } from 'node:crypto';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ActionContext, ActionRegistry, ActionResult } from '../../../core/dialog/actions';
import { isLanguage } from '../../../core/languages';
import { nextReference } from '../../../storage/counters';
import { DEVICE_PREFERENCES, type ApplicationInput, type DevicePreference } from '../applications/application-store';
import type { LoansDomain } from '../domain';
import { evaluateEligibility } from '../eligibility/evaluate';
import { sessionLabel } from '../training/session-label';
import { requiredAnswer, textAnswer } from './answers';

/** The choice id for "I choose a training moment later". */
export const TRAINING_LATER = 'later';
const STILL_OPEN = new Set(['submitted', 'waitlisted', 'approved']);

/** The channel's number (WhatsApp gives one) as a Belgian-aware E.164 number, or null. */
function offeredPhone(ctx: ActionContext): string | null {
  const phone = ctx.contact?.phone ? parsePhoneNumberFromString(ctx.contact.phone, 'BE') : undefined;
  return phone?.isValid() ? phone.number : null;
}

/** Starts an application only after a "likely" pre-screen in this conversation, and takes over its postcode. */
async function prefill(domain: LoansDomain, ctx: ActionContext): Promise<ActionResult> {
  const screen = ctx.state.stack.find((frame) => frame.flow === ctx.params.screen && frame.answers.eligibility === 'likely');
  if (!screen) return { outcome: 'no_prescreen' };
  const existing = await domain.applications.latestOfUser(ctx.address);
  if (existing && STILL_OPEN.has(existing.status)) return { outcome: 'exists', values: { reference: existing.reference } };
  return { outcome: 'ok', values: { postcode: screen.answers.postcode ?? null, phone_offered: offeredPhone(ctx) } };
}

/** A postcode changed from the summary must still pass the staff's rules about where residents live. */
async function checkPostcode(domain: LoansDomain, ctx: ActionContext): Promise<ActionResult> {
  const verdict = await evaluateEligibility(domain.content.rules, { postcode: textAnswer(ctx.answers, 'postcode') }, { final: false });
  if (verdict.outcome !== 'not_eligible') return { outcome: 'ok' };
  verdict.failed.forEach((rule) => ctx.say(rule.reason));
  return { outcome: 'outside' };
}

function summary(domain: LoansDomain, ctx: ActionContext): ActionResult {
  const { renderer } = domain;
  const lng = ctx.language;
  const training = textAnswer(ctx.answers, 'training');
  const session = training ? domain.training.session(training) : undefined;
  ctx.say('application.summary', {
    email: textAnswer(ctx.answers, 'email') ?? renderer.text(lng, 'application.no_email'),
    language: renderer.text(lng, `language.name.${requiredAnswer(ctx.answers, 'preferred_language')}`),
    device: renderer.text(lng, `application.device.${requiredAnswer(ctx.answers, 'device')}`),
    training: session ? sessionLabel(session, lng, renderer) : renderer.text(lng, 'application.training_later'),
  });
  return {};
}

function inputOf(ctx: ActionContext, training: ApplicationInput['training']): ApplicationInput {
  const preferredLanguage = requiredAnswer(ctx.answers, 'preferred_language');
  const device = requiredAnswer(ctx.answers, 'device');
  return {
    name: requiredAnswer(ctx.answers, 'name'),
    street: requiredAnswer(ctx.answers, 'street'),
    postcode: requiredAnswer(ctx.answers, 'postcode'),
    phone: requiredAnswer(ctx.answers, 'phone'),
    email: textAnswer(ctx.answers, 'email'),
    preferredLanguage: isLanguage(preferredLanguage) ? preferredLanguage : ctx.language,
    device: (DEVICE_PREFERENCES as readonly string[]).includes(device) ? (device as DevicePreference) : 'either',
    training,
    address: ctx.address,
    language: ctx.language,
  };
}

/** Books the chosen training place first (it may just have filled up), then takes a reference and stores the application. */
async function submit(domain: LoansDomain, ctx: ActionContext): Promise<ActionResult> {
  const id = randomUUID();
  const sessionId = textAnswer(ctx.answers, 'training');
  const training = sessionId && sessionId !== TRAINING_LATER ? await domain.training.reserve(sessionId, id, ctx.now) : null;
  if (sessionId && sessionId !== TRAINING_LATER && !training) return { outcome: 'session_full' };
  try {
    const reference = await nextReference(domain.counters, 'DA', ctx.now);
    await domain.applications.create(inputOf(ctx, training), reference, ctx.now, id);
    return { outcome: 'submitted', values: { reference } };
  } catch (error) {
    if (training) await domain.training.release(training, id);
    throw error;
  }
}

/** The application dialog's actions: prefill, postcode check, summary and submission. */
export function registerApplicationActions(actions: ActionRegistry, domain: LoansDomain): void {
  actions.register('application_prefill', (ctx) => prefill(domain, ctx));
  actions.register('application_accept_phone', async (ctx) => ({ values: { phone: textAnswer(ctx.answers, 'phone_offered') } }));
  actions.register('application_check_postcode', (ctx) => checkPostcode(domain, ctx));
  actions.register('application_summary', async (ctx) => summary(domain, ctx));
  actions.register('application_submit', (ctx) => submit(domain, ctx));
  actions.registerChoices('training_sessions_or_later', async (ctx) => [
    ...(await domain.training.open(ctx.now)).map((s) => ({ id: s.id, label: sessionLabel(s, ctx.language, domain.renderer) })),
    { id: TRAINING_LATER, label: domain.renderer.text(ctx.language, 'application.training_later') },
  ]);
}
