import type { Language } from '../../src/core/languages';
import type { Nlu } from '../../src/core/nlu';
import { dedupe, loadCorpus } from '../../src/nlu/corpus';
import { round, summarize } from '../stats';

/** Time per message of NLU classification over the training utterances, overall and per language. */
export interface NluBenchResult {
  messages: number;
  measuredPasses: number;
  medianMs: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  medianMsByLanguage: Partial<Record<Language, number>>;
}

const WARMUP_PASSES = 1;

/**
 * Classifies every utterance of nlu/*.json (de-duplicated, each in its own language as the
 * conversation language) one at a time and times each call: the port the turn uses, nothing mocked.
 * A warm-up pass first, so the figures are the steady state a running server sees.
 */
export async function runNluBench(nlu: Nlu, dataDir: string, measuredPasses: number): Promise<NluBenchResult> {
  const examples = dedupe(loadCorpus(dataDir));
  for (let pass = 0; pass < WARMUP_PASSES; pass += 1) for (const e of examples) nlu.understand(e.text, e.language);
  const all: number[] = [];
  const byLanguage = new Map<Language, number[]>();
  for (let pass = 0; pass < measuredPasses; pass += 1) {
    for (const e of examples) {
      const started = performance.now();
      nlu.understand(e.text, e.language);
      const ms = performance.now() - started;
      all.push(ms);
      const list = byLanguage.get(e.language) ?? [];
      list.push(ms);
      byLanguage.set(e.language, list);
    }
    await new Promise((resolve) => setImmediate(resolve)); // lets IPC and timers breathe between passes
  }
  const summary = summarize(all);
  return {
    messages: examples.length,
    measuredPasses,
    medianMs: round(summary.p50, 4),
    p99Ms: round(summary.p99, 4),
    meanMs: round(summary.mean, 4),
    maxMs: round(summary.max, 3),
    medianMsByLanguage: Object.fromEntries([...byLanguage].map(([lng, list]) => [lng, round(summarize(list).p50, 4)])),
  };
}
