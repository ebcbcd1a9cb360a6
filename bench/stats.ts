/** Latency figures of one series, in milliseconds, the way every table of the benchmark shows them. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array; why nearest-rank: it is always a latency that happened. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Summarises raw latencies (the caller's array is left untouched). */
export function summarize(latencies: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? (sorted[sorted.length - 1] as number) : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  };
}

/** Rounds for the results file: enough digits to compare runs, not the noise of the float. */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Bytes to mebibytes, rounded, for memory figures. */
export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

/** A change with its sign ("+3.2", "-1.5"), for memory growth that may be negative after GC. */
export function signed(value: number): string {
  return value < 0 ? String(value) : `+${value}`;
}
