import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from './connection';

interface ClaimDoc {
  _id: string;
  scope: string;
  owner: string;
  claimedAt: Date;
}

const claimSchema = new Schema<ClaimDoc>(
  { _id: { type: String, required: true }, scope: { type: String, required: true }, owner: { type: String, required: true }, claimedAt: { type: Date, required: true } },
  { collection: 'claims', versionKey: false },
);
claimSchema.index({ scope: 1 });

/**
 * First-writer-wins claims on keys, decided by the unique _id: "send this reminder once", "take one
 * of the 3 places of this slot", "this device goes to this loan". An insert either succeeds or fails
 * with duplicate key, atomically on MongoDB and on FerretDB (whose findOneAndUpdate is not atomic).
 */
export class ClaimStore {
  private readonly model: Model<ClaimDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.Claim ?? connection.model<ClaimDoc>('Claim', claimSchema);
  }

  /** True for the one caller that claimed `key` first; `scope` groups keys for counting and clean-up. */
  async claim(scope: string, key: string, owner: string, at: Date): Promise<boolean> {
    try {
      await this.model.insertMany([{ _id: `${scope}:${key}`, scope, owner, claimedAt: at }], { lean: true });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Takes the first free key of several (the places of a slot); null when all are taken. */
  async claimOneOf(scope: string, keys: string[], owner: string, at: Date): Promise<string | null> {
    for (const key of keys) if (await this.claim(scope, key, owner, at)) return key;
    return null;
  }

  /** Gives a key back, only if `owner` holds it (a cancelled booking frees its place). */
  async release(scope: string, key: string, owner: string): Promise<boolean> {
    const result = await this.model.deleteOne({ _id: `${scope}:${key}`, owner });
    return result.deletedCount === 1;
  }

  /** Who holds a key, or null. */
  async holder(scope: string, key: string): Promise<string | null> {
    const doc = await this.model.findById(`${scope}:${key}`, { owner: 1 }).lean();
    return doc?.owner ?? null;
  }

  /** How many keys of a scope are held (places taken in a slot). */
  async count(scope: string): Promise<number> {
    return this.model.countDocuments({ scope });
  }
}
