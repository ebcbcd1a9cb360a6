import type { ScenarioResult } from './load/measure';
import type { BenchResults } from './results';
import { round, signed } from './stats';

type Row = string[];

function table(header: Row, rows: Row[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (row: Row): string => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const num = (value: number | null, digits = 1): string => (value === null || Number.isNaN(value) ? '–' : String(round(value, digits)));

function scenarioRow(s: ScenarioResult, results: BenchResults): Row {
  const comparison = s.server === 'assistant' ? results.comparisons.find((c) => c.concurrency === s.concurrency) : undefined;
  const failures = s.failedTurns + s.failedConversations + s.unfinishedTurns;
  return [
    s.title, String(s.concurrency), num(s.turnsPerSecond, 0), num(s.latencyMs.p50, 2), num(s.latencyMs.p95, 2), num(s.latencyMs.p99, 2), num(s.peakRssMB, 0),
    `${num(s.cpuMsPerTurn.server, 2)}${s.cpuMsPerTurn.database === null ? '' : ` + ${num(s.cpuMsPerTurn.database, 2)}`}`, num(s.cpuCeilingTurnsPerSecond, 0),
    String(failures), comparison ? `${round(comparison.ratioToA * 100, 1)} %` : '', comparison ? `${round(comparison.ratioToB * 100, 1)} %` : '',
  ];
}

/** One line per scenario (concurrency level): the assistant's figures read against both baselines. */
function summaryLines(results: BenchResults): string[] {
  return results.comparisons.map((c) => {
    const at = (role: ScenarioResult['server']): ScenarioResult | undefined => results.scenarios.find((s) => s.server === role && s.concurrency === c.concurrency);
    const assistant = at('assistant');
    const l = assistant?.latencyMs;
    return `@${c.concurrency} conversations: assistant ${num(c.assistantTurnsPerSecond, 0)} turns/s = ${round(c.ratioToA * 100, 1)} % of A (${num(at('A')?.turnsPerSecond ?? null, 0)}/s), ${round(c.ratioToB * 100, 1)} % of B (${num(at('B')?.turnsPerSecond ?? null, 0)}/s); ` +
      `p50 / p95 / p99 ${num(l?.p50 ?? null, 1)} / ${num(l?.p95 ?? null, 1)} / ${num(l?.p99 ?? null, 1)} ms; peak RSS ${num(assistant?.peakRssMB ?? null, 0)} MB; by CPU per turn ${round(c.cpuCeilingRatioToB * 100, 1)} % of B`;
  });
}

/** Everything a run measured, as the text `npm run bench` prints at the end. */
export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const m = results.machine;
  out.push('', `Benchmark (${results.mode}) on ${m.cpuModel}, ${m.cores} cores, Node ${m.node}; commit ${results.git.commit.slice(0, 10)}${results.git.dirty ? ' + uncommitted changes' : ''}`);
  const busy = Math.max(m.loadAverage.start, m.loadAverage.end) > m.cores;
  out.push(`Load average ${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end${busy ? ': other work shared the CPUs, so read the ratios, not the absolute figures' : ''}.`);
  out.push(`Dialog: ${results.dialog.name}, ${results.dialog.turnsPerConversation} turns per conversation: ${results.dialog.description}`);
  out.push(`Each scenario: ${results.settings.warmupSeconds} s warm-up, ${results.settings.measureSeconds} s measured; closed loop (each simulated resident waits for the reply).`, '');
  if (results.scenarios.length > 0) {
    const header = ['server', 'conc', 'turns/s', 'p50 ms', 'p95 ms', 'p99 ms', 'peak RSS MB', 'CPU ms/turn (+DB)', 'CPU ceiling/s', 'failures', 'vs A', 'vs B'];
    out.push(table(header, results.scenarios.map((s) => scenarioRow(s, results))), '');
    out.push(...summaryLines(results), '');
  }
  if (results.nlu) out.push(`NLU: ${results.nlu.messages} utterances × ${results.nlu.measuredPasses}: median ${results.nlu.medianMs} ms, p99 ${results.nlu.p99Ms} ms, mean ${results.nlu.meanMs} ms per message; median by language ${JSON.stringify(results.nlu.medianMsByLanguage)}`);
  for (const c of [results.claims, results.claimStoreReference]) {
    if (!c) continue;
    out.push(`Claims, ${c.implementation}:`, `  ${c.attempts} concurrent attempts on ${c.cases} cases (pool ${c.poolSize}): ${c.winners} winners, ${c.casesWithExactlyOneWinner} cases with exactly one; p50 ${c.p50Ms} ms, p99 ${c.p99Ms} ms, all answered in ${c.wallMs} ms`);
  }
  if (results.idleMemory) {
    const i = results.idleMemory;
    out.push(`Idle: ${i.conversations} of ${i.wanted} conversations opened in ${i.seconds} s (${i.opensPerSecond}/s, ${i.failed} failed): heap ${i.heapBeforeMB} → ${i.heapAfterMB} MB (${signed(i.heapGrowthMB)}, ${i.heapGrowthPerThousandMB} MB per 1,000), RSS ${i.rssBeforeMB} → ${i.rssAfterMB} MB (${signed(i.rssGrowthMB)}) after GC`);
  }
  if (results.storeGrowth) {
    const { emptyStore: e, fullStore: f, storedConversations } = results.storeGrowth;
    out.push(`Store growth: one resident's turn p50 ${e.latencyMs.p50} ms on an empty store, ${f.latencyMs.p50} ms with ${storedConversations} stored conversations (${e.turnsPerSecond} → ${f.turnsPerSecond} turns/s; database CPU ${e.cpuMsPerTurn.database ?? '–'} → ${f.cpuMsPerTurn.database ?? '–'} ms per turn)`);
  }
  const logs = Object.entries(results.serverLogs).map(([server, l]) => `${server} ${l.warnings} warnings / ${l.errors} errors`).join(', ');
  out.push(`Server logs: ${logs}`, '');
  if (results.targets.length > 0) {
    out.push(table(['target', 'wanted', 'reached', ''], results.targets.map((t) => [t.name, t.target, t.reached, t.met ? 'MET' : 'MISSED'])));
  }
  out.push('', `The run took ${results.durationSeconds} s.`);
  return out.join('\n');
}
