import { MongoLeaseStore } from '../../src/storage/lease-store';
import { useTestConnection } from '../support/db';

describe('leases: exactly one holder, also under contention and after expiry', () => {
  const { connection } = useTestConnection('leases');
  const leases = new MongoLeaseStore(connection);
  const t0 = new Date('2026-11-27T10:00:00Z');
  const later = (ms: number): Date => new Date(t0.getTime() + ms);

  test('50 processes taking a free lease at once: one wins', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => leases.acquire('free', `p${i}`, 10_000, t0)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('a held lease is refused to others, renewable by its owner, and free again after release', async () => {
    expect(await leases.acquire('k', 'a', 10_000, t0)).toBe(true);
    expect(await leases.acquire('k', 'b', 10_000, later(1000))).toBe(false);
    expect(await leases.acquire('k', 'a', 10_000, later(2000))).toBe(true);
    await leases.release('k', 'b');
    expect(await leases.acquire('k', 'b', 10_000, later(3000))).toBe(false);
    await leases.release('k', 'a');
    expect(await leases.acquire('k', 'b', 10_000, later(4000))).toBe(true);
  });

  test('50 processes taking over an expired lease at once: one wins', async () => {
    expect(await leases.acquire('expired', 'crashed', 1000, t0)).toBe(true);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => leases.acquire('expired', `p${i}`, 10_000, later(5000))));
    expect(results.filter(Boolean)).toHaveLength(1);
    // The late holder's release does not free the new holder's lease.
    await leases.release('expired', 'crashed');
    expect(await leases.acquire('expired', 'late', 10_000, later(6000))).toBe(false);
  });

  test('a holding released after it ran out is left to expire (it may be someone else\'s by then)', async () => {
    expect(await leases.acquire('slow', 'a', 40, t0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await leases.release('slow', 'a');
    expect(await connection.collection('leases').countDocuments({ _id: 'slow' as never })).toBe(1);
    expect(await leases.acquire('slow', 'b', 1000, later(100))).toBe(true);
  });

  test('a released lease leaves nothing behind; takeover records go with the holding they made', async () => {
    for (let i = 0; i < 12; i += 1) {
      expect(await leases.acquire('busy', 'a', 1000, later(i * 10))).toBe(true);
      await leases.release('busy', 'a');
    }
    expect(await connection.collection('leases').countDocuments({ _id: 'busy' as never })).toBe(0);
    // A job's lease: never released, taken over at every tick (by whichever process comes first).
    for (let tick = 1; tick <= 5; tick += 1) expect(await leases.acquire('job', `p${tick % 2}`, 1000, later(tick * 2000))).toBe(true);
    expect(await connection.collection('lease_takeovers').countDocuments({ _id: { $regex: '^job!' } as never })).toBe(1);
    await leases.release('job', 'p1');
    expect(await connection.collection('lease_takeovers').countDocuments({ _id: { $regex: '^job!' } as never })).toBe(0);
    expect(await leases.acquire('job', 'p0', 1000, later(20_000))).toBe(true);
  });
});
