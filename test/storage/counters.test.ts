import { createStoreConnection } from '../../src/storage/connection';
import { CounterStore, formatReference, nextReference } from '../../src/storage/counters';
import { dropTestDatabase, testDatabaseUri } from '../support/db';

describe('counters for human references', () => {
  const uri = testDatabaseUri('counters');
  const connection = createStoreConnection(uri);
  const counters = new CounterStore(connection);

  beforeAll(async () => {
    await connection.asPromise();
  });

  afterAll(async () => {
    await connection.close();
    await dropTestDatabase(uri);
  });

  test('50 concurrent callers get 50 different consecutive numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => counters.next('burst')));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('references are yearly with six digits', async () => {
    expect(formatReference('DA', 2026, 123)).toBe('DA-2026-000123');
    expect(await nextReference(counters, 'DO', new Date('2026-05-01T00:00:00Z'))).toBe('DO-2026-000001');
    expect(await nextReference(counters, 'DO', new Date('2027-01-02T00:00:00Z'))).toBe('DO-2027-000001');
    expect(await nextReference(counters, 'DO', new Date('2026-06-01T00:00:00Z'))).toBe('DO-2026-000002');
  });
});
