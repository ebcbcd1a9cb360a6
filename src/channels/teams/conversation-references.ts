import type { ConversationReference } from 'botbuilder';
import { Schema, type Connection, type Model } from 'mongoose';

interface ReferenceDoc {
  _id: string;
  reference: Partial<ConversationReference>;
  updatedAt: Date;
  /** Set when Teams answered 403: the bot was removed from the conversation. */
  goneAt?: Date;
}

const referenceSchema = new Schema<ReferenceDoc>(
  { _id: String, reference: { type: Schema.Types.Mixed, required: true }, updatedAt: { type: Date, required: true }, goneAt: Date },
  { collection: 'teams_conversation_refs', versionKey: false, minimize: false },
);

/**
 * Where each Teams conversation can be reached outside a turn (service URL, conversation, bot):
 * Teams offers no other way to send proactively. Saved on every inbound activity, so a moved
 * service URL is picked up; one document per bot and conversation.
 */
export class ConversationReferenceStore {
  private readonly model: Model<ReferenceDoc>;

  constructor(connection: Connection, private readonly bot: 'resident' | 'staff') {
    this.model = connection.models.TeamsConversationRef ?? connection.model<ReferenceDoc>('TeamsConversationRef', referenceSchema);
  }

  /** Keeps the reference without the inbound activity's id, so later sends start new messages, not replies. */
  async save(conversationId: string, reference: Partial<ConversationReference>, at: Date): Promise<void> {
    const { activityId: _replyTo, ...rest } = reference;
    await this.model.updateOne({ _id: this.key(conversationId) }, { $set: { reference: rest, updatedAt: at }, $unset: { goneAt: 1 } }, { upsert: true });
  }

  /** The reference, or null when unknown or when the bot was removed there. */
  async get(conversationId: string): Promise<Partial<ConversationReference> | null> {
    const doc = await this.model.findById(this.key(conversationId)).lean();
    return doc && !doc.goneAt ? doc.reference : null;
  }

  async markGone(conversationId: string, at: Date): Promise<void> {
    await this.model.updateOne({ _id: this.key(conversationId) }, { $set: { goneAt: at } });
  }

  private key(conversationId: string): string {
    return `${this.bot}:${conversationId}`;
  }
}
