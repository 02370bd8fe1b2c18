import { CpuMeter } from '../support/cpu-meter.js';
import type { AppendLoadResult, AppendLoadSpec } from './append-load.js';
import { openWriter } from './append-writers.js';
import { runConcurrently } from './concurrent-loop.js';
import { serveOneRequest } from './worker-process.js';

/** Warms a writer up, then measures it: `writers` callers appending back to back for a fixed time. */
async function run(spec: AppendLoadSpec): Promise<AppendLoadResult> {
  const writer = await openWriter(spec.kind, spec.url, spec.writers, spec.lifecycle);
  try {
    const operation = (): Promise<unknown> => writer.append();
    await runConcurrently({ workers: spec.writers, durationMs: spec.warmupSeconds * 1000, operation });
    const meter = new CpuMeter(spec.postmasterPid);
    const before = meter.sample();
    const result = await runConcurrently({ workers: spec.writers, durationMs: spec.seconds * 1000, operation });
    return { ...result, cpu: meter.perOperation(before, result.operations) };
  } finally {
    await writer.close();
  }
}

serveOneRequest(run);
