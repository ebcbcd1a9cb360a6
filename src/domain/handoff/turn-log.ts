import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';
import { writeOrder, type TranscriptLine } from './case-model';

interface TurnLineDoc extends TranscriptLine {
  _id: string;
  conversationKey: string;
  /** The resident (channel + user), so erasure finds their lines after the conversation is gone. */
  residentKey: string;
  /** Order of writing, so lines keep their order when they share a timestamp. */
  order: number;
}

const lineSchema = new Schema<TurnLineDoc>({
  _id: { type: String, required: true },
  conversationKey: { type: String, required: true },
  residentKey: { type: String, required: true },
  from: { type: String, required: true },
  text: { type: String, required: true },
  at: { type: Date, required: true },
  order: { type: Number, required: true },
}, { collection: 'conversation_turns', versionKey: false });
lineSchema.index({ conversationKey: 1, at: -1, order: -1 });
lineSchema.index({ at: 1 });
lineSchema.index({ residentKey: 1 });

/**
 * The recent turns of every conversation, so a case opens with a transcript staff can read. The text
 * lives only here and in the case (never in logs) and is purged after the retention period.
 */
export class TurnLog {
  private readonly model: Model<TurnLineDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.ConversationTurn ?? connection.model<TurnLineDoc>('ConversationTurn', lineSchema);
  }

  /** Lines of turns still running, by conversation: a turn holds at most one entry (turns of a conversation never overlap). */
  private readonly running = new Map<string, TranscriptLine[]>();

  /** Records what the resident said and what the bot answered in one turn. */
  async record(conversationKey: string, residentKey: string, lines: TranscriptLine[]): Promise<void> {
    if (lines.length === 0) return;
    await this.model.insertMany(lines.map((line) => ({ _id: randomUUID(), conversationKey, residentKey, order: writeOrder(), ...line })), { lean: true });
  }

  /** Keeps what the resident said until the turn ends, so the turn is one write and a case opened during it still sees the line. */
  hold(conversationKey: string, lines: TranscriptLine[]): void {
    this.running.set(conversationKey, lines);
  }

  /** Writes the held lines and the answers of the turn together. */
  async finish(conversationKey: string, residentKey: string, answered: TranscriptLine[]): Promise<void> {
    const lines = [...(this.running.get(conversationKey) ?? []), ...answered];
    this.running.delete(conversationKey);
    await this.record(conversationKey, residentKey, lines);
  }

  /** Forgets the held lines of a turn that failed (its retry records them). */
  drop(conversationKey: string): void {
    this.running.delete(conversationKey);
  }

  /** The last `limit` lines of a conversation, oldest first, with those of its running turn. */
  async recent(conversationKey: string, limit: number): Promise<TranscriptLine[]> {
    const docs = await this.model.find({ conversationKey }).sort({ at: -1, order: -1 }).limit(limit).lean();
    const stored = docs.reverse().map(({ from, text, at }) => ({ from, text, at }));
    return [...stored, ...(this.running.get(conversationKey) ?? [])].slice(-limit);
  }

  /** Conversations with at least one turn per local day (statistics), for days after `since`. */
  async conversationsPerDay(since: Date, dayOf: (at: Date) => string): Promise<Record<string, number>> {
    const docs = await this.model.find({ at: { $gte: since }, from: 'resident' }, { conversationKey: 1, at: 1 }).lean();
    const seen = new Map<string, Set<string>>();
    for (const doc of docs) {
      const day = dayOf(doc.at);
      if (!seen.has(day)) seen.set(day, new Set());
      seen.get(day)?.add(doc.conversationKey);
    }
    return Object.fromEntries([...seen].map(([day, keys]) => [day, keys.size]));
  }

  /** A resident's lines, oldest first (their data export). */
  async ofResident(residentKey: string): Promise<TranscriptLine[]> {
    const docs = await this.model.find({ residentKey }).sort({ at: 1, order: 1 }).lean();
    return docs.map(({ from, text, at }) => ({ from, text, at }));
  }

  /** Deletes a resident's lines (erasure); returns how many. */
  async erase(residentKey: string): Promise<number> {
    return (await this.model.deleteMany({ residentKey })).deletedCount;
  }

  /** Deletes lines older than the retention period. */
  async purge(before: Date): Promise<number> {
    return (await this.model.deleteMany({ at: { $lt: before } })).deletedCount;
  }
}
