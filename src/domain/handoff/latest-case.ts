import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../../storage/connection';
import type { CaseDoc } from './case-model';

interface LatestCaseDoc {
  /** The conversation key. */
  _id: string;
  caseId: string;
  /** The resident, so erasure finds the pointer. */
  residentKey: string;
  createdAt: Date;
}

const latestSchema = new Schema<LatestCaseDoc>({
  _id: { type: String, required: true },
  caseId: { type: String, required: true },
  residentKey: { type: String, required: true },
  createdAt: { type: Date, required: true },
}, { collection: 'handoff_latest', versionKey: false });
latestSchema.index({ residentKey: 1 });

/** Marks that the cases stored before the index have their pointers (no conversation key starts with '#'). */
const BACKFILLED = '#backfilled';

/**
 * The newest case of each conversation, under the conversation's key as `_id`. Every turn asks
 * whether its conversation has a case; by `_id` that is one indexed read on any server, where
 * `{conversationKey}` on FerretDB reads every case ever kept. Written before the case itself, so a
 * crash in between leaves a pointer to nothing (no case), never a case without a pointer.
 */
export class LatestCaseIndex {
  private readonly model: Model<LatestCaseDoc>;
  /** Cases stored before this index existed get their pointers once per process, before the first lookup. */
  private backfilled: Promise<number> | undefined;

  constructor(connection: Connection, private readonly cases: Model<CaseDoc>) {
    this.model = connection.models.HandoffLatestCase ?? connection.model<LatestCaseDoc>('HandoffLatestCase', latestSchema);
  }

  /** Points the conversation at a new case (turns of one conversation never overlap, so a plain upsert is enough). */
  async point(doc: Pick<CaseDoc, '_id' | 'conversationKey' | 'residentKey' | 'createdAt'>): Promise<void> {
    await this.model.updateOne({ _id: doc.conversationKey }, { $set: { caseId: doc._id, residentKey: doc.residentKey, createdAt: doc.createdAt } }, { upsert: true });
  }

  /** The id of the conversation's newest case, if it ever had one. */
  async caseIdFor(conversationKey: string): Promise<string | null> {
    await this.ensureBackfilled();
    return (await this.model.findById(conversationKey, { caseId: 1 }).lean())?.caseId ?? null;
  }

  /** Runs the backfill once (again after a failure, e.g. while the database was away). */
  ensureBackfilled(): Promise<number> {
    this.backfilled ??= this.backfill().catch((error: unknown) => {
      this.backfilled = undefined;
      throw error;
    });
    return this.backfilled;
  }

  /**
   * Adds pointers for cases stored before this index existed (one pass, then a marker). Inserts
   * only, so it never moves a pointer a running process has just set to a newer case.
   */
  private async backfill(): Promise<number> {
    if (await this.model.exists({ _id: BACKFILLED })) return 0;
    const newest = new Map<string, Pick<CaseDoc, '_id' | 'conversationKey' | 'residentKey' | 'createdAt'>>();
    for await (const doc of this.cases.find({}, { conversationKey: 1, residentKey: 1, createdAt: 1 }).sort({ createdAt: 1 }).lean().cursor()) newest.set(doc.conversationKey, doc);
    let added = 0;
    for (const doc of newest.values()) {
      try {
        await this.model.insertMany([{ _id: doc.conversationKey, caseId: doc._id, residentKey: doc.residentKey, createdAt: doc.createdAt }], { lean: true });
        added += 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    await this.model.updateOne({ _id: BACKFILLED }, { $set: { caseId: '', residentKey: '', createdAt: new Date() } }, { upsert: true });
    return added;
  }

  /** Forgets a resident's pointers (erasure). */
  async erase(residentKey: string): Promise<number> {
    return (await this.model.deleteMany({ residentKey })).deletedCount;
  }
}
