import { emptyDatabase } from './db-reset';
import { FakeConnector } from './fake-connector';
import { botConversation, echoConversation, webChatConversation } from './load/conversations';
import { runScenario } from './load/driver';
import { measure, type Contender, type MeasureContext, type ScenarioResult } from './load/measure';
import type { DialogScript } from './load/scripts';
import { claimStoreTarget, handoffClaimTarget } from './micro/claim-targets';
import { runClaimsBench, type ClaimsBenchResult } from './micro/claims-bench';
import { runIdleMemoryBench, type IdleMemoryResult } from './micro/idle-memory';
import type { NluBenchResult } from './micro/nlu-bench';
import type { BenchOptions } from './options';
import type { Progress } from './progress';
import { ServerProcess } from './servers/server-process';
import { signed } from './stats';

/** The assistant's turn at one resident on an empty store and on a store full of idle conversations. */
export interface StoreGrowth {
  storedConversations: number;
  emptyStore: ScenarioResult;
  fullStore: ScenarioResult;
}

/** What the full run hands back to main for the report. */
export interface FullRun {
  scenarios: ScenarioResult[];
  nlu: NluBenchResult;
  idleMemory: IdleMemoryResult;
  /** Absent when the run had no scenario at one resident to compare with. */
  storeGrowth?: StoreGrowth;
  claims: ClaimsBenchResult;
  claimStoreReference: ClaimsBenchResult;
  serverLogs: Record<string, { warnings: number; errors: number }>;
}

const IDLE_OPEN_CONCURRENCY = 50;
const SERVER_WARMUP_CONCURRENCY = 20;

/** Starts the three servers, each in its own process; the assistant trains its NLU on the way. */
async function startContenders(databaseUri: string, script: DialogScript, serviceUrl: string, progress: Progress): Promise<Contender[]> {
  progress.done('Starting baseline A, baseline B and the assistant (it trains its NLU first, about 20 s)...');
  const [a, b, assistant] = await Promise.all([
    ServerProcess.start('echo', {}),
    ServerProcess.start('echo-bot', {}),
    ServerProcess.start('assistant', { databaseUri }),
  ]);
  return [
    { role: 'A', title: 'baseline A: node:http echo', process: a, conversation: echoConversation(script), usesDatabase: false },
    { role: 'B', title: 'baseline B: botbuilder echo', process: b, conversation: botConversation(script, serviceUrl), usesDatabase: false },
    { role: 'assistant', title: 'assistant: web chat turn', process: assistant, conversation: webChatConversation(script), usesDatabase: true },
  ];
}

/**
 * Idle conversations before the load scenarios, so the process's bounded per-conversation maps start
 * nearly empty and every conversation counts; then one resident's turn on the store they filled.
 */
async function idlePhase(assistant: Contender, options: BenchOptions, context: MeasureContext): Promise<{ idleMemory: IdleMemoryResult; fullStore: ScenarioResult }> {
  context.progress.done(`Opening ${options.idleConversations} idle conversations (memory after forced GC, before and after; at most ${options.idleBudgetMs / 1000} s)...`);
  const idleMemory = await runIdleMemoryBench(assistant.process, options.idleConversations, IDLE_OPEN_CONCURRENCY, options.idleBudgetMs, context.progress);
  context.progress.done(`  ${idleMemory.conversations} opened in ${idleMemory.seconds} s: heap ${signed(idleMemory.heapGrowthMB)} MB, RSS ${signed(idleMemory.rssGrowthMB)} MB`);
  const fullStore = await measure({ ...assistant, title: `assistant, ${idleMemory.conversations} stored conversations` }, 1, context);
  return { idleMemory, fullStore };
}

/** Every part of issue 9 in one run, against the one database server main started. */
export async function runFull(options: BenchOptions, databaseUri: (name: string) => string, databasePid: number | null, script: DialogScript, progress: Progress): Promise<FullRun> {
  const connector = new FakeConnector();
  const serviceUrl = await connector.start();
  const assistantDb = databaseUri('bench_assistant');
  const contenders = await startContenders(assistantDb, script, serviceUrl, progress);
  const assistant = contenders[2] as Contender;
  try {
    progress.done('NLU micro-benchmark (every nlu/*.json utterance, in the assistant process while it is idle)...');
    const nlu = await assistant.process.request('nlu-bench');
    for (const c of contenders) {
      progress.update(`  warming up ${c.title}...`);
      await runScenario({ label: `warm-up ${c.title}`, baseUrl: c.process.url, conversation: c.conversation, concurrency: SERVER_WARMUP_CONCURRENCY, warmupMs: 0, measureMs: options.serverWarmupMs, progress });
    }
    const context: MeasureContext = { progress, warmupMs: options.warmupMs, measureMs: options.measureMs, databasePid, monitorDb: false, cpuProfile: false };
    await emptyDatabase(assistantDb);
    const idle = await idlePhase(assistant, options, context);
    progress.done(`Load scenarios at ${options.concurrency.join(', ')} concurrent conversations (the assistant's database emptied before each):`);
    const scenarios: ScenarioResult[] = [];
    for (const concurrency of options.concurrency) {
      for (const contender of contenders) {
        if (contender.usesDatabase) await emptyDatabase(assistantDb);
        scenarios.push(await measure(contender, concurrency, context));
      }
    }
    const botTurns = scenarios.filter((s) => s.server === 'B').reduce((sum, s) => sum + s.turns, 0);
    if (connector.received < botTurns) throw new Error(`the fake connector got ${connector.received} replies for ${botTurns} bot turns`);
    const emptyStore = scenarios.find((s) => s.server === 'assistant' && s.concurrency === 1);
    const storeGrowth = emptyStore ? { storedConversations: idle.idleMemory.conversations, emptyStore, fullStore: idle.fullStore } : undefined;
    const serverLogs = Object.fromEntries(contenders.map((c) => [c.role, { warnings: c.process.warnings, errors: c.process.errors }]));
    await Promise.all(contenders.map((c) => c.process.stop()));

    progress.done(`Claims: ${options.claimCases * options.agentsPerCase} concurrent attempts on ${options.claimCases} cases (the handoff's claim, then the bare ClaimStore insert)...`);
    const claims = await runClaimsBench(databaseUri('bench_claims_handoff'), handoffClaimTarget, options.claimCases, options.agentsPerCase);
    const claimStoreReference = await runClaimsBench(databaseUri('bench_claims_store'), claimStoreTarget, options.claimCases, options.agentsPerCase);
    return { scenarios, nlu, idleMemory: idle.idleMemory, storeGrowth, claims, claimStoreReference, serverLogs };
  } finally {
    await Promise.all(contenders.map((c) => c.process.stop()));
    await connector.close();
  }
}
