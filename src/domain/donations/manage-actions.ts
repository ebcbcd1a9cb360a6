import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { ActionRegistry, ActionResult, ChoiceProvider, DialogAction } from '../../core/dialog/actions';
import { bookingValues, count, text, type DonationDialogDeps } from './dialog-support';
import type { DonationDoc } from './donation-model';
import { formatDay } from './slot-text';

const MAX_LOOKUP_TRIES = 3;

/** Whether what the donor typed is the phone number or e-mail address given at booking. */
export function provesBooking(donation: Pick<DonationDoc, 'phone' | 'email'>, typed: string): boolean {
  const value = typed.trim().toLowerCase();
  if (donation.email && value === donation.email.toLowerCase()) return true;
  const phone = parsePhoneNumberFromString(typed.trim(), 'BE');
  return Boolean(donation.phone && phone?.isValid() && phone.number === donation.phone);
}

/** Finds the open bookings made in this conversation's channel by this user. */
function findMine(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const mine = await deps.store.openFor(ctx.address);
    if (mine.length === 0) {
      ctx.say('donation.manage.none_found');
      return { outcome: 'none' };
    }
    return mine.length === 1 ? { outcome: 'one', values: { donation_id: mine[0]?._id ?? '' } } : { outcome: 'several' };
  };
}

/** The donor's open bookings as choices, when there are several. */
function myBookings(deps: DonationDialogDeps): ChoiceProvider {
  return async (ctx) =>
    (await deps.store.openFor(ctx.address)).map((d) => ({
      id: d._id,
      label: d.pickup ? `${d.reference}: ${formatDay(ctx.language, d.pickup.date)}` : d.reference,
    }));
}

const pickMine: DialogAction = async (ctx) => ({ values: { donation_id: text(ctx.answers, 'which') ?? '' } });

/** Finds a booking by its reference plus the phone or e-mail given at booking; asks again when it does not match. */
function verify(deps: DonationDialogDeps): DialogAction {
  return async (ctx): Promise<ActionResult> => {
    const donation = await deps.store.byReference(text(ctx.answers, 'reference') ?? '');
    if (donation && donation.status === 'booked' && provesBooking(donation, text(ctx.answers, 'identity') ?? '')) {
      return { outcome: 'ok', values: { donation_id: donation._id, lookup_tries: 0 } };
    }
    const tries = count(ctx.answers, 'lookup_tries') + 1;
    ctx.say('donation.manage.not_found');
    return tries >= MAX_LOOKUP_TRIES ? { outcome: 'give_up', values: { lookup_tries: 0 } } : { outcome: 'retry', values: { lookup_tries: tries } };
  };
}

/** Says the booking found and tells the flow whether it is a pickup (movable) or a drop-off. */
function show(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const donation = await deps.store.byId(text(ctx.answers, 'donation_id') ?? '');
    if (!donation || donation.status !== 'booked') return { outcome: 'gone' };
    const values = bookingValues(ctx.language, donation);
    ctx.say(donation.pickup ? 'donation.manage.booking_pickup' : 'donation.manage.booking_drop_off', values);
    return { outcome: donation.pickup ? 'pickup' : 'drop_off', values: { current_slot: donation.pickup?.slotId ?? null, reference: donation.reference } };
  };
}

/** Moves the pickup to the slot chosen: the new place first, then the old one is freed. */
function move(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const result = await deps.booking.move(text(ctx.answers, 'donation_id') ?? '', text(ctx.answers, 'slot_id') ?? '', ctx.now);
    if (result.ok) {
      ctx.say('donation.manage.moved', bookingValues(ctx.language, result.donation));
      return { outcome: 'moved' };
    }
    ctx.say(result.reason === 'not_open' ? 'donation.manage.gone' : 'donation.slot_taken');
    return { outcome: result.reason === 'not_open' ? 'gone' : 'slot_full', values: { slot: null, slot_id: null } };
  };
}

/** Cancels the booking and frees its place. */
function cancel(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const result = await deps.booking.cancel(text(ctx.answers, 'donation_id') ?? '', ctx.now);
    ctx.say(result.ok ? 'donation.manage.cancelled' : 'donation.manage.gone', result.ok ? bookingValues(ctx.language, result.donation) : {});
    return {};
  };
}

/** Registers the actions of "move or cancel my donation". */
export function registerManageActions(actions: ActionRegistry, deps: DonationDialogDeps): void {
  actions
    .register('donation_find_mine', findMine(deps))
    .registerChoices('donation_my_bookings', myBookings(deps))
    .register('donation_pick_mine', pickMine)
    .register('donation_verify', verify(deps))
    .register('donation_show', show(deps))
    .register('donation_move', move(deps))
    .register('donation_cancel', cancel(deps));
}
