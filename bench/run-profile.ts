import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { webChatConversation } from './load/conversations';
import { runScenario } from './load/driver';
import { measure, type Contender, type ScenarioResult } from './load/measure';
import type { DialogScript } from './load/scripts';
import type { BenchOptions } from './options';
import { summarizeProfile, type ProfileSummary } from './profile/cpu-profile';
import type { Progress } from './progress';
import { ServerProcess } from './servers/server-process';

/** What `--profile` found: per window, the scenario (with its database commands) and the CPU profile's summary. */
export interface ProfileRun {
  scenarios: ScenarioResult[];
  profiles: Array<{ concurrency: number; file: string; summary: ProfileSummary }>;
  serverLogs: Record<string, { warnings: number; errors: number }>;
}

/**
 * The assistant alone, with V8's CPU profiler and database command monitoring on: one resident (a
 * turn without queueing) and the highest concurrency (the target), so the profiles show where a
 * turn's time goes. Monitoring costs a little, so these figures are not the full run's.
 */
export async function runProfile(options: BenchOptions, databaseUri: (name: string) => string, databasePid: number | null, script: DialogScript, outDir: string, progress: Progress): Promise<ProfileRun> {
  mkdirSync(outDir, { recursive: true });
  progress.done(`Starting the assistant with the CPU profiler (profiles in ${outDir}) and database command monitoring...`);
  const server = await ServerProcess.start('assistant', { databaseUri: databaseUri('bench_profile'), monitorDb: true, profileDir: outDir });
  const contender: Contender = { role: 'assistant', title: 'assistant: web chat turn', process: server, conversation: webChatConversation(script), usesDatabase: true };
  const scenarios: ScenarioResult[] = [];
  try {
    await runScenario({ label: 'warm-up', baseUrl: server.url, conversation: contender.conversation, concurrency: 20, warmupMs: 0, measureMs: options.serverWarmupMs, progress });
    const levels = [...new Set([1, Math.max(...options.concurrency)])];
    const context = { progress, warmupMs: options.warmupMs, measureMs: options.measureMs, databasePid, monitorDb: true, cpuProfile: true };
    for (const concurrency of levels) scenarios.push(await measure(contender, concurrency, context));
  } finally {
    await server.stop();
  }
  const profiles = scenarios.flatMap((s) => (s.cpuProfile ? [{ concurrency: s.concurrency, file: s.cpuProfile, summary: summarizeProfile(s.cpuProfile) }] : []));
  return { scenarios, profiles, serverLogs: { assistant: { warnings: server.warnings, errors: server.errors } } };
}

/** Where --profile writes: a fresh folder under the OS temp dir, never into the repository. */
export function profileDir(tmp: string): string {
  return path.join(tmp, `digipunt-bench-profile-${new Date().toISOString().replace(/[:.]/g, '-')}`);
}
