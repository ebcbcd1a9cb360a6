import { Schema, Types, type Connection, type Model } from 'mongoose';

/** One proactive send waiting for the process that holds the phone. */
export interface OutboxEntry {
  id: string;
  chatId: string;
  texts: string[];
}

interface OutboxDoc {
  /** An ObjectId: it grows with time and, within a process, with each write, so it orders the sends. */
  _id: Types.ObjectId;
  chatId: string;
  texts: string[];
  createdAt: Date;
}

const outboxSchema = new Schema<OutboxDoc>(
  { chatId: { type: String, required: true }, texts: { type: [String], required: true }, createdAt: { type: Date, required: true } },
  { collection: 'whatsapp_web_outbox', versionKey: false },
);

/**
 * Proactive WhatsApp messages (staff replies, reminders) go through MongoDB: any process may send,
 * but only the one holding the linked phone can deliver, and only while the phone is linked; messages
 * wait here until then, in the order they were written.
 */
export class WhatsAppWebOutbox {
  private readonly model: Model<OutboxDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.WhatsAppWebOutbox ?? connection.model<OutboxDoc>('WhatsAppWebOutbox', outboxSchema);
  }

  async append(chatId: string, texts: string[], at: Date): Promise<void> {
    await this.model.create({ chatId, texts, createdAt: at });
  }

  async oldest(limit: number): Promise<OutboxEntry[]> {
    const docs = await this.model.find().sort({ _id: 1 }).limit(limit).lean();
    return docs.map((doc) => ({ id: doc._id.toHexString(), chatId: doc.chatId, texts: doc.texts }));
  }

  async remove(id: string): Promise<void> {
    await this.model.deleteOne({ _id: new Types.ObjectId(id) });
  }
}
