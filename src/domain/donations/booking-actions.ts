import type { ActionContext, ActionRegistry, ActionResult, DialogAction } from '../../core/dialog/actions';
import type { DonationDraft } from './booking';
import { bookingValues, contactOf, countsOf, describeCounts, text, type DonationDialogDeps } from './dialog-support';
import type { DonationDoc } from './donation-model';

function draftOf(deps: DonationDialogDeps, ctx: ActionContext): DonationDraft {
  const a = ctx.answers;
  return {
    id: text(a, 'donation_id') ?? '',
    way: text(a, 'way') === 'pickup' ? 'pickup' : 'drop_off',
    donorKind: text(a, 'donor_kind') === 'company' ? 'company' : 'private',
    companyName: text(a, 'company_name'),
    vat: text(a, 'vat'),
    counts: countsOf(deps.content, a),
    chargers: text(a, 'chargers') ?? 'unknown',
    certificateWanted: text(a, 'certificate') === 'yes',
    phone: text(a, 'phone'),
    email: text(a, 'email'),
    street: text(a, 'street'),
    postcode: text(a, 'postcode'),
    contact: contactOf(ctx),
  };
}

/** Says what will be booked, so the donor can check it before anything is reserved. */
function summary(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    ctx.say('donation.summary', { devices: describeCounts(deps.renderer, ctx.language, countsOf(deps.content, ctx.answers)) });
    return {};
  };
}

function confirmPickup(ctx: ActionContext, donation: DonationDoc): void {
  ctx.say('donation.confirm_pickup', bookingValues(ctx.language, donation));
  ctx.say('donation.prepare');
}

function confirmDropOff(ctx: ActionContext, donation: DonationDoc): void {
  ctx.say('donation.confirm_drop_off', bookingValues(ctx.language, donation));
}

/** Books the donation: takes a place in the slot (pickup), gives a reference, and confirms it. */
function book(deps: DonationDialogDeps): DialogAction {
  return async (ctx): Promise<ActionResult> => {
    const draft = draftOf(deps, ctx);
    const result = await deps.booking.book(draft, text(ctx.answers, 'slot_id') ?? null, ctx.now);
    if (!result.ok) {
      ctx.say('donation.slot_taken');
      return { outcome: 'slot_full', values: { slot: null, slot_id: null } };
    }
    const { donation } = result;
    if (donation.way === 'pickup') confirmPickup(ctx, donation);
    else confirmDropOff(ctx, donation);
    if (donation.certificateWanted) ctx.say(donation.email ? 'donation.certificate_chat_and_mail' : 'donation.certificate_chat', { email: donation.email ?? '' });
    ctx.say('donation.manage_hint');
    return { outcome: 'booked', values: { reference: donation.reference } };
  };
}

/** Registers the actions that end the booking dialog: the summary and the booking itself. */
export function registerBookingActions(actions: ActionRegistry, deps: DonationDialogDeps): void {
  actions.register('donation_summary', summary(deps)).register('donation_book', book(deps));
}
