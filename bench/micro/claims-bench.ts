import type { Connection } from 'mongoose';
import { createStoreConnection } from '../../src/storage/connection';
import { round, summarize } from '../stats';
import type { ClaimTarget } from './claim-targets';

/** Case claims under contention: how many won, whether each case got exactly one owner, how long it took. */
export interface ClaimsBenchResult {
  /** What decided the claims. */
  implementation: string;
  cases: number;
  attempts: number;
  winners: number;
  casesWithExactlyOneWinner: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From the first attempt sent to the last answer. */
  wallMs: number;
  /** The store connection's pool (the app's default), which bounds how many attempts run at once. */
  poolSize: number;
}

const POOL_SIZE = 20;
const WARMUP_CASES = 5;

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * `agentsPerCase` staff members (a different one for every attempt) try to claim each of `cases`
 * cases, all attempts sent at once in a random order over one connection pool of the app's size, as
 * a burst of dashboard clicks would. A few warm-up claims on other cases come first.
 */
export async function runClaimsBench(uri: string, makeTarget: (connection: Connection) => ClaimTarget, cases: number, agentsPerCase: number): Promise<ClaimsBenchResult> {
  const connection = createStoreConnection(uri, { maxPoolSize: POOL_SIZE });
  try {
    const target = makeTarget(connection);
    await connection.asPromise();
    await Promise.all(Object.values(connection.models).map((model) => model.createIndexes()));
    const warmup = await target.prepare(WARMUP_CASES, 'warmup');
    await Promise.all(warmup.flatMap((id, i) => [target.attempt(id, 100_000 + 2 * i), target.attempt(id, 100_001 + 2 * i)]));
    const ids = await target.prepare(cases, 'bench');

    const attempts = shuffled(Array.from({ length: cases * agentsPerCase }, (_, i) => ({ caseId: ids[i % cases] as string, agent: i })));
    const wins = new Map<string, number>();
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(attempts.map(async ({ caseId, agent }) => {
      const sent = performance.now();
      const won = await target.attempt(caseId, agent);
      latencies.push(performance.now() - sent);
      if (won) wins.set(caseId, (wins.get(caseId) ?? 0) + 1);
    }));
    const wallMs = performance.now() - started;
    const summary = summarize(latencies);
    return {
      implementation: target.implementation,
      cases,
      attempts: attempts.length,
      winners: [...wins.values()].reduce((a, b) => a + b, 0),
      casesWithExactlyOneWinner: [...wins.values()].filter((n) => n === 1).length,
      p50Ms: round(summary.p50),
      p99Ms: round(summary.p99),
      maxMs: round(summary.max),
      wallMs: round(wallMs),
      poolSize: POOL_SIZE,
    };
  } finally {
    await connection.close();
  }
}
