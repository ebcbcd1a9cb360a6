import { randomUUID } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

/** Detail values of an audit entry: ids, codes and counts only, never names, messages or contacts. */
export type AuditDetails = Record<string, string | number | boolean>;

/** One audited act: who (a staff id, "resident" or "system") did what to which record, when. */
export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  details?: AuditDetails;
  at: Date;
}

/** The audit port in FeatureDeps: staff access to personal data and every case action is recorded. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** The latest entries, newest first, optionally for one subject (the admin page and tests). */
  recent(options?: { subject?: string; limit?: number }): Promise<AuditEntry[]>;
}

interface AuditDoc extends AuditEntry {
  _id: string;
}

const auditSchema = new Schema<AuditDoc>({
  _id: { type: String, required: true },
  actor: { type: String, required: true },
  action: { type: String, required: true },
  subject: { type: String, required: true },
  details: { type: Schema.Types.Mixed },
  at: { type: Date, required: true },
}, { collection: 'staff_audit', versionKey: false });
auditSchema.index({ subject: 1, at: -1 });
auditSchema.index({ at: -1 });

/** The audit log in MongoDB: append-only inserts, so concurrent writers never lose an entry. */
export class MongoAuditLog implements AuditLog {
  private readonly model: Model<AuditDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.StaffAudit ?? connection.model<AuditDoc>('StaffAudit', auditSchema);
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.model.create({ _id: randomUUID(), ...entry });
  }

  async recent(options: { subject?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const filter = options.subject ? { subject: options.subject } : {};
    const docs = await this.model.find(filter).sort({ at: -1 }).limit(options.limit ?? 100).lean();
    return docs.map(({ actor, action, subject, details, at }) => ({ actor, action, subject, details, at }));
  }
}
