import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

/** What happened: a new waiting case, a re-alert, a change of status or assignee, or a new message. */
export type CaseEventType = 'case.waiting' | 'case.realert' | 'case.changed' | 'case.message';

/** An alert or change about a case; ids and codes only, so it may travel to Teams cards and logs. */
export interface CaseEvent {
  id: string;
  type: CaseEventType;
  caseId: string;
  reference: string;
  status: string;
  reason: string;
  priority: number;
  language: string;
  channel: string;
  at: Date;
  alertCount: number;
}

/**
 * The alert port: the handoff feature publishes, the dashboard's live stream and the Teams staff app
 * (channels issue) subscribe. Events are also stored, so a dashboard served by another process sees them.
 */
export interface CaseEvents {
  publish(event: Omit<CaseEvent, 'id'>): Promise<void>;
  /** Calls `listener` for every event published in this process; returns the unsubscribe function. */
  subscribe(listener: (event: CaseEvent) => void): () => void;
  /** Stored events at or after `since`, oldest first (streams poll this across processes). */
  since(since: Date): Promise<CaseEvent[]>;
}

type EventDoc = Omit<CaseEvent, 'id'> & { _id: string };

const eventSchema = new Schema<EventDoc>({
  _id: { type: String, required: true },
  type: { type: String, required: true },
  caseId: { type: String, required: true },
  reference: { type: String, required: true },
  status: { type: String, required: true },
  reason: { type: String, required: true },
  priority: { type: Number, required: true },
  language: { type: String, required: true },
  channel: { type: String, required: true },
  at: { type: Date, required: true },
  alertCount: { type: Number, required: true },
}, { collection: 'handoff_events', versionKey: false });
eventSchema.index({ at: 1 });

/** CaseEvents on an in-process emitter plus an append-only collection. */
export class CaseEventHub implements CaseEvents {
  private readonly emitter = new EventEmitter();
  private readonly model: Model<EventDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.HandoffEvent ?? connection.model<EventDoc>('HandoffEvent', eventSchema);
    this.emitter.setMaxListeners(0);
  }

  async publish(event: Omit<CaseEvent, 'id'>): Promise<void> {
    const id = randomUUID();
    await this.model.create({ _id: id, ...event });
    this.emitter.emit('event', { id, ...event });
  }

  subscribe(listener: (event: CaseEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  async since(since: Date): Promise<CaseEvent[]> {
    const docs = await this.model.find({ at: { $gte: since } }).sort({ at: 1, _id: 1 }).limit(500).lean();
    return docs.map(({ _id, ...rest }) => ({ id: _id, ...rest }));
  }
}
