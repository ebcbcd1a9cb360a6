import { Schema, type Connection, type Model } from 'mongoose';

/** Where the linked phone is: starting the browser, showing a QR code, linked, or lost. */
export type LinkState = 'starting' | 'waiting_for_scan' | 'linked' | 'disconnected';

/** The phone link as the dashboard shows it; the QR code only while waiting for a scan. */
export interface LinkStatus {
  state: LinkState;
  qr?: string;
  changedAt: Date;
}

interface LinkStatusDoc {
  _id: string;
  state: LinkState;
  qr?: string;
  changedAt: Date;
}

const linkStatusSchema = new Schema<LinkStatusDoc>(
  { _id: String, state: { type: String, required: true }, qr: String, changedAt: { type: Date, required: true } },
  { collection: 'whatsapp_web_link', versionKey: false },
);

const DOC_ID = 'phone';

/**
 * The link status in MongoDB, so the dashboard of any process shows what the one process holding
 * the phone sees. Only that process writes (it holds the lease), so plain updates suffice.
 */
export class LinkStatusStore {
  private readonly model: Model<LinkStatusDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.WhatsAppWebLink ?? connection.model<LinkStatusDoc>('WhatsAppWebLink', linkStatusSchema);
  }

  async set(state: LinkState, at: Date, qr?: string): Promise<void> {
    const update = qr ? { $set: { state, qr, changedAt: at } } : { $set: { state, changedAt: at }, $unset: { qr: 1 } };
    await this.model.updateOne({ _id: DOC_ID }, update, { upsert: true });
  }

  /** Null before any process ever started the channel. */
  async get(): Promise<LinkStatus | null> {
    const doc = await this.model.findById(DOC_ID).lean();
    return doc ? { state: doc.state, changedAt: doc.changedAt, ...(doc.qr ? { qr: doc.qr } : {}) } : null;
  }
}
