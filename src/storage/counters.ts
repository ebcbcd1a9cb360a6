import { Schema, type Connection, type Model } from 'mongoose';

interface CounterDoc {
  _id: string;
  value: number;
}

const counterSchema = new Schema<CounterDoc>({ _id: { type: String, required: true }, value: { type: Number, required: true } }, { collection: 'counters', versionKey: false });

/** Gap-free-enough sequence numbers for human references (DA-2026-000123), one atomic $inc each. */
export class CounterStore {
  private readonly model: Model<CounterDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.Counter ?? connection.model<CounterDoc>('Counter', counterSchema);
  }

  /** The next number of a named sequence, starting at 1; safe under concurrency and across processes. */
  async next(name: string): Promise<number> {
    const doc = await this.model.findOneAndUpdate({ _id: name }, { $inc: { value: 1 } }, { upsert: true, new: true }).lean();
    return doc.value;
  }
}

/** Formats a yearly reference like DA-2026-000123: a prefix, the year and a six-digit number. */
export function formatReference(prefix: string, year: number, number: number): string {
  return `${prefix}-${year}-${String(number).padStart(6, '0')}`;
}

/** The next yearly reference of a kind, from a counter named "<prefix>-<year>" so each year starts at 1. */
export async function nextReference(counters: CounterStore, prefix: string, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  return formatReference(prefix, year, await counters.next(`${prefix}-${year}`));
}
