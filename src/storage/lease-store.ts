import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { LeaseStore } from '../core/ports';
import { isDuplicateKey } from './connection';

interface LeaseDoc {
  _id: string;
  owner: string;
  /** Names this holding of the lease, so exactly one process can take it over once it expires. */
  token: string;
  expiresAt: Date;
  /** The takeover record that created this holding, deleted with the holding (released or taken over). */
  takeover: string | null;
}

interface TakeoverDoc {
  _id: string;
  at: Date;
}

const leaseSchema = new Schema<LeaseDoc>(
  {
    _id: { type: String, required: true },
    owner: { type: String, required: true },
    token: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    takeover: { type: String, default: null },
  },
  { collection: 'leases', versionKey: false },
);

/** A release this close to the holding's end (at most a quarter of it) is skipped: the delete could land after a takeover. */
const RELEASE_MARGIN_MS = 1000;

const takeoverSchema = new Schema<TakeoverDoc>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { collection: 'lease_takeovers', versionKey: false });

/**
 * One document per held lease, `_id` = the lease's key, so every command of a turn's lease is an
 * `_id` lookup and a released lease leaves nothing behind. Taking a free lease is an insert under
 * that unique `_id`: of two processes, one wins. Taking over an expired one first inserts a takeover
 * record named after the expired holding's token, so of several takers exactly one replaces it. This
 * holds on MongoDB and on FerretDB, where a conditional findOneAndUpdate is a read followed by a
 * separate write and can let two takers win (docs/concurrency.md).
 */
export class MongoLeaseStore implements LeaseStore {
  private readonly leases: Model<LeaseDoc>;
  private readonly takeovers: Model<TakeoverDoc>;
  /** When this process's holdings run out (less a margin), by the process clock (acquire's `now` may be a test's clock). */
  private readonly heldUntil = new Map<string, number>();

  constructor(connection: Connection) {
    this.leases = connection.models.Lease ?? connection.model<LeaseDoc>('Lease', leaseSchema);
    this.takeovers = connection.models.LeaseTakeover ?? connection.model<TakeoverDoc>('LeaseTakeover', takeoverSchema);
  }

  async acquire(key: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const until = Date.now() + ttlMs - Math.min(RELEASE_MARGIN_MS, ttlMs / 4);
    const taken = await this.take(key, owner, new Date(now.getTime() + ttlMs), now);
    if (taken) this.heldUntil.set(`${key} ${owner}`, until);
    return taken;
  }

  /**
   * Deletes the holding. A holding that ran out may already be someone else's: FerretDB deletes by
   * `_id` after filtering, so a late release could remove the new holder's lease. It is left to expire.
   */
  async release(key: string, owner: string): Promise<void> {
    const until = this.heldUntil.get(`${key} ${owner}`);
    this.heldUntil.delete(`${key} ${owner}`);
    if (until !== undefined && Date.now() > until) return;
    const released = await this.leases.findOneAndDelete({ _id: key, owner }).lean();
    if (released?.takeover) await this.takeovers.deleteOne({ _id: released.takeover });
  }

  private async take(key: string, owner: string, expiresAt: Date, now: Date): Promise<boolean> {
    const holding: LeaseDoc = { _id: key, owner, token: randomUUID(), expiresAt, takeover: null };
    if (await this.insert(holding)) return true;
    const current = await this.leases.findById(key).lean();
    if (!current) return this.insert(holding);
    if (current.expiresAt > now) return current.owner === owner && (await this.renew(current, expiresAt));
    return this.takeOver(current, holding, now);
  }

  private async insert(holding: LeaseDoc): Promise<boolean> {
    try {
      await this.leases.insertMany([holding], { lean: true });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** The owner extends its own valid lease (the scheduler and the phone link do); nobody else can hold it meanwhile. */
  private async renew(current: LeaseDoc, expiresAt: Date): Promise<boolean> {
    const result = await this.leases.updateOne({ _id: current._id, token: current.token }, { $set: { expiresAt } });
    return result.matchedCount === 1;
  }

  private async takeOver(expired: LeaseDoc, holding: LeaseDoc, now: Date): Promise<boolean> {
    const takeover = `${expired._id}!${expired.token}`;
    try {
      await this.takeovers.insertMany([{ _id: takeover, at: now }], { lean: true });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    const replaced = await this.leases.replaceOne({ _id: expired._id, token: expired.token }, { ...holding, takeover });
    // Released meanwhile by its late holder: the key is free, and an insert decides as usual.
    const won = replaced.matchedCount === 1 || (await this.insert({ ...holding, takeover }));
    if (expired.takeover) await this.takeovers.deleteOne({ _id: expired.takeover }).catch(() => undefined);
    return won;
  }
}
