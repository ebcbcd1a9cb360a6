import type { Connection, Model } from 'mongoose';
import { isDuplicateKey } from '../../storage/connection';
import { donationModel, type DonationDoc, type DonationStatus, type DonorContact } from './donation-model';

/** Statuses in which the donor can still move or cancel a booking. */
export const OPEN_STATUSES: readonly DonationStatus[] = ['booked'];

/**
 * Reads and writes donations. Only plain writes live here: first-writer-wins decisions (places,
 * references, reminders, certificates) are claims made before these writes.
 */
export class DonationStore {
  readonly model: Model<DonationDoc>;

  constructor(connection: Connection) {
    this.model = donationModel(connection);
  }

  /** Inserts a new donation; a retried turn with the same id gets the donation it already made. */
  async insertOnce(doc: DonationDoc): Promise<DonationDoc> {
    try {
      await this.model.create(doc);
      return doc;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await this.byId(doc._id);
      if (!existing) throw error;
      return existing;
    }
  }

  async byId(id: string): Promise<DonationDoc | null> {
    return this.model.findById(id).lean<DonationDoc>();
  }

  async byReference(reference: string): Promise<DonationDoc | null> {
    return this.model.findOne({ reference: reference.trim().toUpperCase() }).lean<DonationDoc>();
  }

  /** The donor's open bookings on this channel, soonest first: "move my pickup" needs no reference then. */
  async openFor(contact: Pick<DonorContact, 'channel' | 'userId'>): Promise<DonationDoc[]> {
    return this.model
      .find({ 'contact.channel': contact.channel, 'contact.userId': contact.userId, status: { $in: OPEN_STATUSES } })
      .sort({ createdAt: 1 })
      .lean<DonationDoc[]>();
  }

  /** Booked pickups starting in a time range, for the reminder job. */
  async pickupsStarting(from: Date, to: Date): Promise<DonationDoc[]> {
    return this.model.find({ status: 'booked', way: 'pickup', 'pickup.start': { $gte: from, $lt: to } }).lean<DonationDoc[]>();
  }

  /** Donations staff see in the intake list, newest first. */
  async list(status?: DonationStatus): Promise<DonationDoc[]> {
    return this.model.find(status ? { status } : {}).sort({ createdAt: -1 }).limit(200).lean<DonationDoc[]>();
  }

  /** Sets fields of one donation and returns it as it is now. */
  async set(id: string, fields: Partial<DonationDoc>, at: Date): Promise<DonationDoc | null> {
    await this.model.updateOne({ _id: id }, { $set: { ...fields, updatedAt: at } });
    return this.byId(id);
  }
}
