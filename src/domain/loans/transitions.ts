import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../../storage/connection';

/** One recorded change of state of an application, a device or a loan: who moved it from what to what, and when. */
export interface Transition {
  _id: string;
  entity: 'application' | 'device' | 'loan';
  entityId: string;
  /** The entity's version after this change; (entity, entityId, version) is unique, so one writer wins. */
  version: number;
  from: string;
  to: string;
  who: string;
  at: Date;
  /** A staff note or the id of what this change links to (the loan a device went to). */
  note: string | null;
}

const transitionSchema = new Schema<Transition>(
  {
    _id: { type: String, required: true },
    entity: { type: String, required: true },
    entityId: { type: String, required: true },
    version: { type: Number, required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    who: { type: String, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
  },
  { collection: 'loan_transitions', versionKey: false },
);
transitionSchema.index({ entity: 1, entityId: 1, version: 1 });

/**
 * The versioned-transition pattern of docs/concurrency.md: a change of state is first inserted here
 * under the unique id "<entity>:<id>:<version+1>". The insert decides the race (FerretDB's
 * findOneAndUpdate is not atomic); only the winner then updates the entity, filtered on the version
 * it read. The log doubles as the audit trail staff see.
 */
export class TransitionLog {
  private readonly model: Model<Transition>;

  constructor(connection: Connection) {
    this.model = connection.models.LoanTransition ?? connection.model<Transition>('LoanTransition', transitionSchema);
  }

  /** True for the one caller that moves the entity to `version`; false when another change got there first. */
  async record(change: Omit<Transition, '_id'>): Promise<boolean> {
    try {
      await this.model.create({ _id: `${change.entity}:${change.entityId}:${change.version}`, ...change });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** The changes of one entity, oldest first (the staff view's history). */
  async history(entity: Transition['entity'], entityId: string): Promise<Transition[]> {
    return this.model.find({ entity, entityId }).sort({ version: 1 }).lean<Transition[]>();
  }
}

/** What a store needs to move one of its documents through the log. */
export interface VersionedDoc {
  _id: string;
  version: number;
  status: string;
}

/** Who did it and when: staff e-mail or id, "resident", or a job's name. */
export interface Actor {
  who: string;
  at: Date;
  note?: string | null;
}
