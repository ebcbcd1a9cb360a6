import { Schema, type Connection, type Model } from 'mongoose';
import type { LeaseStore } from '../core/ports';
import { isDuplicateKey } from './connection';

interface LeaseDoc {
  _id: string;
  key: string;
  generation: number;
  owner: string;
  expiresAt: Date;
  released: boolean;
}

const leaseSchema = new Schema<LeaseDoc>(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    generation: { type: Number, required: true },
    owner: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    released: { type: Boolean, required: true },
  },
  { collection: 'leases', versionKey: false },
);
leaseSchema.index({ key: 1, generation: -1 });

/** Old generations kept per key; older ones are deleted now and then (they never decide anything). */
const KEEP_GENERATIONS = 4;

/**
 * Leases as a log of generations: the newest generation of a key says who holds it. Taking a lease
 * inserts the next generation under a unique _id "<key>#<n>", so of two processes that both see the
 * lease free or expired, exactly one insert succeeds. This holds on MongoDB and on FerretDB, where a
 * conditional findOneAndUpdate is a read followed by a separate write and can let two takers win.
 * The same store elects the single process that runs a scheduled job.
 */
export class MongoLeaseStore implements LeaseStore {
  private readonly model: Model<LeaseDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.Lease ?? connection.model<LeaseDoc>('Lease', leaseSchema);
  }

  async acquire(key: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const current = await this.model.findOne({ key }).sort({ generation: -1 }).lean();
    if (current && !current.released && current.expiresAt > now && current.owner !== owner) return false;
    const generation = (current?.generation ?? 0) + 1;
    try {
      await this.model.create({ _id: `${key}#${generation}`, key, generation, owner, expiresAt: new Date(now.getTime() + ttlMs), released: false });
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
    if (generation > KEEP_GENERATIONS && generation % KEEP_GENERATIONS === 0) {
      await this.model.deleteMany({ key, generation: { $lte: generation - KEEP_GENERATIONS } }).catch(() => undefined);
    }
    return true;
  }

  async release(key: string, owner: string): Promise<void> {
    const current = await this.model.findOne({ key }).sort({ generation: -1 }).lean();
    if (current && current.owner === owner && !current.released) await this.model.updateOne({ _id: current._id }, { $set: { released: true } });
  }
}
