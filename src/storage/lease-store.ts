import { Schema, type Connection, type Model } from 'mongoose';
import type { LeaseStore } from '../core/ports';
import { isDuplicateKey } from './connection';

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

const leaseSchema = new Schema<LeaseDoc>(
  { _id: { type: String, required: true }, owner: { type: String, required: true }, expiresAt: { type: Date, required: true } },
  { collection: 'leases', versionKey: false },
);

/**
 * Leases as single documents: taking one is one atomic findOneAndUpdate that matches only a free or
 * expired lease; when someone else holds it, the upsert collides on _id (duplicate key) and we lose.
 * The same store elects the single process for scheduled jobs.
 */
export class MongoLeaseStore implements LeaseStore {
  private readonly model: Model<LeaseDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.Lease ?? connection.model<LeaseDoc>('Lease', leaseSchema);
  }

  async acquire(key: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    try {
      await this.model.findOneAndUpdate(
        { _id: key, $or: [{ expiresAt: { $lte: now } }, { owner }] },
        { $set: { owner, expiresAt: new Date(now.getTime() + ttlMs) } },
        { upsert: true, new: true },
      );
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async release(key: string, owner: string): Promise<void> {
    await this.model.deleteOne({ _id: key, owner });
  }
}
