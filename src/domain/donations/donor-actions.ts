import { randomUUID } from 'node:crypto';
import type { ActionContext, ActionRegistry, ActionResult, DialogAction } from '../../core/dialog/actions';
import { acceptedTypes, count, countField, countsOf, describeTypes, text, type DonationDialogDeps } from './dialog-support';
import { parseBelgianVat } from './vat';

const MAX_VAT_TRIES = 3;

function sayAccepted(deps: DonationDialogDeps, ctx: ActionContext): void {
  const declined = deps.content.rules.deviceTypes.filter((t) => !t.accepted).map((t) => t.id);
  ctx.say('donation.intro_accepted', { accepted: describeTypes(deps.renderer, ctx.language, acceptedTypes(deps.content)) });
  if (declined.length > 0) ctx.say('donation.intro_declined', { declined: describeTypes(deps.renderer, ctx.language, declined) });
}

function sayMinimumOf(deps: DonationDialogDeps, ctx: ActionContext): void {
  const lines = deps.content.rules.minimum.map((m) => `- ${deps.renderer.text(ctx.language, `donation.minimum.${m.check}`, { value: m.value ?? '' })}`);
  ctx.say('donation.minimum_intro', { minimum: lines.join('\n') });
}

/** Fixes the donation id for this booking (so a retried turn books once) and says what we take. */
function start(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    sayAccepted(deps, ctx);
    return { values: { donation_id: randomUUID(), types_done: '' } };
  };
}

/** Answers "what can I give?" from the rules in content: the accepted types and the laptop minimum. */
function whatWeTake(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    sayAccepted(deps, ctx);
    sayMinimumOf(deps, ctx);
    return {};
  };
}

/** Checks a VAT number the donor gave; a bad one is asked again with the reason, at most three times. */
const checkVat: DialogAction = async (ctx): Promise<ActionResult> => {
  const given = text(ctx.answers, 'vat');
  if (!given) return { outcome: 'ok' };
  const result = parseBelgianVat(given);
  if (result.ok) return { outcome: 'ok', values: { vat: result.value } };
  const tries = count(ctx.answers, 'vat_tries') + 1;
  if (tries >= MAX_VAT_TRIES) {
    ctx.say('donation.vat.give_up');
    return { outcome: 'ok', values: { vat: null, vat_tries: 0 } };
  }
  ctx.say(`donation.vat.${result.problem}`);
  return { outcome: 'retry', values: { vat_tries: tries } };
};

/** Picks the next accepted device type to ask a number for, or says all were asked. */
function nextType(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const done = (text(ctx.answers, 'types_done') ?? '').split(',');
    const type = acceptedTypes(deps.content).find((t) => !done.includes(t));
    if (!type) return { outcome: 'done' };
    return { outcome: 'ask', values: { type_current: type, count_question: deps.renderer.text(ctx.language, `donation.count_question.${type}`) } };
  };
}

/** Keeps the number just given under the type it was asked for. */
const saveCount: DialogAction = async (ctx) => {
  const type = text(ctx.answers, 'type_current') ?? '';
  const done = [text(ctx.answers, 'types_done'), type].filter(Boolean).join(',');
  return { values: { [`count_${type}`]: count(ctx.answers, 'type_count'), types_done: done, type_count: null } };
};

/** Decides what to check next from the numbers: nothing to give, laptops to check, or other devices only. */
function checkCounts(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const total = countsOf(deps.content, ctx.answers).reduce((sum, c) => sum + c.count, 0);
    if (total === 0) return { outcome: 'none' };
    return { outcome: count(ctx.answers, countField('laptop')) > 0 ? 'laptops' : 'other', values: { total } };
  };
}

/** Says the configured minimum for a useful laptop, one line per check. */
function sayMinimum(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    sayMinimumOf(deps, ctx);
    return {};
  };
}

/** None of the laptops is useful: they leave the donation; other devices may still be given. */
function dropLaptops(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const values = { [countField('laptop')]: 0 };
    const left = countsOf(deps.content, { ...ctx.answers, ...values }).reduce((sum, c) => sum + c.count, 0);
    return { outcome: left > 0 ? 'other' : 'none', values: { ...values, total: left } };
  };
}

/** Pickup or drop-off, by the rules in content: enough devices may be picked up (inside the area). */
function decideWay(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const { minDevices } = deps.content.rules.pickup;
    if (count(ctx.answers, 'total') >= minDevices) return { outcome: 'pickup_possible' };
    ctx.say('donation.drop_off_reason', { min: minDevices });
    return { outcome: 'drop_off', values: { way: 'drop_off' } };
  };
}

/** Checks that the pickup address lies in the area we drive to; outside it, the donor drops off. */
function checkArea(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const { postcodes } = deps.content.rules.pickup;
    if (postcodes.includes(text(ctx.answers, 'postcode') ?? '')) return { outcome: 'inside', values: { way: 'pickup' } };
    ctx.say('donation.outside_area', { postcodes: postcodes.join(', ') });
    return { outcome: 'outside', values: { way: 'drop_off' } };
  };
}

/** Registers the actions of the first half of the booking dialog: who gives what, and which way. */
export function registerDonorActions(actions: ActionRegistry, deps: DonationDialogDeps): void {
  actions
    .register('donation_start', start(deps))
    .register('donation_what_we_take', whatWeTake(deps))
    .register('donation_check_vat', checkVat)
    .register('donation_next_type', nextType(deps))
    .register('donation_save_count', saveCount)
    .register('donation_check_counts', checkCounts(deps))
    .register('donation_say_minimum', sayMinimum(deps))
    .register('donation_drop_laptops', dropLaptops(deps))
    .register('donation_decide_way', decideWay(deps))
    .register('donation_check_area', checkArea(deps));
}
