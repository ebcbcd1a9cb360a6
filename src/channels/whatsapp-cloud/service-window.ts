import { Schema, type Connection, type Model } from 'mongoose';
import type { DataSubject, ErasureResult, HeldData, PersonalDataHolder } from '../../core/privacy';
import { isDuplicateKey } from '../../storage/connection';
import { WHATSAPP_CLOUD_CHANNEL } from './to-incoming';

interface WindowDoc {
  /** The resident's WhatsApp id (their number without "+"). */
  _id: string;
  lastInboundAt: Date;
}

const windowSchema = new Schema<WindowDoc>(
  { _id: { type: String, required: true }, lastInboundAt: { type: Date, required: true } },
  { collection: 'whatsapp_cloud_windows', versionKey: false },
);
windowSchema.index({ lastInboundAt: 1 });

/** WhatsApp's customer service window: free text is allowed this long after the resident's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

function modelOf(connection: Connection): Model<WindowDoc> {
  return connection.models.WhatsAppCloudWindow ?? connection.model<WindowDoc>('WhatsAppCloudWindow', windowSchema);
}

/**
 * When each resident last wrote to us, so proactive messages know whether WhatsApp still accepts free
 * text. Shared by every process through the database; the latest time wins ($max), order does not matter.
 */
export class ServiceWindowStore {
  private readonly model: Model<WindowDoc>;

  constructor(connection: Connection) {
    this.model = modelOf(connection);
  }

  /** Records an inbound message: the window runs 24 hours from it. */
  async touch(waId: string, at: Date): Promise<void> {
    try {
      await this.model.updateOne({ _id: waId }, { $max: { lastInboundAt: at } }, { upsert: true });
    } catch (error) {
      // Two first messages at once: both upserts insert, one loses on the unique _id; its update then applies.
      if (!isDuplicateKey(error)) throw error;
      await this.model.updateOne({ _id: waId }, { $max: { lastInboundAt: at } });
    }
  }

  /** True while WhatsApp accepts free text to this resident. */
  async isOpen(waId: string, now: Date): Promise<boolean> {
    const doc = await this.model.findById(waId, { lastInboundAt: 1 }).lean();
    return doc !== null && now.getTime() - doc.lastInboundAt.getTime() < SERVICE_WINDOW_MS;
  }
}

/** The window times are personal data (a number and when it wrote): exported, erased and purged with the rest. */
export class ServiceWindowDataHolder implements PersonalDataHolder {
  readonly name = 'whatsapp-cloud-window';
  private readonly label = 'channel.holder.whatsapp_window';

  constructor(private readonly connection: Connection) {}

  async export(subject: DataSubject): Promise<HeldData> {
    if (subject.channel !== WHATSAPP_CLOUD_CHANNEL) return { holder: this.name, label: this.label, records: [] };
    const doc = await modelOf(this.connection).findById(subject.userId).lean();
    return { holder: this.name, label: this.label, records: doc ? [{ lastMessageAt: doc.lastInboundAt }] : [] };
  }

  async erase(subject: DataSubject): Promise<ErasureResult> {
    if (subject.channel !== WHATSAPP_CLOUD_CHANNEL) return { holder: this.name, erased: 0, keptBecause: [] };
    const result = await modelOf(this.connection).deleteOne({ _id: subject.userId });
    return { holder: this.name, erased: result.deletedCount, keptBecause: [] };
  }

  async purge(before: Date): Promise<number> {
    return (await modelOf(this.connection).deleteMany({ lastInboundAt: { $lt: before } })).deletedCount;
  }
}
