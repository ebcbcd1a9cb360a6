import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { AppMetrics } from '../../src/core/metrics';

// A full collection on demand, without starting jest with --expose-gc.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Builds and closes metrics inside an async context that holds a large object, as a test hook or a request would. */
function closedMetricsMadeInContext(): WeakRef<object> {
  const context = new AsyncLocalStorage<{ payload: Float64Array }>();
  const payload = new Float64Array(1_000_000);
  context.run({ payload }, () => new AppMetrics().close());
  return new WeakRef(payload);
}

describe('AppMetrics', () => {
  test('a closed app lets go of the context it was made in (each closed test app used to stay in memory: CI ran out of heap)', async () => {
    const held = closedMetricsMadeInContext();
    await nextTurn();
    collectGarbage();
    expect(held.deref()).toBeUndefined();
  });

  test('/metrics text has the process figures and the event-loop delay', async () => {
    const metrics = new AppMetrics();
    try {
      await new Promise((resolve) => setTimeout(resolve, 30));
      const text = await metrics.registry.metrics();
      for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_heap_size_used_bytes', 'process_start_time_seconds']) {
        expect(text).toMatch(new RegExp(`^${name} \\d`, 'm'));
      }
      expect(text).toMatch(/^nodejs_eventloop_lag_seconds\{stat="p99"\} [\d.e-]+$/m);
    } finally {
      metrics.close();
    }
  });
});
