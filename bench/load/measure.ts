import os from 'node:os';
import { ownCpuMs, processCpuMs } from '../process-cpu';
import type { Progress } from '../progress';
import type { DbCommandStats } from '../servers/db-monitor';
import type { ProcessSample } from '../servers/protocol';
import type { ServerProcess } from '../servers/server-process';
import { mb, round, summarize, type LatencySummary } from '../stats';
import type { Conversation } from './conversations';
import { runScenario } from './driver';

/** The three servers of every scenario. */
export type ServerRole = 'A' | 'B' | 'assistant';

/** A server under load: its process and how a resident talks to it. */
export interface Contender {
  role: ServerRole;
  title: string;
  process: ServerProcess;
  conversation: Conversation;
  /** Only the assistant uses the database; its CPU is charged to the assistant's turns. */
  usesDatabase: boolean;
}

/** One row of the results: one server at one concurrency. */
export interface ScenarioResult {
  server: ServerRole;
  title: string;
  concurrency: number;
  seconds: number;
  turns: number;
  turnsPerSecond: number;
  conversations: number;
  failedTurns: number;
  failedConversations: number;
  /** Turns started in the window still unanswered 30 s after it closed (left out of the latencies). */
  unfinishedTurns: number;
  latencyMs: LatencySummary;
  peakRssMB: number;
  /** CPU time per turn: the server process, the database server (assistant only), the load driver. */
  cpuMsPerTurn: { server: number; database: number | null; driver: number };
  /**
   * Turns per second this machine could serve if the server (and its database) had every core:
   * cores ÷ CPU per turn. Unlike turns/s it hardly moves when other work shares the machine.
   */
  cpuCeilingTurnsPerSecond: number;
  firstFailure?: string;
  /** --profile only: the database commands of the window, and its CPU profile file. */
  db?: DbCommandStats;
  cpuProfile?: string;
}

/** Where the measurements come from besides the server process itself. */
export interface MeasureContext {
  progress: Progress;
  warmupMs: number;
  measureMs: number;
  databasePid: number | null;
  monitorDb: boolean;
  /** --profile only: record a CPU profile of the server over the window. */
  cpuProfile: boolean;
}

function roundSummary(s: LatencySummary): LatencySummary {
  return { count: s.count, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max), mean: round(s.mean) };
}

/** Runs one scenario against one server and turns the raw run into its row of results. */
export async function measure(contender: Contender, concurrency: number, context: MeasureContext): Promise<ScenarioResult> {
  const { process: server } = contender;
  const label = `${contender.title} @${concurrency}`;
  let sample: ProcessSample = { peakRssBytes: 0, cpuMs: 0 };
  let db: DbCommandStats | undefined;
  let cpuProfile: string | undefined;
  const cpu = { driver: 0, database: 0 };
  const databaseCpu = (): number => (contender.usesDatabase && context.databasePid !== null ? (processCpuMs(context.databasePid) ?? 0) : 0);
  const run = await runScenario({
    label,
    baseUrl: server.url,
    conversation: contender.conversation,
    concurrency,
    warmupMs: context.warmupMs,
    measureMs: context.measureMs,
    progress: context.progress,
    onWindowStart: async () => {
      if (context.monitorDb && contender.usesDatabase) await server.request('db-stats');
      if (context.cpuProfile) await server.request('profile-start');
      await server.request('sample-start');
      cpu.driver = ownCpuMs();
      cpu.database = databaseCpu();
    },
    onWindowEnd: async () => {
      cpu.driver = ownCpuMs() - cpu.driver;
      cpu.database = databaseCpu() - cpu.database;
      sample = await server.request('sample-stop');
      if (context.cpuProfile) cpuProfile = (await server.request('profile-stop')).file;
      if (context.monitorDb && contender.usesDatabase) db = await server.request('db-stats');
    },
  });
  const perTurn = (ms: number): number => (run.turns > 0 ? round(ms / run.turns, 3) : Number.NaN);
  const serverMs = perTurn(sample.cpuMs);
  const databaseMs = contender.usesDatabase && context.databasePid !== null ? perTurn(cpu.database) : null;
  const result: ScenarioResult = {
    server: contender.role,
    title: contender.title,
    concurrency,
    seconds: round(run.seconds),
    turns: run.turns,
    turnsPerSecond: round(run.turns / run.seconds, 1),
    conversations: run.conversations,
    failedTurns: run.failedTurns,
    failedConversations: run.failedConversations,
    unfinishedTurns: run.unfinishedTurns,
    latencyMs: roundSummary(summarize(run.latencies)),
    peakRssMB: mb(sample.peakRssBytes),
    cpuMsPerTurn: { server: serverMs, database: databaseMs, driver: perTurn(cpu.driver) },
    cpuCeilingTurnsPerSecond: round((os.cpus().length * 1000) / (serverMs + (databaseMs ?? 0)), 0),
    ...(run.firstFailure ? { firstFailure: run.firstFailure } : {}),
    ...(db ? { db } : {}),
    ...(cpuProfile ? { cpuProfile } : {}),
  };
  context.progress.done(`  ${label}: ${result.turnsPerSecond} turns/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, peak RSS ${result.peakRssMB} MB${run.failedTurns + run.failedConversations > 0 ? `, ${run.failedTurns + run.failedConversations} failures (${run.firstFailure ?? ''})` : ''}`);
  return result;
}
