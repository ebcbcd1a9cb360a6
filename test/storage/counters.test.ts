import { CounterStore, formatReference, nextReference } from '../../src/storage/counters';
import { useTestConnection } from '../support/db';

describe('counters for human references', () => {
  const { connection } = useTestConnection('counters');
  const counters = new CounterStore(connection);

  test('50 concurrent callers get 50 different consecutive numbers', async () => {
    const numbers = await Promise.all(Array.from({ length: 50 }, () => counters.next('burst')));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('two processes taking turns: each skips the numbers the other took, none is given twice', async () => {
    const other = new CounterStore(connection);
    const taken = [await counters.next('shared'), await other.next('shared'), await other.next('shared'), await counters.next('shared')];
    expect(taken).toEqual([1, 2, 3, 4]);
    const burst = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? counters : other).next('shared')));
    expect([...burst].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 5));
  });

  test('references are yearly with six digits', async () => {
    expect(formatReference('DA', 2026, 123)).toBe('DA-2026-000123');
    expect(await nextReference(counters, 'DO', new Date('2026-05-01T00:00:00Z'))).toBe('DO-2026-000001');
    expect(await nextReference(counters, 'DO', new Date('2027-01-02T00:00:00Z'))).toBe('DO-2027-000001');
    expect(await nextReference(counters, 'DO', new Date('2026-06-01T00:00:00Z'))).toBe('DO-2026-000002');
  });
});
