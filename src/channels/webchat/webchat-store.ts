import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { Schema, type Connection, type Model } from 'mongoose';
import type { DataSubject, ErasureResult, HeldData, PersonalDataHolder } from '../../core/privacy';
import type { WebChatMessage } from './webchat-message';

interface SessionDoc {
  _id: string;
  tokenHash: string;
  outboxSeq: number;
  createdAt: Date;
}

interface OutboxDoc {
  conversationId: string;
  seq: number;
  message: WebChatMessage;
  createdAt: Date;
}

const sessionSchema = new Schema<SessionDoc>(
  { _id: { type: String, required: true }, tokenHash: { type: String, required: true }, outboxSeq: { type: Number, default: 0 }, createdAt: { type: Date, required: true } },
  { collection: 'webchat_sessions', versionKey: false },
);

const outboxSchema = new Schema<OutboxDoc>(
  { conversationId: { type: String, required: true }, seq: { type: Number, required: true }, message: { type: Schema.Types.Mixed, required: true }, createdAt: { type: Date, required: true } },
  { collection: 'webchat_outbox', versionKey: false },
);
outboxSchema.index({ conversationId: 1, seq: 1 }, { unique: true });
outboxSchema.index({ createdAt: 1 });

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest();

/** A message waiting in the web chat outbox, with its position for Last-Event-ID. */
export interface QueuedMessage {
  seq: number;
  message: WebChatMessage;
}

/**
 * Web chat conversations (a random id plus a bearer token; only the token's hash is stored) and the
 * outbox of proactive messages that the events stream delivers, also across processes.
 * (No projection on findOneAndUpdate: FerretDB 1.24 does not implement it.)
 */
export class WebChatStore {
  private readonly sessions: Model<SessionDoc>;
  private readonly outbox: Model<OutboxDoc>;
  /** Wakes this process's event streams at once; other processes find new messages by polling. */
  readonly wakeups = new EventEmitter().setMaxListeners(0);
  /** Tokens this process has verified, so a resident still gets a "try again" turn while the database is away. */
  private readonly verified = new Map<string, string>();

  constructor(connection: Connection) {
    this.sessions = connection.models.WebChatSession ?? connection.model<SessionDoc>('WebChatSession', sessionSchema);
    this.outbox = connection.models.WebChatOutbox ?? connection.model<OutboxDoc>('WebChatOutbox', outboxSchema);
  }

  async create(at: Date): Promise<{ conversationId: string; token: string }> {
    const conversationId = randomUUID();
    const token = randomBytes(32).toString('base64url');
    const tokenHash = hashToken(token).toString('hex');
    await this.sessions.create({ _id: conversationId, tokenHash, outboxSeq: 0, createdAt: at });
    this.remember(conversationId, tokenHash);
    return { conversationId, token };
  }

  /** 'ok', 'unknown' (no such conversation) or 'denied' (wrong token), compared in constant time. */
  async verify(conversationId: string, token: string): Promise<'ok' | 'unknown' | 'denied'> {
    const presented = hashToken(token);
    const cached = this.verified.get(conversationId);
    if (cached !== undefined && timingSafeEqual(Buffer.from(cached, 'hex'), presented)) return 'ok';
    const doc = await this.sessions.findById(conversationId, { tokenHash: 1 }).lean();
    if (!doc) return 'unknown';
    if (!timingSafeEqual(Buffer.from(doc.tokenHash, 'hex'), presented)) return 'denied';
    this.remember(conversationId, doc.tokenHash);
    return 'ok';
  }

  private remember(conversationId: string, tokenHash: string): void {
    this.verified.set(conversationId, tokenHash);
    if (this.verified.size > 20_000) this.verified.delete(this.verified.keys().next().value as string);
  }

  async append(conversationId: string, messages: WebChatMessage[], at: Date): Promise<void> {
    if (messages.length === 0) return;
    const session = await this.sessions.findOneAndUpdate({ _id: conversationId }, { $inc: { outboxSeq: messages.length } }, { new: true }).lean();
    if (!session) throw new Error('unknown web chat conversation');
    const first = session.outboxSeq - messages.length + 1;
    await this.outbox.insertMany(messages.map((message, i) => ({ conversationId, seq: first + i, message, createdAt: at })));
    this.wakeups.emit(conversationId);
  }

  async after(conversationId: string, seq: number): Promise<QueuedMessage[]> {
    const docs = await this.outbox.find({ conversationId, seq: { $gt: seq } }, { seq: 1, message: 1 }).sort({ seq: 1 }).limit(100).lean();
    return docs.map((d) => ({ seq: d.seq, message: d.message }));
  }

  async lastSeq(conversationId: string): Promise<number> {
    const doc = await this.sessions.findById(conversationId, { outboxSeq: 1 }).lean();
    return doc?.outboxSeq ?? 0;
  }
}

/** The web chat's proactive messages of a resident (the session itself holds no personal data). */
export class WebChatDataHolder implements PersonalDataHolder {
  readonly name = 'webchat';

  constructor(private readonly connection: Connection) {}

  private outbox(): Model<OutboxDoc> {
    return this.connection.models.WebChatOutbox ?? this.connection.model<OutboxDoc>('WebChatOutbox', outboxSchema);
  }

  async export(subject: DataSubject): Promise<HeldData> {
    if (subject.channel !== 'webchat') return { holder: this.name, label: 'privacy.holder.webchat', records: [] };
    const docs = await this.outbox().find({ conversationId: subject.userId }, { _id: 0, message: 1, createdAt: 1 }).lean();
    return { holder: this.name, label: 'privacy.holder.webchat', records: docs.map((d) => ({ text: d.message.text, at: d.createdAt })) };
  }

  async erase(subject: DataSubject): Promise<ErasureResult> {
    if (subject.channel !== 'webchat') return { holder: this.name, erased: 0, keptBecause: [] };
    const result = await this.outbox().deleteMany({ conversationId: subject.userId });
    return { holder: this.name, erased: result.deletedCount, keptBecause: [] };
  }

  async purge(before: Date): Promise<number> {
    return (await this.outbox().deleteMany({ createdAt: { $lt: before } })).deletedCount;
  }
}
