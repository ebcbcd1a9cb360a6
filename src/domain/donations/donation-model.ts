import { Schema, type Connection, type Model } from 'mongoose';
import type { Language } from '../../core/languages';
import type { DeviceType } from './donation-content';

/** Where the devices go from the donor to us. */
export type DonationWay = 'pickup' | 'drop_off';
/** A donation's life: booked by the donor, received by staff, closed when every device is handled. */
export type DonationStatus = 'booked' | 'cancelled' | 'received' | 'closed';

/** The donor's conversation, kept so reminders and the certificate reach them on their own channel. */
export interface DonorContact {
  channel: string;
  conversationId: string;
  userId: string;
  language: Language;
}

/** A booked pickup: the slot, the place taken in it (to release), and where to come. */
export interface PickupBooking {
  slotId: string;
  place: string;
  date: string;
  from: string;
  to: string;
  start: Date;
  street: string;
  postcode: string;
}

/** A donation as stored: the donor's booking; the devices staff register live in donation_devices. */
export interface DonationDoc {
  _id: string;
  reference: string;
  status: DonationStatus;
  way: DonationWay;
  donorKind: 'company' | 'private';
  companyName?: string;
  vat?: string;
  counts: Array<{ type: DeviceType; count: number }>;
  chargers: string;
  certificateWanted: boolean;
  pickup?: PickupBooking;
  phone?: string;
  email?: string;
  contact: DonorContact;
  receivedAt?: Date;
  closedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const pickupSchema = new Schema<PickupBooking>({
  slotId: { type: String, required: true }, place: { type: String, required: true }, date: { type: String, required: true },
  from: { type: String, required: true }, to: { type: String, required: true }, start: { type: Date, required: true },
  street: { type: String, required: true }, postcode: { type: String, required: true },
}, { _id: false });

const donationSchema = new Schema<DonationDoc>({
  _id: { type: String, required: true },
  reference: { type: String, required: true },
  status: { type: String, required: true },
  way: { type: String, required: true },
  donorKind: { type: String, required: true },
  companyName: String,
  vat: String,
  counts: [{ _id: false, type: { type: String, required: true }, count: { type: Number, required: true } }],
  chargers: { type: String, required: true },
  certificateWanted: { type: Boolean, required: true },
  pickup: pickupSchema,
  phone: String,
  email: String,
  contact: { channel: String, conversationId: String, userId: String, language: String },
  receivedAt: Date,
  closedAt: Date,
  createdAt: { type: Date, required: true },
  updatedAt: { type: Date, required: true },
}, { collection: 'donations', versionKey: false });
donationSchema.index({ reference: 1 }, { unique: true });
donationSchema.index({ 'contact.channel': 1, 'contact.userId': 1, status: 1 });
donationSchema.index({ status: 1, 'pickup.start': 1 });

/** The donations model on the app's connection (defined once; the composition root builds its indexes). */
export function donationModel(connection: Connection): Model<DonationDoc> {
  return (connection.models.Donation as Model<DonationDoc> | undefined) ?? connection.model<DonationDoc>('Donation', donationSchema);
}
