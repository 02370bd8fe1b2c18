import { LatencyRecorder, now, type LatencySummary } from '../support/latency.js';

export interface LoopOptions {
  readonly workers: number;
  readonly durationMs: number;
  /** One operation of worker `worker`; a rejection counts as an error and the worker goes on. */
  readonly operation: (worker: number) => Promise<unknown>;
}

export interface LoopResult {
  readonly operations: number;
  readonly errors: number;
  readonly firstError: string | null;
  readonly elapsedMs: number;
  readonly perSecond: number;
  readonly latency: LatencySummary;
}

/**
 * Closed-loop load inside this process: `workers` callers each issue their next operation as soon
 * as the previous one answers, for a fixed time. Used where the thing measured is a database client
 * (the event-store port, Emmett, plain pg), whose cost belongs in the measuring process anyway.
 */
export async function runConcurrently(options: LoopOptions): Promise<LoopResult> {
  const latencies = new LatencyRecorder();
  let operations = 0;
  let errors = 0;
  let firstError: string | null = null;
  const started = now();
  const deadline = started + options.durationMs;
  const worker = async (index: number): Promise<void> => {
    while (now() < deadline) {
      const begun = now();
      try {
        await options.operation(index);
        latencies.record(now() - begun);
        operations += 1;
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.workers }, (_, index) => worker(index)));
  const elapsedMs = now() - started;
  return {
    operations,
    errors,
    firstError,
    elapsedMs,
    perSecond: (operations / elapsedMs) * 1000,
    latency: latencies.summary(),
  };
}
