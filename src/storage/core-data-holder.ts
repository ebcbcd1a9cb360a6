import type { Connection } from 'mongoose';
import type { DataSubject, ErasureResult, HeldData, PersonalDataHolder } from '../core/privacy';
import { conversationModel } from './conversation-store';

/**
 * The conversations and the inbox of one resident: state, answers so far, and the replies kept for
 * retries; also the leases a crashed process left on their conversations (a lease's key names the
 * resident: `whatsapp:<phone>`). Deleting an expired lease is safe: a taker then simply inserts one.
 */
export class ConversationDataHolder implements PersonalDataHolder {
  readonly name = 'conversation';

  constructor(private readonly connection: Connection) {}

  private async keys(subject: DataSubject): Promise<string[]> {
    const docs = await conversationModel(this.connection).find({ channel: subject.channel, userId: subject.userId }, { _id: 1 }).lean();
    return docs.map((d) => d._id);
  }

  async export(subject: DataSubject): Promise<HeldData> {
    const docs = await conversationModel(this.connection).find({ channel: subject.channel, userId: subject.userId }).lean();
    const records = docs.map((d) => ({ channel: d.channel, createdAt: d.createdAt, updatedAt: d.updatedAt, state: d.state }));
    return { holder: this.name, label: 'privacy.holder.conversation', records };
  }

  async erase(subject: DataSubject, at: Date): Promise<ErasureResult> {
    const keys = await this.keys(subject);
    const inbox = await this.connection.collection('inbox').deleteMany({ conversationKey: { $in: keys } });
    const conversations = await conversationModel(this.connection).deleteMany({ _id: { $in: keys } });
    await this.connection.collection('leases').deleteMany({ _id: { $in: keys as never[] }, expiresAt: { $lt: at } });
    return { holder: this.name, erased: conversations.deletedCount + inbox.deletedCount, keptBecause: [] };
  }

  async purge(before: Date): Promise<number> {
    const inbox = await this.connection.collection('inbox').deleteMany({ receivedAt: { $lt: before } });
    const conversations = await conversationModel(this.connection).deleteMany({ updatedAt: { $lt: before } });
    const leases = await this.connection.collection('leases').deleteMany({ expiresAt: { $lt: before } });
    const takeovers = await this.connection.collection('lease_takeovers').deleteMany({ at: { $lt: before } });
    return inbox.deletedCount + conversations.deletedCount + leases.deletedCount + takeovers.deletedCount;
  }
}
