/** `npm run nlu:bench`: training time and per-message classification time (median, p99), measured, not guessed. */
import { LANGUAGES } from '../core/languages';
import type { Nlu } from '../core/nlu';
import { dedupe, loadCorpus } from './corpus';
import { createNlu } from './create-nlu';
import { defaultDataDir } from './data-dir';

function percentile(sorted: readonly number[], p: number): string {
  return (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(3);
}

/** Wall time and CPU time of each call; CPU time is what a busy machine cannot inflate. */
function measure(nlu: Nlu, texts: readonly string[]): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  texts.forEach((text, i) => {
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    nlu.understand(text, LANGUAGES[i % LANGUAGES.length] ?? 'nl');
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const used = process.cpuUsage(cpu0);
    cpu.push((used.user + used.system) / 1000);
  });
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

async function main(): Promise<void> {
  const dataDir = defaultDataDir();
  const nlu = await createNlu({ dataDir, log: (line) => console.log(line) });
  const texts = dedupe(loadCorpus(dataDir)).map((e) => `${e.text} pls`);
  measure(nlu, texts);
  const { wall, cpu } = measure(nlu, texts);
  console.log(`classification of ${texts.length} messages (warm):`);
  console.log(`  wall ms: median ${percentile(wall, 50)}, p90 ${percentile(wall, 90)}, p99 ${percentile(wall, 99)}`);
  console.log(`  cpu ms:  median ${percentile(cpu, 50)}, p90 ${percentile(cpu, 90)}, p99 ${percentile(cpu, 99)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
