import { DonationBooking, type DonationDraft } from '../../src/domain/donations/booking';
import { CertificateStore } from '../../src/domain/donations/certificate-store';
import type { SlotCalendar } from '../../src/domain/donations/donation-content';
import { DonationDataHolder } from '../../src/domain/donations/donation-privacy';
import { DonationStore } from '../../src/domain/donations/donation-store';
import { upcomingSlots, type Slot } from '../../src/domain/donations/slot-calendar';
import { SlotReservations } from '../../src/domain/donations/slot-reservations';
import { ClaimStore } from '../../src/storage/claims';
import { CounterStore } from '../../src/storage/counters';
import { useTestConnection } from '../support/db';

const calendar: SlotCalendar = {
  placeholders: [], timeZone: 'Europe/Brussels', minimumLeadHours: 48, horizonDays: 30, offerCount: 5,
  windows: [{ days: ['tue'], from: '09:00', to: '12:00', capacity: 2 }], closed: [], reminder: { daysBefore: 1, at: '10:00' },
};
const now = new Date('2026-11-27T09:00:00Z');

const draft = (id: string, userId: string, way: DonationDraft['way'] = 'pickup'): DonationDraft => ({
  id, way, donorKind: 'private', counts: [{ type: 'laptop', count: 20 }], chargers: 'all', certificateWanted: false, phone: '+32470123456', email: 'jan@example.test',
  street: 'Kerkstraat 1', postcode: '9300', contact: { channel: 'webchat', conversationId: userId, userId, language: 'nl' },
});

describe('donations as personal data', () => {
  const { connection } = useTestConnection('donation_privacy');
  const claims = new ClaimStore(connection);
  const store = new DonationStore(connection);
  const booking = new DonationBooking(store, new SlotReservations(claims, calendar), new CounterStore(connection), calendar);
  const holder = new DonationDataHolder(store, booking, new CertificateStore(connection));
  const slot = [...upcomingSlots(calendar, now)][0] as Slot;

  test('export shows the donor their bookings; erasing cancels an open one, frees its place and removes contact details', async () => {
    await booking.book(draft('mine', 'jan'), slot.id, now);
    await booking.book(draft('theirs', 'piet'), slot.id, now);
    const held = await holder.export({ channel: 'webchat', userId: 'jan' });
    expect(held.records).toHaveLength(1);
    expect(held.records[0]).toMatchObject({ phone: '+32470123456', email: 'jan@example.test' });

    const result = await holder.erase({ channel: 'webchat', userId: 'jan' }, now);
    expect(result.erased).toBe(1);
    const erased = await store.byId('mine');
    expect(erased?.status).toBe('cancelled');
    expect(erased?.phone).toBeUndefined();
    expect(erased?.email).toBeUndefined();
    expect(erased?.pickup?.street).toBeUndefined();
    expect(await claims.count(`slot:${slot.id}`)).toBe(1);
    expect((await holder.export({ channel: 'webchat', userId: 'jan' })).records).toHaveLength(0);
    expect((await store.byId('theirs'))?.phone).toBe('+32470123456');
  });

  test('the retention purge strips contact details of old closed or cancelled donations only', async () => {
    await booking.book(draft('old', 'an', 'drop_off'), null, now);
    await booking.cancel('old', now);
    await booking.book(draft('open', 'bo', 'drop_off'), null, now);
    expect(await holder.purge(new Date(now.getTime() + 1000))).toBe(1);
    expect((await store.byId('old'))?.phone).toBeUndefined();
    expect((await store.byId('open'))?.phone).toBe('+32470123456');
  });
});
