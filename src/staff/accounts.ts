import { randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { Schema, type Connection, type Model } from 'mongoose';
import { AppError } from '../core/errors';
import { isDuplicateKey } from '../storage/connection';
import type { StaffSettings } from './staff-settings';
import { STAFF_ROLES, type StaffDirectory, type StaffPrincipal, type StaffRole } from './staff-types';

interface StaffUserDoc {
  _id: string;
  email: string;
  role: StaffRole;
  passwordHash: string;
  active: boolean;
  /** Failures before this moment no longer count (the last good login, or the end of a lock). */
  failuresCountFrom: Date;
  lockedUntil?: Date;
  createdAt: Date;
}

interface LoginFailureDoc {
  _id: string;
  userId: string;
  at: Date;
}

const userSchema = new Schema<StaffUserDoc>({
  _id: { type: String, required: true },
  email: { type: String, required: true, unique: true },
  role: { type: String, enum: STAFF_ROLES, required: true },
  passwordHash: { type: String, required: true },
  active: { type: Boolean, required: true },
  failuresCountFrom: { type: Date, required: true },
  lockedUntil: { type: Date },
  createdAt: { type: Date, required: true },
}, { collection: 'staff_users', versionKey: false });

const failureSchema = new Schema<LoginFailureDoc>(
  { _id: { type: String, required: true }, userId: { type: String, required: true }, at: { type: Date, required: true } },
  { collection: 'staff_login_failures', versionKey: false },
);
failureSchema.index({ userId: 1, at: 1 });

/** What a login attempt gives: the principal, or why not (the caller answers both the same way). */
export type LoginResult = { ok: true; principal: StaffPrincipal } | { ok: false; reason: 'wrong' | 'locked' };

/** A hash of nothing, verified when the email is unknown so that a miss takes as long as a hit. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3aXXbL7J3nYtk1MItlG4Un3PfB7UCcmiEn3Ke2Y3TXg';

/** Normalises an email the one way accounts are stored, so "Ann@X.be " finds ann@x.be. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Staff users with argon2id password hashes and a lockout after repeated wrong passwords. Each failure
 * is its own inserted document (counted, never $inc'ed), so parallel guesses cannot lose a count on
 * FerretDB, whose updates are not atomic read-modify-writes.
 */
export class StaffAccounts implements StaffDirectory {
  private readonly users: Model<StaffUserDoc>;
  private readonly failures: Model<LoginFailureDoc>;

  constructor(connection: Connection, private readonly lockout: StaffSettings['lockout']) {
    this.users = connection.models.StaffUser ?? connection.model<StaffUserDoc>('StaffUser', userSchema);
    this.failures = connection.models.StaffLoginFailure ?? connection.model<LoginFailureDoc>('StaffLoginFailure', failureSchema);
  }

  /** Creates a staff user; a second account with the same email is a conflict. */
  async create(input: { email: string; role: StaffRole; password: string }, now: Date): Promise<StaffPrincipal> {
    if (input.password.length < 12) throw new AppError('BAD_REQUEST', 'a staff password has at least 12 characters');
    const email = normalizeEmail(input.email);
    const doc = { _id: randomUUID(), email, role: input.role, passwordHash: await hash(input.password), active: true, failuresCountFrom: now, createdAt: now };
    try {
      await this.users.create(doc);
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('CONFLICT', 'a staff user with this email exists');
      throw error;
    }
    return { id: doc._id, email, role: input.role };
  }

  /** Checks email and password; counts a failure and locks the account after too many in a row. */
  async login(email: string, password: string, now: Date): Promise<LoginResult> {
    const user = await this.users.findOne({ email: normalizeEmail(email) }).lean();
    if (!user || !user.active) {
      await verify(DUMMY_HASH, password).catch(() => false);
      return { ok: false, reason: 'wrong' };
    }
    if (user.lockedUntil && user.lockedUntil > now) return { ok: false, reason: 'locked' };
    if (await verify(user.passwordHash, password)) {
      await this.users.updateOne({ _id: user._id }, { $set: { failuresCountFrom: now }, $unset: { lockedUntil: 1 } });
      return { ok: true, principal: toPrincipal(user) };
    }
    return { ok: false, reason: await this.countFailure(user, now) };
  }

  /** The current principal of a user id (role changes and deactivation apply to running sessions). */
  async principal(id: string): Promise<StaffPrincipal | null> {
    const user = await this.users.findOne({ _id: id, active: true }).lean();
    return user ? toPrincipal(user) : null;
  }

  /** All active staff, for transfer lists and the admin page. */
  async list(): Promise<StaffPrincipal[]> {
    const users = await this.users.find({ active: true }).sort({ email: 1 }).lean();
    return users.map(toPrincipal);
  }

  private async countFailure(user: StaffUserDoc, now: Date): Promise<'wrong' | 'locked'> {
    await this.failures.create({ _id: randomUUID(), userId: user._id, at: now });
    const count = await this.failures.countDocuments({ userId: user._id, at: { $gte: user.failuresCountFrom } });
    if (count < this.lockout.failedAttempts) return 'wrong';
    const until = new Date(now.getTime() + this.lockout.minutes * 60_000);
    // Failures from before the lock's end stop counting, so after the lock there are fresh attempts.
    await this.users.updateOne({ _id: user._id }, { $set: { lockedUntil: until, failuresCountFrom: until } });
    return 'locked';
  }
}

function toPrincipal(user: StaffUserDoc): StaffPrincipal {
  return { id: user._id, email: user.email, role: user.role };
}
