import { Schema, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../../../storage/connection';
import { TransitionLog, type Actor } from '../transitions';

/** The kinds of device lent out. */
export const DEVICE_TYPES = ['laptop', 'chromebook'] as const;
/** One device type. */
export type DeviceType = (typeof DEVICE_TYPES)[number];
/** Where a device is: only `in_stock` devices can be assigned. */
export const DEVICE_STATUSES = ['in_stock', 'lent', 'repair', 'retired'] as const;
/** One device status. */
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
/** The state a device is in, as Stroom grades refurbished devices. */
export const DEVICE_CONDITIONS = ['new', 'good', 'fair', 'poor'] as const;
/** One device condition. */
export type DeviceCondition = (typeof DEVICE_CONDITIONS)[number];

/** A device of the register as imported or entered by staff. */
export interface DeviceInput {
  serial: string;
  model: string;
  type: DeviceType;
  condition: DeviceCondition;
  status: DeviceStatus;
}

/** A stored device; `applicationId` names the application it is reserved for or lent to. */
export interface Device extends DeviceInput {
  _id: string;
  version: number;
  applicationId: string | null;
  registeredAt: Date;
}

const deviceSchema = new Schema<Device>(
  {
    _id: { type: String, required: true },
    serial: { type: String, required: true },
    model: { type: String, required: true },
    type: { type: String, required: true, enum: DEVICE_TYPES },
    condition: { type: String, required: true, enum: DEVICE_CONDITIONS },
    status: { type: String, required: true, enum: DEVICE_STATUSES },
    version: { type: Number, required: true },
    applicationId: { type: String, default: null },
    registeredAt: { type: Date, required: true },
  },
  { collection: 'loan_devices', versionKey: false },
);
deviceSchema.index({ status: 1, type: 1, registeredAt: 1 });

/** A serial as the register keys it: upper case without spaces, so "ab 12" and "AB12" are one device. */
export function normalizeSerial(serial: string): string {
  return serial.replace(/\s+/g, '').toUpperCase();
}

const CANDIDATES_PER_ROUND = 10;
const MAX_ROUNDS = 20;

/**
 * The device register. The _id is the normalised serial, so a re-run import or two staff entering
 * the same laptop can never create a second record. Assigning a device goes through the transition
 * log: two approvals racing for the last laptop both try to write its next version, one wins.
 */
export class DeviceStore {
  private readonly model: Model<Device>;

  constructor(connection: Connection, private readonly log: TransitionLog) {
    this.model = connection.models.LoanDevice ?? connection.model<Device>('LoanDevice', deviceSchema);
  }

  /** Inserts new devices; those already registered are skipped (a re-run import adds nothing). Returns the counts. */
  async register(devices: DeviceInput[], at: Date): Promise<{ inserted: number; existing: number }> {
    const docs = devices.map((d) => ({ ...d, serial: normalizeSerial(d.serial), _id: normalizeSerial(d.serial), version: 0, applicationId: null, registeredAt: at }));
    const known = new Set((await this.model.find({ _id: { $in: docs.map((d) => d._id) } }, { _id: 1 }).lean()).map((d) => String(d._id)));
    const fresh = docs.filter((d) => !known.has(d._id));
    try {
      await this.model.insertMany(fresh, { ordered: true });
      return { inserted: fresh.length, existing: docs.length - fresh.length };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    // Another import registered some of these meanwhile: insert one by one, skipping what exists.
    let inserted = 0;
    for (const doc of fresh) {
      try {
        await this.model.create(doc);
        inserted += 1;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return { inserted, existing: docs.length - inserted };
  }

  async get(id: string): Promise<Device | null> {
    return this.model.findById(id).lean<Device>();
  }

  async list(filter: { status?: DeviceStatus; type?: DeviceType }, limit = 100, skip = 0): Promise<{ total: number; items: Device[] }> {
    const [total, items] = await Promise.all([this.model.countDocuments(filter), this.model.find(filter).sort({ registeredAt: 1, _id: 1 }).skip(skip).limit(limit).lean<Device[]>()]);
    return { total, items };
  }

  /** Devices per status, for the staff overview. */
  async countByStatus(): Promise<Record<DeviceStatus, number>> {
    const counts = await Promise.all(DEVICE_STATUSES.map(async (status) => [status, await this.model.countDocuments({ status })] as const));
    return Object.fromEntries(counts) as Record<DeviceStatus, number>;
  }

  /** Moves a device to a new status if nobody changed it since it was read; false when another change won. */
  async transition(device: Device, to: DeviceStatus, actor: Actor, applicationId: string | null): Promise<boolean> {
    const version = device.version + 1;
    const won = await this.log.record({ entity: 'device', entityId: device._id, version, from: device.status, to, who: actor.who, at: actor.at, note: actor.note ?? applicationId });
    if (!won) return false;
    await this.model.updateOne({ _id: device._id, version: device.version }, { $set: { status: to, version, applicationId } });
    return true;
  }

  /**
   * Takes one device in stock of the given types for an application, oldest in the register first.
   * Null when none is left. A candidate lost to a concurrent approval is skipped; the list is read
   * again until a device is won or none is in stock.
   */
  async assign(types: readonly DeviceType[], applicationId: string, actor: Actor): Promise<Device | null> {
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const candidates = await this.model.find({ status: 'in_stock', type: { $in: types } }).sort({ registeredAt: 1, _id: 1 }).limit(CANDIDATES_PER_ROUND).lean<Device[]>();
      if (candidates.length === 0) return null;
      for (const device of candidates) {
        if (await this.transition(device, 'lent', actor, applicationId)) return { ...device, status: 'lent', version: device.version + 1, applicationId };
      }
    }
    return null;
  }
}
