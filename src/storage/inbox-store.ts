import { setTimeout as sleep } from 'node:timers/promises';
import { Schema, type Connection, type Model } from 'mongoose';
import type { OutgoingMessage } from '../core/messages';
import type { InboxEntry, InboxStore } from '../core/ports';
import { isDuplicateKey } from './connection';

interface InboxDoc {
  _id: string;
  conversationKey: string;
  status: 'processing' | 'done';
  replies: OutgoingMessage[];
  receivedAt: Date;
}

const inboxSchema = new Schema<InboxDoc>(
  {
    _id: { type: String, required: true },
    conversationKey: { type: String, required: true },
    status: { type: String, enum: ['processing', 'done'], required: true },
    replies: { type: Schema.Types.Mixed, default: [] },
    receivedAt: { type: Date, required: true },
  },
  { collection: 'inbox', versionKey: false },
);
inboxSchema.index({ receivedAt: 1 });

const POLL_MS = 25;

/** Inbound de-duplication on the unique _id "<channel>:<messageId>", keeping each turn's replies for repeats. */
export class MongoInboxStore implements InboxStore {
  private readonly model: Model<InboxDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.Inbox ?? connection.model<InboxDoc>('Inbox', inboxSchema);
  }

  async begin(channel: string, messageId: string, conversationKey: string, at: Date): Promise<InboxEntry> {
    const _id = `${channel}:${messageId}`;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await this.model.insertMany([{ _id, conversationKey, status: 'processing', replies: [], receivedAt: at }], { lean: true });
        return { status: 'new' };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const existing = await this.model.findById(_id).lean();
      // Gone again: the first attempt failed and was abandoned; handle this one as new.
      if (existing) return { status: 'duplicate', replies: existing.status === 'done' ? existing.replies : null };
    }
    return { status: 'duplicate', replies: null };
  }

  async complete(channel: string, messageId: string, replies: OutgoingMessage[]): Promise<void> {
    await this.model.updateOne({ _id: `${channel}:${messageId}` }, { $set: { status: 'done', replies } });
  }

  async abandon(channel: string, messageId: string): Promise<void> {
    await this.model.deleteOne({ _id: `${channel}:${messageId}`, status: 'processing' });
  }

  async waitForReplies(channel: string, messageId: string, timeoutMs: number): Promise<OutgoingMessage[] | null> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const doc = await this.model.findById(`${channel}:${messageId}`, { status: 1, replies: 1 }).lean();
      if (!doc) return null;
      if (doc.status === 'done') return doc.replies;
      await sleep(POLL_MS);
    }
    return null;
  }
}
