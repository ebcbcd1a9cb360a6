import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import type { Language } from '../../../core/languages';
import type { ConversationAddress } from '../../../core/messages';
import { TransitionLog, type Actor } from '../transitions';

/** A loan is reserved on approval, active from the hand-out, and returned at the end. */
export const LOAN_STATUSES = ['reserved', 'active', 'returned'] as const;
/** One loan status. */
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** One device lent to one resident for one application. */
export interface Loan {
  _id: string;
  applicationId: string;
  reference: string;
  deviceId: string;
  status: LoanStatus;
  version: number;
  reservedAt: Date;
  handedOutAt: Date | null;
  dueAt: Date | null;
  returnedAt: Date | null;
  /** Where and in which language reminders go: the channel the resident applied on. */
  address: ConversationAddress;
  language: Language;
  /** Reminder kinds already sent; the claim decides, this only keeps the job's query small. */
  remindersSent: string[];
}

const loanSchema = new Schema<Loan>(
  {
    _id: { type: String, required: true },
    applicationId: { type: String, required: true },
    reference: { type: String, required: true },
    deviceId: { type: String, required: true },
    status: { type: String, required: true, enum: LOAN_STATUSES },
    version: { type: Number, required: true },
    reservedAt: { type: Date, required: true },
    handedOutAt: { type: Date, default: null },
    dueAt: { type: Date, default: null },
    returnedAt: { type: Date, default: null },
    address: { channel: { type: String, required: true }, conversationId: { type: String, required: true }, userId: { type: String, required: true } },
    language: { type: String, required: true },
    remindersSent: { type: [String], default: [] },
  },
  { collection: 'loans', versionKey: false },
);
loanSchema.index({ applicationId: 1 }, { unique: true });
loanSchema.index({ status: 1, dueAt: 1 });
loanSchema.index({ 'address.channel': 1, 'address.userId': 1, reservedAt: -1 });

/** The date `years` after `from`, same day and time (29 February falls back to 1 March). */
export function addYears(from: Date, years: number): Date {
  const due = new Date(from);
  due.setUTCFullYear(due.getUTCFullYear() + years);
  return due;
}

/** Loans: one per approved application (unique), moved through the transition log like applications. */
export class LoanStore {
  private readonly model: Model<Loan>;

  constructor(connection: Connection, private readonly log: TransitionLog) {
    this.model = connection.models.Loan ?? connection.model<Loan>('Loan', loanSchema);
  }

  /** Reserves a device for an approved application; the unique applicationId makes a second loan impossible. */
  async reserve(input: Pick<Loan, 'applicationId' | 'reference' | 'deviceId' | 'address' | 'language'>, actor: Actor): Promise<Loan> {
    const loan: Loan = { ...input, _id: randomUUID(), status: 'reserved', version: 0, reservedAt: actor.at, handedOutAt: null, dueAt: null, returnedAt: null, remindersSent: [] };
    await this.model.create(loan);
    await this.log.record({ entity: 'loan', entityId: loan._id, version: 0, from: 'new', to: 'reserved', who: actor.who, at: actor.at, note: input.deviceId });
    return loan;
  }

  async get(id: string): Promise<Loan | null> {
    return this.model.findById(id).lean<Loan>();
  }

  async ofApplication(applicationId: string): Promise<Loan | null> {
    return this.model.findOne({ applicationId }).lean<Loan>();
  }

  /** The current loan of a channel user, for "my laptop is broken" and the due date. */
  async currentOfUser(address: ConversationAddress): Promise<Loan | null> {
    return this.model
      .findOne({ 'address.channel': address.channel, 'address.userId': address.userId, status: { $in: ['reserved', 'active'] } })
      .sort({ reservedAt: -1 })
      .lean<Loan>();
  }

  async list(filter: { status?: LoanStatus }, limit = 100, skip = 0): Promise<{ total: number; items: Loan[] }> {
    const [total, items] = await Promise.all([this.model.countDocuments(filter), this.model.find(filter).sort({ reservedAt: 1 }).skip(skip).limit(limit).lean<Loan[]>()]);
    return { total, items };
  }

  /** Active loans due on or before `until`: the reminder job's work list (at most the ~500 devices). */
  async activeDueBy(until: Date): Promise<Loan[]> {
    return this.model.find({ status: 'active', dueAt: { $lte: until } }).sort({ dueAt: 1 }).lean<Loan[]>();
  }

  /** Applications whose loan ended before `before`: their personal data is past retention. */
  async returnedBefore(before: Date): Promise<string[]> {
    const docs = await this.model.find({ status: 'returned', returnedAt: { $lt: before }, 'address.userId': { $ne: '' } }, { applicationId: 1 }).lean();
    return docs.map((d) => d.applicationId);
  }

  /** Drops the chat address of finished loans, so nothing reaches the resident any more. */
  async anonymize(applicationIds: string[]): Promise<void> {
    if (applicationIds.length > 0) await this.model.updateMany({ applicationId: { $in: applicationIds } }, { $set: { 'address.conversationId': '', 'address.userId': '' } });
  }

  async markReminded(id: string, kind: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $addToSet: { remindersSent: kind } });
  }

  /** Moves a loan to a new status if nobody changed it since it was read; false when another change won. */
  async transition(loan: Loan, to: LoanStatus, actor: Actor, set: Partial<Loan> = {}): Promise<boolean> {
    const version = loan.version + 1;
    const won = await this.log.record({ entity: 'loan', entityId: loan._id, version, from: loan.status, to, who: actor.who, at: actor.at, note: actor.note ?? null });
    if (!won) return false;
    await this.model.updateOne({ _id: loan._id, version: loan.version }, { $set: { ...set, status: to, version } });
    return true;
  }
}
