import type { ClaimStore } from '../../../storage/claims';
import type { TrainingSession } from '../loans-content';

/** A booked place: the session and which of its numbered places the application holds. */
export interface TrainingBooking {
  sessionId: string;
  place: string;
}

const scopeOf = (sessionId: string): string => `training-${sessionId}`;

/**
 * Places in the Ligo training sessions. Each session has places "1".."capacity"; a booking claims one
 * with ClaimStore (an insert under a unique key), so two residents never get the same last place,
 * on MongoDB and on FerretDB alike. The sessions themselves are staff data (content/training-sessions.yaml).
 */
export class TrainingPlaces {
  constructor(private readonly claims: ClaimStore, private readonly sessions: readonly TrainingSession[]) {}

  session(id: string): TrainingSession | undefined {
    return this.sessions.find((s) => s.id === id);
  }

  /** Sessions still to come with at least one free place, soonest first. */
  async open(now: Date): Promise<TrainingSession[]> {
    const upcoming = this.sessions.filter((s) => s.start.getTime() > now.getTime()).sort((a, b) => a.start.getTime() - b.start.getTime());
    const taken = await Promise.all(upcoming.map((s) => this.taken(s.id)));
    return upcoming.filter((s, i) => (taken[i] ?? 0) < s.capacity);
  }

  async taken(sessionId: string): Promise<number> {
    return this.claims.count(scopeOf(sessionId));
  }

  /** Takes a free place for `owner` (an application id); null when the session is full, past or unknown. */
  async reserve(sessionId: string, owner: string, now: Date): Promise<TrainingBooking | null> {
    const session = this.session(sessionId);
    if (!session || session.start.getTime() <= now.getTime()) return null;
    const places = Array.from({ length: session.capacity }, (_, i) => String(i + 1));
    const place = await this.claims.claimOneOf(scopeOf(sessionId), places, owner, now);
    return place === null ? null : { sessionId, place };
  }

  /** Frees a place; only its owner can, so a stale request never frees someone else's place. */
  async release(booking: TrainingBooking, owner: string): Promise<void> {
    await this.claims.release(scopeOf(booking.sessionId), booking.place, owner);
  }
}
