import { setTimeout as sleep } from 'node:timers/promises';
import { Schema, type Connection, type Model } from 'mongoose';
import { KeyedSerialQueue } from '../core/turn/keyed-queue';
import { isDuplicateKey } from './connection';

interface SequenceDoc {
  _id: string;
  sequence: string;
  value: number;
}

const sequenceSchema = new Schema<SequenceDoc>(
  { _id: { type: String, required: true }, sequence: { type: String, required: true }, value: { type: Number, required: true } },
  { collection: 'sequence_numbers', versionKey: false },
);
sequenceSchema.index({ sequence: 1, value: -1 });

const MAX_ATTEMPTS = 200;

/**
 * Sequence numbers for human references (DA-2026-000123). Each number is taken by inserting
 * "<sequence>:<n>" under the unique _id, so two callers can never get the same number, on MongoDB
 * and on FerretDB alike (FerretDB 1.24 runs findOneAndUpdate's $inc as a read and a separate write:
 * 50 concurrent increments gave duplicate numbers).
 */
export class CounterStore {
  private readonly model: Model<SequenceDoc>;
  /** The last number this process took per sequence: the next one is tried without a read (FerretDB answers that read with a scan). */
  private readonly lastTaken = new Map<string, number>();
  /** Callers in this process take numbers of one sequence one after another, so they never collide with each other. */
  private readonly queue = new KeyedSerialQueue();

  constructor(connection: Connection) {
    this.model = connection.models.SequenceNumber ?? connection.model<SequenceDoc>('SequenceNumber', sequenceSchema);
  }

  /** The next number of a named sequence, starting at 1; safe under concurrency and across processes. */
  next(sequence: string): Promise<number> {
    return this.queue.run(sequence, () => this.take(sequence));
  }

  private async take(sequence: string): Promise<number> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const value = (this.lastTaken.get(sequence) ?? (await this.newest(sequence))) + 1;
      try {
        await this.model.insertMany([{ _id: `${sequence}:${value}`, sequence, value }], { lean: true });
        this.lastTaken.set(sequence, value);
        return value;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Another process took it: read the newest number before the next try.
        this.lastTaken.delete(sequence);
        await sleep(Math.random() * Math.min(50, 2 + attempt * 2));
      }
    }
    throw new Error(`sequence "${sequence}" is too contended`);
  }

  private async newest(sequence: string): Promise<number> {
    const last = await this.model.findOne({ sequence }, { value: 1 }).sort({ value: -1 }).lean();
    return last?.value ?? 0;
  }
}

/** Formats a yearly reference like DA-2026-000123: a prefix, the year and a six-digit number. */
export function formatReference(prefix: string, year: number, number: number): string {
  return `${prefix}-${year}-${String(number).padStart(6, '0')}`;
}

/** The next yearly reference of a kind, from a sequence named "<prefix>-<year>" so each year starts at 1. */
export async function nextReference(counters: CounterStore, prefix: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  return formatReference(prefix, year, await counters.next(`${prefix}-${year}`));
}
