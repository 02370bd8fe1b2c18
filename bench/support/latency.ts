/** Percentiles of one measurement's latencies, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Collects per-operation latencies. Percentiles come from the sorted samples themselves rather than
 * a histogram: the runs are short enough to keep every sample, and exact tails are what the
 * targets (p99) are about.
 */
export class LatencyRecorder {
  readonly #samples: number[] = [];

  record(milliseconds: number): void {
    this.#samples.push(milliseconds);
  }

  summary(): LatencySummary {
    return summarize(this.#samples);
  }
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Nearest-rank percentile of ascending samples; NaN when there are none. */
function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export const now = (): number => performance.now();
