import { Schema, type Connection, type Model } from 'mongoose';
import { AppError } from '../core/errors';
import type { ConversationAddress } from '../core/messages';
import type { ConversationStore, StoredConversation } from '../core/ports';
import { isDuplicateKey } from './connection';

interface ConversationDoc {
  _id: string;
  channel: string;
  conversationId: string;
  userId: string;
  state: object;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const conversationSchema = new Schema<ConversationDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    conversationId: { type: String, required: true },
    userId: { type: String, required: true },
    state: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'conversations', versionKey: false, minimize: false },
);
conversationSchema.index({ channel: 1, userId: 1 });
conversationSchema.index({ updatedAt: 1 });

/** The conversations collection; other stores (privacy, handoff) reach conversations through it. */
export function conversationModel(connection: Connection): Model<ConversationDoc> {
  return connection.models.Conversation ?? connection.model<ConversationDoc>('Conversation', conversationSchema);
}

/** Conversation state in MongoDB, saved with an optimistic revision so a stale turn can never overwrite. */
export class MongoConversationStore implements ConversationStore {
  private readonly model: Model<ConversationDoc>;

  constructor(connection: Connection) {
    this.model = conversationModel(connection);
  }

  async load(key: string): Promise<StoredConversation | null> {
    const doc = await this.model.findById(key, { state: 1, revision: 1 }).lean();
    return doc ? { state: doc.state, revision: doc.revision } : null;
  }

  async save(key: string, address: ConversationAddress, state: object, expectedRevision: number | null, at: Date): Promise<void> {
    if (expectedRevision === null) {
      try {
        await this.model.insertMany([{ _id: key, channel: address.channel, conversationId: address.conversationId, userId: address.userId, state, revision: 1, createdAt: at, updatedAt: at }], { lean: true });
      } catch (error) {
        if (isDuplicateKey(error)) throw new AppError('STATE_CONFLICT', 'conversation created concurrently');
        throw error;
      }
      return;
    }
    const result = await this.model.updateOne({ _id: key, revision: expectedRevision }, { $set: { state, updatedAt: at }, $inc: { revision: 1 } });
    if (result.matchedCount === 0) throw new AppError('STATE_CONFLICT', 'conversation changed during the turn');
  }
}
