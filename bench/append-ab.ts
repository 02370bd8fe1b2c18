import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { complaintStreamName } from '#aduan/complaints';
import { PostgresEventStore } from '#aduan/event-store';
import {
  APPEND_AFTER_ONE_SQL,
  APPEND_ONE_SQL,
  INSERT_NEW_STREAM_ONE_SQL,
} from '../libs/event-store/src/postgres/postgres-append.js';
import { EVENT_STORE_DDL_V1 } from '../libs/event-store/src/postgres/testing/event-store-ddl-v1.js';
import { startBenchApp } from './app/bench-app.js';
import { recordLifecycle } from './app/sample-lifecycle.js';
import { stampComplaint } from './app/stamp-complaint.js';
import { startBenchPostgres } from './database/bench-postgres.js';
import { progress } from './support/progress.js';

/**
 * `node dist/bench/append-ab.js [seconds] [connections per variant]`: PostgreSQL's CPU per one-event
 * append, each statement as the client sends it, measured side by side on one server at the same
 * time: a plain INSERT commit (ceiling B); the first schema's function; the current schema's checked
 * route (aduan_append) and the route PostgresEventStore takes, both for a new stream ('no-stream')
 * and for an existing one at its head (an exact revision). Each variant has a database of its own
 * and its connections run concurrently with the others', so all see the same load from the rest of
 * the machine; the CPU of each backend process is read from /proc, which charges a variant only its
 * own work (the shared WAL writer and checkpointer are left out, for all alike). A diagnostic for
 * changes of the write path, not a target.
 */
const V1_APPEND_SQL = `SELECT next_expected_revision, last_position
  FROM aduan_append($1, $2, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])`;

const VARIANTS = [
  'insert',
  'first schema',
  'aduan_append, new stream',
  'store, new stream',
  'aduan_append, at head',
  'store, at head',
] as const;
type Variant = (typeof VARIANTS)[number];

/** Streams each connection of an "at head" variant extends in turn. */
const STREAMS_PER_CONNECTION = 50;

interface Lane {
  readonly variant: Variant;
  readonly client: pg.Client;
  readonly backendPid: number;
  readonly streams: { complaintId: string; head: number }[];
  next: number;
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
    const [submitted, forwarded] = [lifecycle[0]!, lifecycle[1]!];
    const urls = {} as Record<Variant, string>;
    for (const [index, variant] of VARIANTS.entries()) {
      urls[variant] = await postgres.createDatabase(`variant${index}`);
      const setup = new pg.Client({ connectionString: urls[variant] });
      await setup.connect();
      if (variant === 'insert') {
        await setup.query(`CREATE TABLE bench_insert_ceiling (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          event_id uuid NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL)`);
      } else if (variant === 'first schema') {
        await setup.query(EVENT_STORE_DDL_V1);
      }
      await setup.end();
      if (variant !== 'insert' && variant !== 'first schema') {
        const migrated = await PostgresEventStore.connect({ connectionString: urls[variant], maxConnections: 1 });
        await migrated.close();
      }
    }

    const lanes: Lane[] = [];
    for (const variant of VARIANTS) {
      for (let n = 0; n < perVariant; n++) {
        const client = new pg.Client({ connectionString: urls[variant] });
        await client.connect();
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        const streams: Lane['streams'] = [];
        if (variant.endsWith('at head')) {
          for (let created = 0; created < STREAMS_PER_CONNECTION; created++) {
            const complaintId = randomUUID();
            const event = stampComplaint(submitted, complaintId);
            await client.query(APPEND_ONE_SQL, [
              complaintStreamName(complaintId),
              'no-stream',
              event.id,
              event.type,
              JSON.stringify(event.data),
              JSON.stringify(event.metadata),
            ]);
            streams.push({ complaintId, head: 0 });
          }
        }
        lanes.push({ variant, client, backendPid: rows[0]!.pid, streams, next: 0, appends: 0 });
      }
    }
    const appendOnce = async (lane: Lane): Promise<void> => {
      if (lane.variant.endsWith('at head')) {
        const stream = lane.streams[lane.next++ % lane.streams.length]!;
        const event = stampComplaint(forwarded, stream.complaintId);
        const values = [
          complaintStreamName(stream.complaintId),
          lane.variant === 'store, at head' ? stream.head : String(stream.head),
          event.id,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        ];
        const { rows } = await lane.client.query<{ last_position: string | number | null }>(
          lane.variant === 'store, at head'
            ? { name: 'after', text: APPEND_AFTER_ONE_SQL, values }
            : { name: 'checked', text: APPEND_ONE_SQL, values },
        );
        if (rows.length === 0 || rows[0]!.last_position === null) throw new Error(`${lane.variant}: nothing written`);
        stream.head += 1;
        return;
      }
      const complaintId = randomUUID();
      const event = stampComplaint(submitted, complaintId);
      const stream = complaintStreamName(complaintId);
      const [data, metadata] = [JSON.stringify(event.data), JSON.stringify(event.metadata)];
      switch (lane.variant) {
        case 'insert':
          await lane.client.query({
            name: 'insert',
            text: 'INSERT INTO bench_insert_ceiling (event_id, data, metadata) VALUES ($1, $2, $3)',
            values: [event.id, data, metadata],
          });
          return;
        case 'first schema':
          await lane.client.query({
            name: 'v1',
            text: V1_APPEND_SQL,
            values: [stream, 'no-stream', [event.id], [event.type], [data], [metadata]],
          });
          return;
        case 'aduan_append, new stream':
          await lane.client.query({
            name: 'checked',
            text: APPEND_ONE_SQL,
            values: [stream, 'no-stream', event.id, event.type, data, metadata],
          });
          return;
        case 'store, new stream':
          await lane.client.query({
            name: 'direct',
            text: INSERT_NEW_STREAM_ONE_SQL,
            values: [stream, event.id, event.type, data, metadata],
          });
          return;
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
    for (const variant of VARIANTS) {
      let ticks = 0;
      let appends = 0;
      lanes.forEach((lane, index) => {
        if (lane.variant !== variant) return;
        ticks += after[index]! - before[index]!;
        appends += lane.appends;
      });
      const usPerAppend = (ticks * 10_000) / appends;
      lines.push(
        `${variant.padEnd(24)} ${String(appends).padStart(7)} commits  ${(appends / seconds).toFixed(0).padStart(6)}/s  backend CPU ${usPerAppend.toFixed(0).padStart(4)} µs per commit`,
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
