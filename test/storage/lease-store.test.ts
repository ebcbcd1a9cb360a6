import { createStoreConnection } from '../../src/storage/connection';
import { MongoLeaseStore } from '../../src/storage/lease-store';
import { dropTestDatabase, testDatabaseUri } from '../support/db';

describe('leases: exactly one holder, also under contention and after expiry', () => {
  const uri = testDatabaseUri('leases');
  const connection = createStoreConnection(uri);
  const leases = new MongoLeaseStore(connection);
  const t0 = new Date('2026-11-27T10:00:00Z');
  const later = (ms: number): Date => new Date(t0.getTime() + ms);

  beforeAll(async () => {
    await connection.asPromise();
    await Promise.all(Object.values(connection.models).map((model) => model.createIndexes()));
  });

  afterAll(async () => {
    await connection.close();
    await dropTestDatabase(uri);
  });

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
  });

  test('old generations are cleaned up while the newest decides', async () => {
    for (let i = 0; i < 12; i += 1) {
      expect(await leases.acquire('busy', 'a', 1000, later(i * 10))).toBe(true);
      await leases.release('busy', 'a');
    }
    const left = await connection.collection('leases').countDocuments({ key: 'busy' });
    expect(left).toBeLessThanOrEqual(8);
    expect(await leases.acquire('busy', 'b', 1000, later(500))).toBe(true);
  });
});
