import { JsonHttpClient } from '../load/http-client';
import type { Progress } from '../progress';
import type { ServerProcess } from '../servers/server-process';
import { mb, round } from '../stats';

/** What idle conversations cost the assistant process: heap and RSS after GC, before and after. */
export interface IdleMemoryResult {
  wanted: number;
  /** Opened within the time budget; fewer than `wanted` when the assistant was too slow. */
  conversations: number;
  failed: number;
  seconds: number;
  opensPerSecond: number;
  heapBeforeMB: number;
  heapAfterMB: number;
  heapGrowthMB: number;
  rssBeforeMB: number;
  rssAfterMB: number;
  rssGrowthMB: number;
  /** Heap growth per 1,000 conversations, to compare runs that opened different numbers. */
  heapGrowthPerThousandMB: number;
}

/**
 * Opens up to `wanted` web chat conversations (each runs its opening turn: welcome and menu, state
 * saved) and leaves them idle, then compares the server's memory after forced GC with the figure
 * before. Stops opening when the time budget is spent, and says so, instead of running for hours.
 */
export async function runIdleMemoryBench(server: ServerProcess, wanted: number, concurrency: number, budgetMs: number, progress: Progress): Promise<IdleMemoryResult> {
  const before = await server.request('memory');
  const client = new JsonHttpClient(server.url, concurrency);
  let started = 0;
  let opened = 0;
  let failed = 0;
  const begin = performance.now();
  const deadline = begin + budgetMs;
  const opener = async (): Promise<void> => {
    while (started < wanted && performance.now() < deadline) {
      started += 1;
      const reply = await client.post('/api/webchat/conversations', {}).catch(() => ({ status: 0 }));
      if (reply.status === 201) opened += 1;
      else failed += 1;
      progress.update(`  idle conversations: ${opened}/${wanted} opened, ${Math.round((deadline - performance.now()) / 1000)} s of the budget left`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, opener));
  const seconds = (performance.now() - begin) / 1000;
  client.close();
  const after = await server.request('memory');
  const heapGrowth = after.heapUsedBytes - before.heapUsedBytes;
  return {
    wanted,
    conversations: opened,
    failed,
    seconds: round(seconds, 1),
    opensPerSecond: round(opened / seconds, 1),
    heapBeforeMB: mb(before.heapUsedBytes),
    heapAfterMB: mb(after.heapUsedBytes),
    heapGrowthMB: mb(heapGrowth),
    rssBeforeMB: mb(before.rssBytes),
    rssAfterMB: mb(after.rssBytes),
    rssGrowthMB: mb(after.rssBytes - before.rssBytes),
    heapGrowthPerThousandMB: opened > 0 ? mb((heapGrowth / opened) * 1000) : Number.NaN,
  };
}
