import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type FilterQuery, type Model } from 'mongoose';
import type { Language } from '../../../core/languages';
import type { ConversationAddress } from '../../../core/messages';
import { TransitionLog, type Actor } from '../transitions';

/** Where an application stands; staff decide, the resident may withdraw while nothing is decided. */
export const APPLICATION_STATUSES = ['submitted', 'waitlisted', 'approved', 'rejected', 'withdrawn'] as const;
/** One application status. */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** The device a resident prefers. */
export const DEVICE_PREFERENCES = ['laptop', 'chromebook', 'either'] as const;
/** One device preference. */
export type DevicePreference = (typeof DEVICE_PREFERENCES)[number];

/** What the resident gave in the application dialog; only what staff need, nothing of income or health. */
export interface ApplicationInput {
  name: string;
  street: string;
  postcode: string;
  phone: string;
  email: string | null;
  preferredLanguage: Language;
  device: DevicePreference;
  training: { sessionId: string; place: string } | null;
  /** The channel and conversation it came from: decisions are told there, in `language`. */
  address: ConversationAddress;
  language: Language;
}

/** A stored application. */
export interface Application extends ApplicationInput {
  _id: string;
  reference: string;
  status: ApplicationStatus;
  version: number;
  submittedAt: Date;
  decidedAt: Date | null;
  rejectionReason: string | null;
  deviceId: string | null;
  /** When the personal fields were blanked (erasure on request, or retention after closing). */
  erasedAt: Date | null;
}

const addressSchema = { channel: { type: String, required: true }, conversationId: { type: String, required: true }, userId: { type: String, required: true } };

const applicationSchema = new Schema<Application>(
  {
    _id: { type: String, required: true },
    reference: { type: String, required: true },
    status: { type: String, required: true, enum: APPLICATION_STATUSES },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    street: { type: String, required: true },
    postcode: { type: String, required: true },
    phone: { type: String, required: true },
    email: { type: String, default: null },
    preferredLanguage: { type: String, required: true },
    device: { type: String, required: true, enum: DEVICE_PREFERENCES },
    training: { type: new Schema({ sessionId: String, place: String }, { _id: false }), default: null },
    address: addressSchema,
    language: { type: String, required: true },
    submittedAt: { type: Date, required: true },
    decidedAt: { type: Date, default: null },
    rejectionReason: { type: String, default: null },
    deviceId: { type: String, default: null },
    erasedAt: { type: Date, default: null },
  },
  { collection: 'loan_applications', versionKey: false },
);
applicationSchema.index({ reference: 1 }, { unique: true });
applicationSchema.index({ 'address.channel': 1, 'address.userId': 1, submittedAt: -1 });
applicationSchema.index({ status: 1, submittedAt: 1 });

/** Filters of the staff list. */
export interface ApplicationQuery {
  status?: ApplicationStatus;
  /** Part of a name, a reference or a phone number. */
  search?: string;
  limit?: number;
  skip?: number;
}

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Applications for a laptop loan: created by the dialog, decided by staff through the transition log. */
export class ApplicationStore {
  private readonly model: Model<Application>;

  constructor(connection: Connection, private readonly log: TransitionLog) {
    this.model = connection.models.LoanApplication ?? connection.model<Application>('LoanApplication', applicationSchema);
  }

  async create(input: ApplicationInput, reference: string, at: Date, id: string = randomUUID()): Promise<Application> {
    const doc: Application = { ...input, _id: id, reference, status: 'submitted', version: 0, submittedAt: at, decidedAt: null, rejectionReason: null, deviceId: null, erasedAt: null };
    await this.model.create(doc);
    await this.log.record({ entity: 'application', entityId: id, version: 0, from: 'new', to: 'submitted', who: 'resident', at, note: null });
    return doc;
  }

  async get(id: string): Promise<Application | null> {
    return this.model.findById(id).lean<Application>();
  }

  /** The latest application made from this channel user, so "where is my application?" needs no reference. */
  async latestOfUser(address: ConversationAddress): Promise<Application | null> {
    return this.model.findOne({ 'address.channel': address.channel, 'address.userId': address.userId }).sort({ submittedAt: -1 }).lean<Application>();
  }

  /** Every application of a channel user, for "what do you keep about me?" and erasure. */
  async ofUser(subject: { channel: string; userId: string }): Promise<Application[]> {
    return this.model.find({ 'address.channel': subject.channel, 'address.userId': subject.userId }).sort({ submittedAt: 1 }).lean<Application[]>();
  }

  /** Closed applications (rejected, withdrawn) still holding personal data, closed before `before`. */
  async closedBefore(before: Date): Promise<string[]> {
    const docs = await this.model.find({ status: { $in: ['rejected', 'withdrawn'] }, decidedAt: { $lt: before }, erasedAt: null }, { _id: 1 }).lean();
    return docs.map((d) => String(d._id));
  }

  /** Blanks what names or reaches the resident; reference, status and dates stay for the statistics. */
  async anonymize(ids: string[], at: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const blank = { name: '', street: '', phone: '', email: null, 'address.conversationId': '', 'address.userId': '', erasedAt: at };
    const result = await this.model.updateMany({ _id: { $in: ids }, erasedAt: null }, { $set: blank });
    return result.modifiedCount;
  }

  /** Finds an application only when reference and phone belong together (someone else's reference alone reveals nothing). */
  async byReferenceAndPhone(reference: string, phone: string): Promise<Application | null> {
    return this.model.findOne({ reference: reference.trim().toUpperCase(), phone }).lean<Application>();
  }

  async list(query: ApplicationQuery): Promise<{ total: number; items: Application[] }> {
    const filter: FilterQuery<Application> = {};
    if (query.status) filter.status = query.status;
    if (query.search) {
      const pattern = new RegExp(escapeRegex(query.search.trim()), 'i');
      filter.$or = [{ name: pattern }, { reference: pattern }, { phone: pattern }];
    }
    const [total, items] = await Promise.all([
      this.model.countDocuments(filter),
      this.model.find(filter).sort({ submittedAt: 1 }).skip(query.skip ?? 0).limit(query.limit ?? 50).lean<Application[]>(),
    ]);
    return { total, items };
  }

  /** Waiting applications, oldest first: the order in which freed devices are handed out. */
  async waitlisted(limit = 100): Promise<Application[]> {
    return this.model.find({ status: 'waitlisted' }).sort({ submittedAt: 1, reference: 1 }).limit(limit).lean<Application[]>();
  }

  /** Place on the waiting list, counting from 1. */
  async waitlistPosition(application: Application): Promise<number> {
    return 1 + (await this.model.countDocuments({ status: 'waitlisted', submittedAt: { $lt: application.submittedAt } }));
  }

  /** Contact details the resident changed; only the conversation that owns the application gets here. */
  async updateContact(id: string, change: { phone?: string; email?: string | null }): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: change });
  }

  async setTraining(id: string, training: Application['training']): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { training } });
  }

  /**
   * Moves an application to a new status if nobody changed it since it was read; false means a
   * concurrent change won (the caller answers 409). `set` lands with the status.
   */
  async transition(application: Application, to: ApplicationStatus, actor: Actor, set: Partial<Application> = {}): Promise<boolean> {
    const version = application.version + 1;
    const won = await this.log.record({ entity: 'application', entityId: application._id, version, from: application.status, to, who: actor.who, at: actor.at, note: actor.note ?? null });
    if (!won) return false;
    await this.model.updateOne({ _id: application._id, version: application.version }, { $set: { ...set, status: to, version } });
    return true;
  }
}
