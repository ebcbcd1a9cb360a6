/**
 * `npm run bench`: issue 9's benchmark in one run. Starts one local FerretDB server on a temp dir,
 * the assistant and two baselines in their own processes, drives simulated residents through whole
 * conversations, runs the NLU, claims and idle-memory measurements, prints one table and writes
 * bench/results.json. See docs/benchmark.md.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { startLocalServer } from '../src/storage/local-server';
import { parseOptions, type BenchOptions } from './options';
import { childPidByName } from './process-cpu';
import { formatDbPerTurn } from './profile/db-report';
import { formatProfile } from './profile/cpu-profile';
import { Progress } from './progress';
import { formatReport } from './report';
import { compare, describeCommit, describeMachine, evaluateTargets, type BenchResults } from './results';
import { runFull } from './run-full';
import { profileDir, runProfile } from './run-profile';
import { round } from './stats';

function baseResults(options: BenchOptions, startedAt: Date): BenchResults {
  return {
    startedAt: startedAt.toISOString(),
    durationSeconds: 0,
    mode: options.mode,
    command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
    machine: describeMachine(),
    git: describeCommit(PROJECT_ROOT),
    dialog: { name: options.script.name, description: options.script.description, turnsPerConversation: options.script.turns.length + 1 },
    settings: { concurrency: options.concurrency, warmupSeconds: options.warmupMs / 1000, measureSeconds: options.measureMs / 1000, idleConversations: options.idleConversations },
    scenarios: [],
    comparisons: [],
    targets: [],
    serverLogs: {},
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const progress = new Progress();
  const results = baseResults(options, startedAt);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'digipunt-bench-db-'));
  progress.done(`Starting the local database server (FerretDB on SQLite in ${dataDir})...`);
  const database = await startLocalServer({ dataDir, log: (line) => progress.done(line) });
  const databaseUri = (name: string): string => `${database.uri}${name}`;
  const databasePid = childPidByName('ferretdb');
  const profileOut = profileDir(os.tmpdir());
  try {
    if (options.mode === 'profile') {
      const run = await runProfile(options, databaseUri, databasePid, options.script, profileOut, progress);
      Object.assign(results, { scenarios: run.scenarios, profiles: run.profiles, serverLogs: run.serverLogs });
    } else {
      const run = await runFull(options, databaseUri, databasePid, options.script, progress);
      Object.assign(results, run);
    }
  } finally {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  results.comparisons = options.mode === 'profile' ? [] : compare(results.scenarios);
  results.targets = evaluateTargets(results);
  results.durationSeconds = round((Date.now() - startedAt.getTime()) / 1000, 0);
  results.machine.loadAverage.end = round(os.loadavg()[0] ?? 0, 2);
  console.log(formatReport(results));
  if (options.mode === 'profile') {
    for (const s of results.scenarios) console.log(`\n${formatDbPerTurn(s)}`);
    for (const p of results.profiles ?? []) console.log(`\n@${p.concurrency} (${p.file}):\n${formatProfile(p.summary)}`);
  }
  // bench/results.json is git-ignored; a profile run writes next to its profiles, outside the repository.
  const file = options.mode === 'profile' ? path.join(profileOut, 'results.json') : path.join(PROJECT_ROOT, 'bench', 'results.json');
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`Results: ${file}`);
}

main().catch((error: unknown) => {
  console.error(`\nThe benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
