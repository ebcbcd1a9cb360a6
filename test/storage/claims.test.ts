import { ClaimStore } from '../../src/storage/claims';
import { useTestConnection } from '../support/db';

describe('first-writer-wins claims', () => {
  const { connection } = useTestConnection('claims');
  const claims = new ClaimStore(connection);
  const at = new Date('2026-11-27T10:00:00Z');

  test('100 callers claiming one key: one wins', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => claims.claim('reminder', 'loan-1:month', `p${i}`, at)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  test('50 callers for 3 places: exactly 3 get one, each a different place', async () => {
    const seats = ['1', '2', '3'];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => claims.claimOneOf('slot-42', seats, `donor${i}`, at)));
    const won = results.filter((r): r is string => r !== null);
    expect(won.sort()).toEqual(seats);
    expect(await claims.count('slot-42')).toBe(3);
  });

  test('only the holder releases, and a released place can be taken again', async () => {
    await claims.claim('slot-7', '1', 'alice', at);
    expect(await claims.release('slot-7', '1', 'bob')).toBe(false);
    expect(await claims.holder('slot-7', '1')).toBe('alice');
    expect(await claims.release('slot-7', '1', 'alice')).toBe(true);
    expect(await claims.claim('slot-7', '1', 'bob', at)).toBe(true);
  });
});
