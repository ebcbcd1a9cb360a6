import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../../storage/connection';
import type { DeviceType } from './donation-content';

/** What staff did with a device's data: pending until it is wiped or the device destroyed. */
export type DeviceOutcome = 'pending' | 'wiped' | 'destroyed';

/** One device staff registered at intake, with its wipe record. */
export interface IntakeDevice {
  /** "<donationId>:<SERIAL>": one record per serial per donation, decided by the unique _id. */
  _id: string;
  donationId: string;
  type: DeviceType;
  brand: string;
  model: string;
  serial: string;
  outcome: DeviceOutcome;
  method?: string;
  handledAt?: Date;
  handledBy?: string;
  addedAt: Date;
  addedBy: string;
  /** Set when staff put the refurbished device into the loan inventory. */
  stockedAt?: Date;
}

/** What staff type in for a device received. */
export type IntakeDeviceInput = Pick<IntakeDevice, 'type' | 'brand' | 'model' | 'serial'>;

const schema = new Schema<IntakeDevice>({
  _id: { type: String, required: true },
  donationId: { type: String, required: true },
  type: { type: String, required: true },
  brand: { type: String, required: true },
  model: { type: String, required: true },
  serial: { type: String, required: true },
  outcome: { type: String, required: true },
  method: String,
  handledAt: Date,
  handledBy: String,
  addedAt: { type: Date, required: true },
  addedBy: { type: String, required: true },
  stockedAt: Date,
}, { collection: 'donation_devices', versionKey: false });
schema.index({ donationId: 1, addedAt: 1 });

/** A serial as staff may type it: upper case without spaces, so "ab 12" and "AB12" are one device. */
export function normalizeSerial(serial: string): string {
  return serial.replace(/\s+/g, '').toUpperCase();
}

/**
 * The devices received for donations, one document each: two staff members registering devices of
 * one donation at once each insert their own document, so neither can overwrite the other's.
 */
export class IntakeStore {
  private readonly model: Model<IntakeDevice>;

  constructor(connection: Connection) {
    this.model = (connection.models.DonationDevice as Model<IntakeDevice> | undefined) ?? connection.model<IntakeDevice>('DonationDevice', schema);
  }

  /** Registers a device; null when this serial is already registered for the donation. */
  async add(donationId: string, input: IntakeDeviceInput, staffId: string, at: Date): Promise<IntakeDevice | null> {
    const serial = normalizeSerial(input.serial);
    const doc: IntakeDevice = { ...input, serial, _id: `${donationId}:${serial}`, donationId, outcome: 'pending', addedAt: at, addedBy: staffId };
    try {
      await this.model.create(doc);
      return doc;
    } catch (error) {
      if (isDuplicateKey(error)) return null;
      throw error;
    }
  }

  async get(donationId: string, serial: string): Promise<IntakeDevice | null> {
    return this.model.findById(`${donationId}:${normalizeSerial(serial)}`).lean<IntakeDevice>();
  }

  async of(donationId: string): Promise<IntakeDevice[]> {
    return this.model.find({ donationId }).sort({ addedAt: 1, _id: 1 }).lean<IntakeDevice[]>();
  }

  /** Records what was done with a device's data, and by whom. */
  async handle(device: IntakeDevice, outcome: Exclude<DeviceOutcome, 'pending'>, method: string, staffId: string, at: Date): Promise<IntakeDevice | null> {
    await this.model.updateOne({ _id: device._id }, { $set: { outcome, method, handledAt: at, handledBy: staffId } });
    return this.model.findById(device._id).lean<IntakeDevice>();
  }

  async markStocked(device: IntakeDevice, at: Date): Promise<void> {
    await this.model.updateOne({ _id: device._id }, { $set: { stockedAt: at } });
  }
}
