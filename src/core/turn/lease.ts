import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors';
import type { LeaseStore } from '../ports';
import type { Middleware } from './context';

/** Options of the per-conversation lease. */
export interface LeaseOptions {
  /** Identifies this process, so a release never frees another process's lease. */
  owner: string;
  ttlMs: number;
  /** How long a turn waits for another process to finish the same conversation. */
  waitMs: number;
}

/** Holds the conversation's lease in the store around the rest of the turn (one turn at a time, across processes). */
export function leaseMiddleware(leases: LeaseStore, options: LeaseOptions): Middleware {
  return async (context, next) => {
    const deadline = Date.now() + options.waitMs;
    let delay = 5;
    while (!(await leases.acquire(context.key, options.owner, options.ttlMs, new Date()))) {
      if (Date.now() + delay > deadline) throw new AppError('LOCK_TIMEOUT', 'another turn holds the conversation');
      await sleep(delay);
      delay = Math.min(delay * 2, 100);
    }
    try {
      await next();
    } finally {
      await leases.release(context.key, options.owner).catch(() => undefined);
    }
  };
}
