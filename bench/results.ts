import { execFileSync } from 'node:child_process';
import os from 'node:os';
import type { ScenarioResult } from './load/measure';
import type { ClaimsBenchResult } from './micro/claims-bench';
import type { IdleMemoryResult } from './micro/idle-memory';
import type { NluBenchResult } from './micro/nlu-bench';
import type { StoreGrowth } from './run-full';
import type { ProfileRun } from './run-profile';
import { round, signed } from './stats';

/** The machine a run was measured on: absolute figures mean little without it. */
export interface Machine {
  cpuModel: string;
  cores: number;
  totalMemoryMB: number;
  node: string;
  platform: string;
  /** 1-minute load average at the start and the end: above the core count, other work shared the CPUs. */
  loadAverage: { start: number; end: number };
}

/** The assistant at one concurrency against both baselines measured in the same run. */
export interface Comparison {
  concurrency: number;
  assistantTurnsPerSecond: number;
  ratioToA: number;
  ratioToB: number;
  assistantP99Ms: number;
  /** The same ratio from CPU time per turn (see ScenarioResult.cpuCeilingTurnsPerSecond): robust on a busy machine. */
  cpuCeilingRatioToB: number;
}

/** One target of issue 9 and what this run reached. */
export interface TargetResult {
  name: string;
  target: string;
  reached: string;
  met: boolean;
}

/** Everything a run measured; written to bench/results.json and printed as the table. */
export interface BenchResults {
  startedAt: string;
  durationSeconds: number;
  mode: 'full' | 'quick' | 'profile';
  command: string;
  machine: Machine;
  git: { commit: string; dirty: boolean };
  dialog: { name: string; description: string; turnsPerConversation: number };
  settings: { concurrency: number[]; warmupSeconds: number; measureSeconds: number; idleConversations: number };
  scenarios: ScenarioResult[];
  comparisons: Comparison[];
  nlu?: NluBenchResult;
  /** The handoff feature's claim: the figures the claim targets are checked on. */
  claims?: ClaimsBenchResult;
  /** The bare ClaimStore insert under the same contention: the floor any claim built on it pays. */
  claimStoreReference?: ClaimsBenchResult;
  idleMemory?: IdleMemoryResult;
  /** One resident's turn on an empty store and on the store after the idle phase: does a turn slow down as data grows? */
  storeGrowth?: StoreGrowth;
  targets: TargetResult[];
  /** Warnings and errors the server processes logged during the run (a healthy run logs no errors). */
  serverLogs: Record<string, { warnings: number; errors: number }>;
  /** --profile only: a CPU profile per measured window, with its summary. */
  profiles?: ProfileRun['profiles'];
}

/** CPU model, cores, memory and Node version of this machine. */
export function describeMachine(): Machine {
  const cpus = os.cpus();
  const load = round(os.loadavg()[0] ?? 0, 2);
  return { cpuModel: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024), node: process.version, platform: `${os.platform()} ${os.release()} ${os.arch()}`, loadAverage: { start: load, end: load } };
}

/** The commit measured, and whether the tree had uncommitted changes (others' work in progress). */
export function describeCommit(cwd: string): { commit: string; dirty: boolean } {
  try {
    const git = (args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const commit = git(['rev-parse', 'HEAD']).trim();
    const status = git(['status', '--porcelain', '--untracked-files=no']);
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

/** The assistant's throughput as a share of each baseline's, per concurrency. */
export function compare(scenarios: ScenarioResult[]): Comparison[] {
  const at = (role: ScenarioResult['server'], c: number): ScenarioResult | undefined => scenarios.find((s) => s.server === role && s.concurrency === c);
  return [...new Set(scenarios.map((s) => s.concurrency))].flatMap((concurrency) => {
    const [assistant, a, b] = [at('assistant', concurrency), at('A', concurrency), at('B', concurrency)];
    if (!assistant) return [];
    return [{
      concurrency,
      assistantTurnsPerSecond: assistant.turnsPerSecond,
      ratioToA: a ? round(assistant.turnsPerSecond / a.turnsPerSecond, 3) : Number.NaN,
      ratioToB: b ? round(assistant.turnsPerSecond / b.turnsPerSecond, 3) : Number.NaN,
      assistantP99Ms: assistant.latencyMs.p99,
      cpuCeilingRatioToB: b ? round(assistant.cpuCeilingTurnsPerSecond / b.cpuCeilingTurnsPerSecond, 3) : Number.NaN,
    }];
  });
}

const pct = (ratio: number): string => `${round(ratio * 100, 1)} %`;

/** Checks each target of the issue against this run's figures (targets whose part did not run are left out). */
export function evaluateTargets(r: Pick<BenchResults, 'comparisons' | 'nlu' | 'claims' | 'idleMemory'>): TargetResult[] {
  const targets: TargetResult[] = [];
  const top = r.comparisons.find((c) => c.concurrency === 200);
  if (top) {
    targets.push({ name: 'turn throughput at 200 concurrent conversations', target: '≥ 50 % of baseline B', reached: `${pct(top.ratioToB)} of B (${top.assistantTurnsPerSecond} turns/s); by CPU per turn ${pct(top.cpuCeilingRatioToB)}`, met: top.ratioToB >= 0.5 });
    targets.push({ name: 'turn p99 at 200 concurrent conversations', target: '≤ 50 ms', reached: `${top.assistantP99Ms} ms`, met: top.assistantP99Ms <= 50 });
  }
  if (r.nlu) targets.push({ name: 'NLU classification per message', target: 'median ≤ 0.2 ms', reached: `median ${r.nlu.medianMs} ms (p99 ${r.nlu.p99Ms} ms)`, met: r.nlu.medianMs <= 0.2 });
  if (r.claims) {
    const c = r.claims;
    targets.push({ name: `claims: ${c.attempts} attempts on ${c.cases} cases`, target: `exactly ${c.cases} winners`, reached: `${c.winners} winners, ${c.casesWithExactlyOneWinner} cases with exactly one`, met: c.winners === c.cases && c.casesWithExactlyOneWinner === c.cases });
    targets.push({ name: 'claim latency under contention', target: 'p99 ≤ 20 ms', reached: `p99 ${c.p99Ms} ms`, met: c.p99Ms <= 20 });
  }
  if (r.idleMemory) {
    const m = r.idleMemory;
    const growth = Math.max(m.heapGrowthMB, m.rssGrowthMB);
    const all = m.conversations === m.wanted;
    const reached = `${all ? '' : `only ${m.conversations} opened in the time budget: `}heap ${signed(m.heapGrowthMB)} MB, RSS ${signed(m.rssGrowthMB)} MB`;
    targets.push({ name: `${m.wanted.toLocaleString('en')} idle conversations`, target: '< 20 MB added (heap and RSS after GC)', reached, met: all && growth < 20 && m.failed === 0 });
  }
  return targets;
}
