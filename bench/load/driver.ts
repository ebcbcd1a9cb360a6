import { setTimeout as sleep } from 'node:timers/promises';
import type { Progress } from '../progress';
import { ConversationError, type Conversation, type Turn } from './conversations';
import { JsonHttpClient } from './http-client';

/** One load scenario: simulated residents holding conversations back to back against one server. */
export interface ScenarioOptions {
  label: string;
  baseUrl: string;
  conversation: Conversation;
  concurrency: number;
  warmupMs: number;
  measureMs: number;
  progress: Progress;
  /** Called just before and just after the measured window (start and read the server's samplers). */
  onWindowStart?: () => Promise<void>;
  onWindowEnd?: () => Promise<void>;
}

/**
 * What the window measured. Throughput counts the turns that ended inside the window; latency is of
 * every turn that started inside it, also when it ended after the window closed (a saturated server's
 * slowest turns are exactly the ones a cut-off would hide).
 */
export interface ScenarioRun {
  seconds: number;
  turns: number;
  conversations: number;
  failedTurns: number;
  failedConversations: number;
  latencies: number[];
  /** Turns started in the window that had not ended when the drain gave up. */
  unfinishedTurns: number;
  /** The first failure, to show what went wrong. */
  firstFailure?: string;
}

class Stop extends Error {}

const DRAIN_TIMEOUT_MS = 30_000;

/**
 * Closed-loop load: `concurrency` residents each hold one conversation at a time, starting a new one
 * when it ends, so at most `concurrency` turns are in flight. Warm-up first (not measured), then the
 * window, then no new turns while the ones in flight finish.
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioRun> {
  const client = new JsonHttpClient(options.baseUrl, options.concurrency);
  const run: ScenarioRun = { seconds: 0, turns: 0, conversations: 0, failedTurns: 0, failedConversations: 0, latencies: [], unfinishedTurns: 0 };
  let phase: 'warmup' | 'measure' | 'done' = 'warmup';
  let inFlight = 0;

  const turn: Turn = async (path, body, headers) => {
    if (phase === 'done') throw new Stop();
    const startedInWindow = phase === 'measure';
    const started = performance.now();
    if (startedInWindow) inFlight += 1;
    try {
      const reply = await client.post(path, body, headers);
      const failed = reply.status >= 400;
      if (phase === 'measure') {
        if (failed) run.failedTurns += 1;
        else run.turns += 1;
      }
      if (startedInWindow && !failed) run.latencies.push(performance.now() - started);
      return reply;
    } catch (error) {
      if (phase === 'measure') run.failedTurns += 1;
      throw error;
    } finally {
      if (startedInWindow) inFlight -= 1;
    }
  };

  const resident = async (): Promise<void> => {
    while (phase !== 'done') {
      try {
        await options.conversation(turn);
        if (phase === 'measure') run.conversations += 1;
      } catch (error) {
        if (error instanceof Stop) return;
        if (phase === 'measure') run.failedConversations += 1;
        run.firstFailure ??= error instanceof ConversationError || error instanceof Error ? error.message : String(error);
        await sleep(10);
      }
    }
  };

  const residents = Promise.all(Array.from({ length: options.concurrency }, () => resident()));
  await sleep(options.warmupMs);
  await options.onWindowStart?.();
  phase = 'measure';
  const windowStart = performance.now();
  const ticker = setInterval(() => {
    const elapsed = (performance.now() - windowStart) / 1000;
    options.progress.update(`  ${options.label}: ${elapsed.toFixed(1)}/${(options.measureMs / 1000).toFixed(0)} s, ${run.turns} turns, ${Math.round(run.turns / elapsed)}/s, ${run.failedTurns + run.failedConversations} failures`);
  }, 250);
  await sleep(options.measureMs);
  phase = 'done';
  run.seconds = (performance.now() - windowStart) / 1000;
  clearInterval(ticker);
  await options.onWindowEnd?.();
  if (inFlight > 0) options.progress.update(`  ${options.label}: waiting for ${inFlight} turns in flight...`);
  const drained = await Promise.race([residents.then(() => true), sleep(DRAIN_TIMEOUT_MS).then(() => false)]);
  run.unfinishedTurns = drained ? 0 : inFlight;
  client.close();
  return run;
}
