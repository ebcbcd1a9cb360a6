import { readFileSync } from 'node:fs';
import { round } from '../stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time (ms and share of the busy time) of one function or one group of code. */
export interface ProfileEntry {
  name: string;
  ms: number;
  share: number;
}

/** Where the assistant's CPU went: by library or app folder, and by function. */
export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  /** The benchmark's own work in the process (starting and stopping the profiler, RSS samples): left out of busyMs. */
  harnessMs: number;
  byGroup: ProfileEntry[];
  topFunctions: ProfileEntry[];
}

const TOP = 25;

/** "mongodb", "@fastify/helmet", "app src/core/turn", "node:internal", "(garbage collector)". */
export function groupOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (module) return module;
  const app = /\/(?:dist\/)?((?:src|bench)\/[^/]+(?:\/[^/]+(?=\/))?)/.exec(url)?.[1];
  if (app) return `app ${app}`;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  return url;
}

/** Reads a V8 CPU profile and adds up self time per group and per function. */
export function summarizeProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const isHarness = (id: number): boolean => {
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) if (/\/bench\//.test(nodes.get(at)?.callFrame.url ?? '')) return true;
    return false;
  };
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let idleMs = 0;
  let harnessMs = 0;
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = (nodes.get(id) as ProfileNode).callFrame;
    if (functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    if (isHarness(id)) {
      harnessMs += ms;
      continue;
    }
    const group = groupOf(url, functionName);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*\/(node_modules|dist)\//, '')}:${lineNumber + 1}` : ''}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const busyMs = [...groups.values()].reduce((a, b) => a + b, 0);
  const rank = (map: Map<string, number>, limit: number): ProfileEntry[] =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => ({ name, ms: round(ms, 0), share: round(ms / busyMs, 3) }));
  return { busyMs: round(busyMs, 0), idleMs: round(idleMs, 0), harnessMs: round(harnessMs, 0), byGroup: rank(groups, TOP), topFunctions: rank(functions, TOP) };
}

/** The summary as text for the terminal. */
export function formatProfile(summary: ProfileSummary): string {
  const lines = (entries: ProfileEntry[]): string[] => entries.map((e) => `  ${String(Math.round(e.share * 1000) / 10).padStart(5)} %  ${String(e.ms).padStart(7)} ms  ${e.name}`);
  return [
    `CPU profile of the assistant: ${summary.busyMs} ms busy, ${summary.idleMs} ms idle (and ${summary.harnessMs} ms of the benchmark's own sampling, left out).`,
    'Self time by library / app folder:', ...lines(summary.byGroup),
    'Self time by function:', ...lines(summary.topFunctions),
  ].join('\n');
}
