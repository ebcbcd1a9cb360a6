import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, type Registry } from 'prom-client';

/** What registerProcessMetrics hands back: the one resource it holds must end with the app. */
export interface ProcessMetrics {
  stop(): void;
}

/**
 * Why: prom-client's default set starts an event-loop monitor and a GC observer that nothing can stop;
 * together they keep the async context they were made in (with everything reachable from it) for the
 * life of the process, so each closed app stayed in memory. These are the process figures we watch,
 * under prom-client's names, without a GC observer; stop() ends the monitor.
 */
export function registerProcessMetrics(registry: Registry): ProcessMetrics {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const registers = [registry];
  new Counter({
    name: 'process_cpu_seconds_total', help: 'User and system CPU time spent, in seconds', registers,
    collect() {
      const used = process.cpuUsage();
      this.reset();
      this.inc((used.user + used.system) / 1e6);
    },
  });
  new Gauge({ name: 'process_resident_memory_bytes', help: 'Resident memory size, in bytes', registers, collect() { this.set(process.memoryUsage.rss()); } });
  new Gauge({ name: 'nodejs_heap_size_used_bytes', help: 'V8 heap used, in bytes', registers, collect() { this.set(process.memoryUsage().heapUsed); } });
  new Gauge({ name: 'process_start_time_seconds', help: 'Start time of the process since the Unix epoch, in seconds', registers, collect() { this.set(Math.round(Date.now() / 1000 - process.uptime())); } });
  new Gauge({
    name: 'nodejs_eventloop_lag_seconds', help: 'Event-loop delay since the last scrape (p50, p99, max), in seconds', labelNames: ['stat'], registers,
    collect() {
      // One metric sets all three before the reset, so a scrape never mixes two windows.
      this.set({ stat: 'p50' }, delay.percentile(50) / 1e9);
      this.set({ stat: 'p99' }, delay.percentile(99) / 1e9);
      this.set({ stat: 'max' }, delay.max / 1e9);
      delay.reset();
    },
  });
  return { stop: () => delay.disable() };
}
