import { DIALOG_SCRIPTS, type DialogScript } from './load/scripts';

/** How `npm run bench` was asked to run. */
export interface BenchOptions {
  mode: 'full' | 'quick' | 'profile';
  /** The conversation every simulated resident holds. */
  script: DialogScript;
  concurrency: number[];
  warmupMs: number;
  measureMs: number;
  /** Warm-up of each server before its first scenario (JIT, connection pools, SQLite page cache). */
  serverWarmupMs: number;
  idleConversations: number;
  /** The idle-memory phase stops opening conversations after this long, and says how many it got. */
  idleBudgetMs: number;
  claimCases: number;
  agentsPerCase: number;
}

const USAGE = `usage: npm run bench [-- --quick | --profile] [--dialog ${DIALOG_SCRIPTS.map((d) => d.name).join(' | ')}] [--concurrency 1,50,200] [--seconds N]
  (default)   every part of issue 9: load scenarios against both baselines, NLU, claims, idle memory
  --quick     short windows and 1,000 idle conversations, to check the benchmark itself works
  --profile   the assistant alone at the highest concurrency, with a CPU profile (node --cpu-prof)
              and a count of its database commands per turn`;

/** Parses the few flags; anything unknown prints the usage and stops. */
export function parseOptions(args: readonly string[]): BenchOptions {
  const options: BenchOptions = { mode: 'full', script: DIALOG_SCRIPTS[0] as DialogScript, concurrency: [1, 50, 200], warmupMs: 1500, measureMs: 8000, serverWarmupMs: 3000, idleConversations: 10_000, idleBudgetMs: 150_000, claimCases: 100, agentsPerCase: 10 };
  // The mode first, so explicit values after it (--seconds) win whatever the order on the command line.
  if (args.includes('--quick')) Object.assign(options, { mode: 'quick', warmupMs: 500, measureMs: 2000, serverWarmupMs: 1000, idleConversations: 1000, idleBudgetMs: 20_000 });
  if (args.includes('--profile')) Object.assign(options, { mode: 'profile', measureMs: 15_000 });
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    if (flag === '--quick' || flag === '--profile') continue;
    else if (flag === '--concurrency' && args[i + 1]) options.concurrency = (args[++i] as string).split(',').map(Number);
    else if (flag === '--seconds' && args[i + 1]) options.measureMs = Number(args[++i]) * 1000;
    else if (flag === '--dialog' && args[i + 1]) {
      const name = args[++i];
      const script = DIALOG_SCRIPTS.find((d) => d.name === name);
      if (!script) throw new Error(USAGE);
      options.script = script;
    }
    else throw new Error(USAGE);
  }
  if (options.concurrency.some((c) => !Number.isInteger(c) || c < 1) || !(options.measureMs > 0)) throw new Error(USAGE);
  return options;
}
