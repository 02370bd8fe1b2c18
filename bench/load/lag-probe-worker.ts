import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LagProbeResult, LagProbeSpec } from './lag-probe-spec.js';

/**
 * Child process measuring projection lag from the client's side while other load runs: submit a
 * complaint, then poll its read-model row every few milliseconds until it shows. The figure is an
 * upper bound (it includes up to one poll interval and one query round trip). Stops on "stop".
 */
process.once('message', (spec: LagProbeSpec) => {
  let stopping = false;
  process.on('message', (message) => {
    if (message === 'stop') stopping = true;
  });
  void probe(spec, () => stopping).then((result) => process.send?.(result, () => process.exit(0)));
});

async function probe(spec: LagProbeSpec, stopped: () => boolean): Promise<LagProbeResult> {
  // A connection per sampler, so one sampler's polls never queue behind another's.
  const clients = await Promise.all(
    Array.from({ length: spec.samplers }, async () => {
      const client = new pg.Client({ connectionString: spec.databaseUrl, application_name: 'aduan-bench-lag-probe' });
      await client.connect();
      return client;
    }),
  );
  const lagsMs: number[] = [];
  let submitted = 0;
  let errors = 0;
  let firstError: string | null = null;
  await sleep(spec.startDelayMs);
  const fail = (message: string): void => {
    errors += 1;
    firstError ??= message;
  };
  const sampler = async (client: pg.Client, offsetMs: number): Promise<void> => {
    await sleep(offsetMs);
    while (!stopped()) await sample(client);
  };
  const sample = async (client: pg.Client): Promise<void> => {
    try {
      const response = await fetch(spec.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: spec.submitBody,
      });
      const body = (await response.json()) as { data?: { submitComplaint?: { id: string } }; errors?: unknown };
      const id = body.data?.submitComplaint?.id;
      if (!response.ok || body.errors || !id) {
        fail(JSON.stringify(body).slice(0, 300));
        await sleep(spec.pauseMs);
        return;
      }
      submitted += 1;
      const answeredAt = performance.now();
      for (;;) {
        const { rowCount } = await client.query({
          name: 'visible',
          text: 'SELECT 1 FROM complaint_summary WHERE id = $1',
          values: [id],
        });
        if (rowCount) {
          lagsMs.push(performance.now() - answeredAt);
          break;
        }
        if (performance.now() - answeredAt > 30_000) {
          fail(`complaint ${id} not projected within 30 s`);
          break;
        }
        await sleep(spec.pollIntervalMs);
      }
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
    await sleep(spec.pauseMs);
  };
  // Staggered, so the samplers' submits do not arrive together.
  const stagger = spec.pauseMs / spec.samplers;
  await Promise.all(clients.map((client, index) => sampler(client, index * stagger)));
  await Promise.all(clients.map((client) => client.end()));
  return { lagsMs, submitted, errors, firstError };
}
