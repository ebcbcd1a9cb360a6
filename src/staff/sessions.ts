import { createHash, randomBytes } from 'node:crypto';
import { Schema, type Connection, type Model } from 'mongoose';

/** A bearer token for API clients, or a cookie session for the dashboard (which also needs CSRF). */
export type SessionKind = 'api' | 'dashboard';

interface SessionDoc {
  _id: string;
  userId: string;
  kind: SessionKind;
  csrf?: string;
  expiresAt: Date;
  createdAt: Date;
}

const sessionSchema = new Schema<SessionDoc>({
  _id: { type: String, required: true },
  userId: { type: String, required: true },
  kind: { type: String, enum: ['api', 'dashboard'], required: true },
  csrf: { type: String },
  expiresAt: { type: Date, required: true },
  createdAt: { type: Date, required: true },
}, { collection: 'staff_sessions', versionKey: false });
sessionSchema.index({ userId: 1 });
sessionSchema.index({ expiresAt: 1 });

/** A freshly issued session: the token is shown to its owner once and never stored. */
export interface IssuedSession {
  token: string;
  csrf?: string;
  expiresAt: Date;
}

/** What a presented token resolves to while it is valid. */
export interface ActiveSession {
  userId: string;
  kind: SessionKind;
  csrf?: string;
}

/** The stored key of a token: a SHA-256 hash, so a copy of the database holds no usable token. */
export function tokenKey(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Staff sessions and API tokens, stored only as hashes with an expiry. */
export class StaffSessions {
  private readonly model: Model<SessionDoc>;

  constructor(connection: Connection) {
    this.model = connection.models.StaffSession ?? connection.model<SessionDoc>('StaffSession', sessionSchema);
  }

  /** Issues a random 256-bit token (and a CSRF token for the dashboard) valid for `hours`. */
  async issue(userId: string, kind: SessionKind, hours: number, now: Date): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const csrf = kind === 'dashboard' ? randomBytes(24).toString('base64url') : undefined;
    const expiresAt = new Date(now.getTime() + hours * 3_600_000);
    await this.model.create({ _id: tokenKey(token), userId, kind, csrf, expiresAt, createdAt: now });
    return { token, csrf, expiresAt };
  }

  /** The session of a token of the given kind, or null when unknown or expired. */
  async resolve(token: string, kind: SessionKind, now: Date): Promise<ActiveSession | null> {
    const doc = await this.model.findOne({ _id: tokenKey(token), kind }).lean();
    if (!doc || doc.expiresAt <= now) return null;
    return { userId: doc.userId, kind: doc.kind, csrf: doc.csrf };
  }

  /** Ends a session (logout); unknown tokens are ignored. */
  async revoke(token: string): Promise<void> {
    await this.model.deleteOne({ _id: tokenKey(token) });
  }

  /** Removes expired sessions (a periodic clean-up; expired ones are refused anyway). */
  async purgeExpired(now: Date): Promise<number> {
    const result = await this.model.deleteMany({ expiresAt: { $lte: now } });
    return result.deletedCount;
  }
}
