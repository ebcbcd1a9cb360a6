import type { ClaimStore } from '../../storage/claims';
import type { SlotCalendar } from './donation-content';
import { upcomingSlots, type Slot } from './slot-calendar';

/** A slot with the number of places still free when it was looked at. */
export interface FreeSlot extends Slot {
  free: number;
}

const placesOf = (slot: Slot): string[] => Array.from({ length: slot.capacity }, (_, i) => String(i + 1));

/**
 * The places of pickup slots. A place is a claim "slot:<slotId>:<n>" under a unique key, so of many
 * donors racing for the last place exactly one wins, on MongoDB and on FerretDB alike.
 */
export class SlotReservations {
  constructor(private readonly claims: ClaimStore, private readonly calendar: SlotCalendar) {}

  private scope(slotId: string): string {
    return `slot:${slotId}`;
  }

  /** Places still free in a slot (a lowered capacity never gives a negative number). */
  async free(slot: Slot): Promise<number> {
    return Math.max(0, slot.capacity - (await this.claims.count(this.scope(slot.id))));
  }

  /** The next slots with a free place, from a local date on; `except` leaves out the slot being moved from. */
  async nextFree(now: Date, options: { fromDate?: string; count: number; except?: string }): Promise<FreeSlot[]> {
    const found: FreeSlot[] = [];
    for (const slot of upcomingSlots(this.calendar, now, options.fromDate)) {
      if (found.length >= options.count) break;
      if (slot.id === options.except) continue;
      const free = await this.free(slot);
      if (free > 0) found.push({ ...slot, free });
    }
    return found;
  }

  /**
   * Takes a place for `owner` (a donation id); null when the slot is full. Asking again for the same
   * owner returns the place it already holds, so a retried turn never takes a second place.
   */
  async reserve(slot: Slot, owner: string, at: Date): Promise<string | null> {
    const scope = this.scope(slot.id);
    for (const place of placesOf(slot)) if ((await this.claims.holder(scope, place)) === owner) return place;
    return this.claims.claimOneOf(scope, placesOf(slot), owner, at);
  }

  /** Frees a place (a cancelled or moved booking); only its owner can. */
  async release(slotId: string, place: string, owner: string): Promise<boolean> {
    return this.claims.release(this.scope(slotId), place, owner);
  }
}
