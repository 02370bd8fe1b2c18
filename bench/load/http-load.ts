import { setTimeout } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { CpuMeter, CpuPerOperation } from '../support/cpu-meter.js';
import type { HttpLoadResult, HttpLoadSpec } from './http-load-spec.js';
import { runInWorker } from './worker-process.js';

export type { HttpLoadResult, HttpLoadSpec } from './http-load-spec.js';

/** A load's result with what each answered request cost the server (this process) and PostgreSQL. */
export interface HttpFigures extends HttpLoadResult {
  readonly cpu: CpuPerOperation;
  /** The load generator's CPU per answered request, in microseconds. */
  readonly generatorUs: number;
}

const WORKER = fileURLToPath(new URL('./autocannon-worker.js', import.meta.url));

/**
 * When autocannon stops it drops its connections with up to one request each still running on
 * the server; this long is left for those to finish before the next load or shutdown.
 */
const SETTLE_MS = 300;

/** Runs one HTTP load with autocannon in a separate process and answers its result. */
export async function runHttpLoad(spec: HttpLoadSpec): Promise<HttpLoadResult> {
  const result = await runInWorker<HttpLoadSpec, HttpLoadResult>(WORKER, spec);
  await setTimeout(SETTLE_MS);
  return result;
}

/** Runs one HTTP load against the app in this process and charges the CPU spent meanwhile to its answers. */
export async function measureHttpLoad(meter: CpuMeter, spec: HttpLoadSpec): Promise<HttpFigures> {
  const before = meter.sample();
  const result = await runHttpLoad(spec);
  const generatorUs = result.succeeded > 0 ? (result.generatorCpuMs * 1000) / result.succeeded : Number.NaN;
  return { ...result, cpu: meter.perOperation(before, result.succeeded), generatorUs };
}
