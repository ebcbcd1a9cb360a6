import type { Connection } from 'mongoose';
import pino from 'pino';
import { LinkStatusStore } from '../../../src/channels/whatsapp-web/link-status';
import { PhoneLink } from '../../../src/channels/whatsapp-web/phone-link';
import type { LeaseStore } from '../../../src/core/ports';
import { createStoreConnection } from '../../../src/storage/connection';
import { MongoLeaseStore } from '../../../src/storage/lease-store';
import { FakeWhatsAppNetwork } from '../../fakes/whatsapp-web-fake';
import { dropTestDatabase, testDatabaseUri } from '../../support/db';
import { until } from './whatsapp-web-bed';

/** The real lease store, with a switch that makes it fail as a database that does not answer. */
class FlakyLeases implements LeaseStore {
  down = false;
  constructor(private readonly inner: LeaseStore) {}
  acquire(key: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    return this.down ? Promise.reject(new Error('MongoNetworkTimeoutError')) : this.inner.acquire(key, owner, ttlMs, now);
  }
  release(key: string, owner: string): Promise<void> {
    return this.inner.release(key, owner);
  }
}

describe('the phone lease under a database hiccup', () => {
  let uri: string;
  let connection: Connection;

  beforeAll(async () => {
    uri = testDatabaseUri('wa_lease');
    connection = createStoreConnection(uri);
    await connection.asPromise();
    await new MongoLeaseStore(connection).acquire('warm-up', 'x', 1, new Date());
  });

  afterAll(async () => {
    await connection.close();
    await dropTestDatabase(uri);
  });

  test('a failed renewal keeps the phone while the lease is valid, and gives it up once it has run out', async () => {
    const network = new FakeWhatsAppNetwork();
    network.linked = true;
    const leases = new FlakyLeases(new MongoLeaseStore(connection));
    const link = new PhoneLink({
      createClient: network.createClient, leases, owner: 'process-a', status: new LinkStatusStore(connection), clock: () => new Date(),
      log: pino({ level: 'silent' }), timings: { initTimeoutMs: 500, retryFirstMs: 50, retryMaxMs: 200, leaseTtlMs: 900 },
      handlers: { qr: () => undefined, ready: async () => undefined, message: async () => undefined },
    });
    try {
      await link.start();
      await until(() => link.readyClient() !== undefined);
      leases.down = true;
      await new Promise((resolve) => setTimeout(resolve, 450)); // at least one failed renewal, within the lease
      expect(link.readyClient()).toBe(network.clients[0]);
      await until(() => link.readyClient() === undefined, 3000); // the lease ran out: the phone is given up
      expect(network.clients[0]?.state).toBe('destroyed');
    } finally {
      await link.stop();
    }
  });
});
