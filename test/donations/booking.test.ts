import { DonationBooking, type DonationDraft } from '../../src/domain/donations/booking';
import type { SlotCalendar } from '../../src/domain/donations/donation-content';
import { DonationStore } from '../../src/domain/donations/donation-store';
import { upcomingSlots, type Slot } from '../../src/domain/donations/slot-calendar';
import { SlotReservations } from '../../src/domain/donations/slot-reservations';
import { ClaimStore } from '../../src/storage/claims';
import { CounterStore } from '../../src/storage/counters';
import { useTestConnection } from '../support/db';

const calendar: SlotCalendar = {
  placeholders: [], timeZone: 'Europe/Brussels', minimumLeadHours: 48, horizonDays: 30, offerCount: 5,
  windows: [{ days: ['tue', 'thu'], from: '09:00', to: '12:00', capacity: 3 }], closed: [], reminder: { daysBefore: 1, at: '10:00' },
};
const now = new Date('2026-11-27T09:00:00Z');

function draft(id: string): DonationDraft {
  return {
    id, way: 'pickup', donorKind: 'company', companyName: 'Test nv', counts: [{ type: 'laptop', count: 25 }], chargers: 'all', certificateWanted: true,
    phone: '+32470123456', street: 'Kerkstraat 1', postcode: '9300', contact: { channel: 'webchat', conversationId: `c-${id}`, userId: `u-${id}`, language: 'nl' },
  };
}

describe('booking pickup slots', () => {
  const { connection } = useTestConnection('donation_booking', { maxPoolSize: 60 });
  const claims = new ClaimStore(connection);
  const store = new DonationStore(connection);
  const reservations = new SlotReservations(claims, calendar);
  const booking = new DonationBooking(store, reservations, new CounterStore(connection), calendar);
  const [first, second] = [...upcomingSlots(calendar, now)] as [Slot, Slot];

  test('50 concurrent reservations for a slot with capacity 3: exactly 3 succeed, each with its own place and reference', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => booking.book(draft(`race-${i}`), first.id, now)));
    const booked = results.flatMap((r) => (r.ok ? [r.donation] : []));
    expect(booked).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'slot_full')).toHaveLength(47);
    expect(new Set(booked.map((d) => d.pickup?.place))).toEqual(new Set(['1', '2', '3']));
    expect(new Set(booked.map((d) => d.reference)).size).toBe(3);
    booked.forEach((d) => expect(d.reference).toMatch(/^DO-2026-\d{6}$/));
    expect(await claims.count(`slot:${first.id}`)).toBe(3);
    expect(await store.model.countDocuments({ 'pickup.slotId': first.id })).toBe(3);
    expect((await reservations.nextFree(now, { count: 1 }))[0]?.id).toBe(second.id);
  });

  test('a retried booking with the same id takes no second place', async () => {
    const once = await booking.book(draft('retry'), second.id, now);
    const again = await booking.book(draft('retry'), second.id, now);
    expect(once.ok && again.ok && once.donation.reference === again.donation.reference).toBe(true);
    expect(await claims.count(`slot:${second.id}`)).toBe(1);
  });

  test('moving takes the new place and frees the old; cancelling frees the place', async () => {
    const third = [...upcomingSlots(calendar, now)][2] as Slot;
    const fourth = [...upcomingSlots(calendar, now)][3] as Slot;
    const booked = await booking.book(draft('mover'), third.id, now);
    expect(booked.ok).toBe(true);
    expect(await claims.count(`slot:${third.id}`)).toBe(1);

    const moved = await booking.move('mover', fourth.id, now);
    expect(moved.ok && moved.donation.pickup?.slotId).toBe(fourth.id);
    expect(await claims.count(`slot:${third.id}`)).toBe(0);
    expect(await claims.count(`slot:${fourth.id}`)).toBe(1);

    const cancelled = await booking.cancel('mover', now);
    expect(cancelled.ok && cancelled.donation.status).toBe('cancelled');
    expect(await claims.count(`slot:${fourth.id}`)).toBe(0);
    expect(await booking.cancel('mover', now)).toEqual({ ok: false, reason: 'not_open' });
  });

  test('a full slot cannot be moved into, and the booking keeps its place', async () => {
    const booked = await booking.book(draft('stuck'), second.id, now);
    const moved = await booking.move('stuck', first.id, now);
    expect(moved).toEqual({ ok: false, reason: 'slot_full' });
    expect(booked.ok && (await store.byId('stuck'))?.pickup?.slotId).toBe(second.id);
    expect(await claims.count(`slot:${second.id}`)).toBe(2);
  });

  test('a slot that is not in the calendar, or already past, is refused', async () => {
    expect(await booking.book(draft('ghost'), '2026-12-02T0900-1200', now)).toEqual({ ok: false, reason: 'slot_gone' });
    expect(await booking.book(draft('late'), first.id, new Date(first.start.getTime() + 1000))).toEqual({ ok: false, reason: 'slot_gone' });
  });
});
