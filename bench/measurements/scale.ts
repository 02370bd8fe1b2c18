import { startBenchApp } from '../app/bench-app.js';
import { complaintById } from '../app/graphql-documents.js';
import type { Lifecycle } from '../app/sample-lifecycle.js';
import { countOf } from '../database/sql.js';
import { runAppendLoad, type AppendLoadResult } from '../load/append-load.js';
import { measureHttpLoad, runHttpLoad, type HttpFigures } from '../load/http-load.js';
import type { CpuMeter } from '../support/cpu-meter.js';
import { progress } from '../support/progress.js';
import { sampleComplaintIds } from './api-load.js';
import type { PassFigures } from './read-and-rebuild.js';

/** Section 7 at one store size. */
export interface ScalePoint {
  readonly storedEvents: number;
  /** One writer appending new complaints back to back: the latency of a single durable append. */
  readonly append: AppendLoadResult;
  /** complaint(id) over HTTP for random stored complaints. */
  readonly complaintById: HttpFigures;
  /** The rebuild that brought the read models up to this size, when the bench ran one for it. */
  readonly rebuild: PassFigures | null;
}

export interface ScaleOptions {
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
}

/**
 * Latencies that should not depend on how many events are stored: an append (index depth of the
 * events table's keys) and a complaint lookup (read-model primary key). Measured at each
 * size with the API freshly started on the store, after its projector has caught up.
 */
export async function measureScalePoint(
  url: string,
  lifecycle: Lifecycle,
  meter: CpuMeter,
  options: ScaleOptions,
  rebuild: PassFigures | null,
): Promise<ScalePoint> {
  const storedEvents = await countOf(url, 'SELECT count(*) AS count FROM events');
  progress(`scale ${storedEvents}: append latency, 1 writer, ${options.seconds} s`);
  const append = await runAppendLoad({
    kind: 'aduan',
    url,
    writers: 1,
    seconds: options.seconds,
    warmupSeconds: options.warmupSeconds,
    lifecycle,
    postmasterPid: meter.postmasterPid,
  });

  progress(`scale ${storedEvents}: starting the API (projector catches up first)`);
  const app = await startBenchApp(url);
  try {
    const operator = await app.token({ sub: 'bench-operator', role: 'operator' });
    const requests = (await sampleComplaintIds(url)).map((id) => complaintById(id));
    const spec = {
      url: app.graphqlUrl,
      connections: options.connections,
      headers: { authorization: `Bearer ${operator}` },
      bodies: requests.map((request) => request.body),
      expect: requests[0]!.expect,
    };
    progress(`scale ${storedEvents}: complaint(id), ${options.connections} connections, ${options.seconds} s`);
    await runHttpLoad({ ...spec, durationSeconds: options.warmupSeconds });
    const complaintByIdLoad = await measureHttpLoad(meter, { ...spec, durationSeconds: options.seconds });
    return { storedEvents, append, complaintById: complaintByIdLoad, rebuild };
  } finally {
    await app.close();
  }
}
