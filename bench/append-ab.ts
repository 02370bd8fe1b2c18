import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { complaintStreamName } from '#aduan/complaints';
import { PostgresEventStore } from '#aduan/event-store';
import { EVENT_STORE_DDL_V1 } from '../libs/event-store/src/postgres/testing/event-store-ddl-v1.js';
import { startBenchApp } from './app/bench-app.js';
import { recordLifecycle } from './app/sample-lifecycle.js';
import { stampComplaint } from './app/stamp-complaint.js';
import { startBenchPostgres } from './database/bench-postgres.js';
import { progress } from './support/progress.js';

/**
 * `node dist/bench/append-ab.js [seconds] [connections per variant]`: PostgreSQL's CPU per append of
 * the first schema (its tables, its function, its client call) against the current one, and per plain
 * INSERT commit (ceiling B), measured side by side on one server at the same time. Each variant's
 * connections run concurrently with the others', so all see the same load from the rest of the
 * machine; the CPU of each backend process is read from /proc, which charges a variant only its own
 * work (the shared WAL writer and checkpointer are left out, for all alike). A diagnostic for schema
 * changes, not a target.
 */
const V1_APPEND_SQL = `SELECT next_expected_revision, last_position
  FROM aduan_append($1, $2, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])`;

type Variant = 'insert' | 'first schema' | 'current, arrays' | 'current';

interface Lane {
  readonly variant: Variant;
  readonly client: pg.Client;
  readonly backendPid: number;
  appends: number;
}

const backendTicks = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? '15');
  const perVariant = Number(process.argv[3] ?? '4');
  const postgres = await startBenchPostgres(undefined);
  try {
    const apiUrl = await postgres.createDatabase('api');
    const app = await startBenchApp(apiUrl);
    const lifecycle = await recordLifecycle(app, apiUrl).finally(() => app.close());
    const event = lifecycle[0]!;
    const urls: Record<Variant, string> = {
      insert: await postgres.createDatabase('insert'),
      'first schema': await postgres.createDatabase('v1'),
      'current, arrays': '',
      current: await postgres.createDatabase('current'),
    };
    urls['current, arrays'] = urls.current;
    const setup = new pg.Client({ connectionString: urls['first schema'] });
    await setup.connect();
    await setup.query(EVENT_STORE_DDL_V1);
    await setup.end();
    const migrated = await PostgresEventStore.connect({ connectionString: urls.current, maxConnections: 1 });
    await migrated.close();
    const insertSetup = new pg.Client({ connectionString: urls.insert });
    await insertSetup.connect();
    await insertSetup.query(`CREATE TABLE bench_insert_ceiling (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)`);
    await insertSetup.end();

    const lanes: Lane[] = [];
    for (const variant of Object.keys(urls) as Variant[]) {
      for (let n = 0; n < perVariant; n++) {
        const client = new pg.Client({ connectionString: urls[variant] });
        await client.connect();
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        lanes.push({ variant, client, backendPid: rows[0]!.pid, appends: 0 });
      }
    }
    // The current client's call for one event, as PostgresEventStore sends it (see APPEND_ONE_SQL there).
    const currentSql = `SELECT next_expected_revision, last_position
      FROM aduan_append($1, $2, ARRAY[$3::uuid], ARRAY[$4::text], ARRAY[$5::jsonb], ARRAY[$6::jsonb])`;
    const appendOnce = (lane: Lane): Promise<unknown> => {
      const complaintId = randomUUID();
      const stamped = stampComplaint(event, complaintId);
      const stream = complaintStreamName(complaintId);
      switch (lane.variant) {
        case 'insert':
          return lane.client.query({
            name: 'insert',
            text: 'INSERT INTO bench_insert_ceiling (event_id, data, metadata) VALUES ($1, $2, $3)',
            values: [stamped.id, JSON.stringify(stamped.data), JSON.stringify(stamped.metadata)],
          });
        case 'first schema':
        case 'current, arrays':
          return lane.client.query({
            name: 'v1',
            text: V1_APPEND_SQL,
            values: [
              stream,
              'no-stream',
              [stamped.id],
              [stamped.type],
              [JSON.stringify(stamped.data)],
              [JSON.stringify(stamped.metadata)],
            ],
          });
        case 'current':
          return lane.client.query({
            name: 'current',
            text: currentSql,
            values: [
              stream,
              'no-stream',
              stamped.id,
              stamped.type,
              JSON.stringify(stamped.data),
              JSON.stringify(stamped.metadata),
            ],
          });
      }
    };
    const run = async (durationMs: number, count: boolean): Promise<void> => {
      const deadline = Date.now() + durationMs;
      await Promise.all(
        lanes.map(async (lane) => {
          while (Date.now() < deadline) {
            await appendOnce(lane);
            if (count) lane.appends += 1;
          }
        }),
      );
    };
    progress('warm-up 3 s');
    await run(3_000, false);
    const before = lanes.map((lane) => backendTicks(lane.backendPid));
    progress(`measuring ${seconds} s, ${perVariant} connections per variant`);
    await run(seconds * 1000, true);
    const after = lanes.map((lane) => backendTicks(lane.backendPid));
    const lines: string[] = [];
    for (const variant of Object.keys(urls) as Variant[]) {
      let ticks = 0;
      let appends = 0;
      lanes.forEach((lane, index) => {
        if (lane.variant !== variant) return;
        ticks += after[index]! - before[index]!;
        appends += lane.appends;
      });
      const usPerAppend = (ticks * 10_000) / appends;
      lines.push(
        `${variant.padEnd(14)} ${String(appends).padStart(7)} commits  ${(appends / seconds).toFixed(0).padStart(6)}/s  backend CPU ${usPerAppend.toFixed(0).padStart(4)} µs per commit`,
      );
    }
    for (const lane of lanes) await lane.client.end();
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `append-ab failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
