import type { CounterStore } from '../../storage/counters';
import { nextReference } from '../../storage/counters';
import type { SlotCalendar } from './donation-content';
import type { DonationDoc, DonationWay, DonorContact, PickupBooking } from './donation-model';
import type { DonationStore } from './donation-store';
import { slotById, type Slot } from './slot-calendar';
import type { SlotReservations } from './slot-reservations';

/** Reference prefix of donations: DO-2026-000045. */
export const DONATION_PREFIX = 'DO';

/** What the dialog collected; `id` is fixed before booking so a retried turn books nothing twice. */
export interface DonationDraft {
  id: string;
  way: DonationWay;
  donorKind: 'company' | 'private';
  companyName?: string;
  vat?: string;
  counts: DonationDoc['counts'];
  chargers: string;
  certificateWanted: boolean;
  phone?: string;
  email?: string;
  street?: string;
  postcode?: string;
  contact: DonorContact;
}

/** A booking either succeeds, or says why: the slot filled up meanwhile, or it no longer exists. */
export type BookingResult = { ok: true; donation: DonationDoc } | { ok: false; reason: 'slot_full' | 'slot_gone' | 'not_open' };

/** Books, moves and cancels donations; a slot place is always taken before the booking points at it. */
export class DonationBooking {
  constructor(
    private readonly store: DonationStore,
    private readonly reservations: SlotReservations,
    private readonly counters: CounterStore,
    private readonly calendar: SlotCalendar,
  ) {}

  /** Registers a donation; for a pickup it first takes a place in the slot (null slot for drop-off). */
  async book(draft: DonationDraft, slotId: string | null, now: Date): Promise<BookingResult> {
    const existing = await this.store.byId(draft.id);
    if (existing) return { ok: true, donation: existing };
    let pickup: PickupBooking | undefined;
    if (draft.way === 'pickup') {
      const taken = await this.takePlace(slotId, draft.id, now);
      if (!taken.ok) return taken;
      pickup = { ...taken.pickup, street: draft.street ?? '', postcode: draft.postcode ?? '' };
    }
    const reference = await nextReference(this.counters, DONATION_PREFIX, now);
    const { id, street: _street, postcode: _postcode, ...rest } = draft;
    const donation = await this.store.insertOnce({ ...rest, _id: id, reference, status: 'booked', pickup, createdAt: now, updatedAt: now });
    return { ok: true, donation };
  }

  /** Moves a pickup: the new place is taken first, then the old one is freed, so a failure loses nothing. */
  async move(donationId: string, slotId: string, now: Date): Promise<BookingResult> {
    const donation = await this.store.byId(donationId);
    if (!donation?.pickup || donation.status !== 'booked') return { ok: false, reason: 'not_open' };
    if (donation.pickup.slotId === slotId) return { ok: true, donation };
    const taken = await this.takePlace(slotId, donationId, now);
    if (!taken.ok) return taken;
    const old = donation.pickup;
    const moved = await this.store.set(donationId, { pickup: { ...old, ...taken.pickup } }, now);
    await this.reservations.release(old.slotId, old.place, donationId);
    return moved ? { ok: true, donation: moved } : { ok: false, reason: 'not_open' };
  }

  /** Cancels a booking and frees its place in the slot. */
  async cancel(donationId: string, now: Date): Promise<BookingResult> {
    const donation = await this.store.byId(donationId);
    if (!donation || donation.status !== 'booked') return { ok: false, reason: 'not_open' };
    const cancelled = await this.store.set(donationId, { status: 'cancelled' }, now);
    if (donation.pickup) await this.reservations.release(donation.pickup.slotId, donation.pickup.place, donationId);
    return cancelled ? { ok: true, donation: cancelled } : { ok: false, reason: 'not_open' };
  }

  private async takePlace(slotId: string | null, owner: string, now: Date): Promise<{ ok: true; pickup: Omit<PickupBooking, 'street' | 'postcode'> } | { ok: false; reason: 'slot_full' | 'slot_gone' }> {
    const slot: Slot | null = slotId ? slotById(this.calendar, slotId) : null;
    if (!slot || slot.start < now) return { ok: false, reason: 'slot_gone' };
    const place = await this.reservations.reserve(slot, owner, now);
    if (!place) return { ok: false, reason: 'slot_full' };
    return { ok: true, pickup: { slotId: slot.id, place, date: slot.date, from: slot.from, to: slot.to, start: slot.start } };
  }
}
