import type { ActionRegistry, ChoiceProvider, DialogAction } from '../../core/dialog/actions';
import { text, type DonationDialogDeps } from './dialog-support';
import { slotById } from './slot-calendar';
import { formatSlot, parseDayWish } from './slot-text';

/** The id of the extra choice that lets the donor name a day ("volgende dinsdag"). */
export const OTHER_DAY = 'other_day';

/**
 * The next free pickup slots as numbered choices, plus "another day". Starts at the day the donor
 * named (`from_date`), and leaves out the slot of the booking being moved (`current_slot`).
 */
function freeSlots(deps: DonationDialogDeps): ChoiceProvider {
  return async (ctx) => {
    const slots = await deps.reservations.nextFree(ctx.now, {
      fromDate: text(ctx.answers, 'from_date'),
      count: deps.content.slots.offerCount,
      except: text(ctx.answers, 'current_slot'),
    });
    if (slots.length === 0) return [];
    const choices = slots.map((slot) => ({ id: slot.id, label: formatSlot(ctx.language, slot) }));
    return [...choices, { id: OTHER_DAY, label: deps.renderer.text(ctx.language, 'donation.choice.other_day') }];
  };
}

/** After the slot question: either the donor wants another day, or a slot was picked (kept with its label). */
function pickSlot(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const id = text(ctx.answers, 'slot') ?? '';
    if (id === OTHER_DAY) return { outcome: 'other_day' };
    const slot = slotById(deps.content.slots, id);
    if (!slot) return { outcome: 'other_day' };
    return { outcome: 'chosen', values: { slot_id: slot.id, slot_label: formatSlot(ctx.language, slot) } };
  };
}

/** Understands a day the donor names and makes the slot list start there; says why when it cannot. */
function jumpToDay(deps: DonationDialogDeps): DialogAction {
  return async (ctx) => {
    const { timeZone, offerCount } = deps.content.slots;
    const date = parseDayWish(text(ctx.answers, 'day_wish') ?? '', ctx.language, ctx.now, timeZone);
    if (!date) {
      ctx.say('donation.day_not_understood');
      return { outcome: 'retry' };
    }
    const free = await deps.reservations.nextFree(ctx.now, { fromDate: date, count: offerCount, except: text(ctx.answers, 'current_slot') });
    if (free.length === 0) {
      ctx.say('donation.day_full');
      return { outcome: 'ok', values: { from_date: null } };
    }
    return { outcome: 'ok', values: { from_date: date } };
  };
}

/** Registers the slot choice provider and the actions around it, shared by booking and moving. */
export function registerSlotActions(actions: ActionRegistry, deps: DonationDialogDeps): void {
  actions
    .registerChoices('donation_free_slots', freeSlots(deps))
    .register('donation_pick_slot', pickSlot(deps))
    .register('donation_jump_to_day', jumpToDay(deps));
}
