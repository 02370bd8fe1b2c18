import { evolve, initialState, toComplaintEvent, type ComplaintState } from '#aduan/complaints';
import { PostgresEventStore, START, type Checkpoint } from '#aduan/event-store';
import { createReadModelProjector } from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';
import { countOf, withClient } from '../database/sql.js';
import type { CpuMeter, CpuPerOperation } from '../support/cpu-meter.js';
import { now } from '../support/latency.js';
import { progress } from '../support/progress.js';
import { WriteFloor } from './write-floor.js';

/** One pass over the whole store. */
export interface PassFigures {
  readonly events: number;
  readonly elapsedMs: number;
  readonly perSecond: number;
  /** CPU per event of this process (the reader or projector) and of PostgreSQL. */
  readonly cpu: CpuPerOperation;
}

export interface ReadRebuildFigures {
  /** count(*) of the events table: every pass must have seen exactly this many. */
  readonly storedEvents: number;
  readonly batchSize: number;
  /** The baseline: keyset pages straight from the table, rows as pg hands them over. */
  readonly rawScan: PassFigures;
  /** EventStore.readAll through the port: the gap-free read and the mapping to RecordedEvent. */
  readonly readAll: PassFigures;
  /** Projector.rebuild of every read model, as `npm run cli -- rebuild-projections` runs it. */
  readonly rebuild: PassFigures;
  /**
   * The floor under any rebuild on the domain's own `evolve`: every event read through the port in
   * the rebuild's batches, decoded, and folded once onto its complaint's state in memory, with
   * nothing written. A rebuild cannot be faster than reading and folding.
   */
  readonly foldFloor: PassFigures;
  /**
   * The floor under any rebuild of these read models: PostgreSQL alone parsing the rows the rebuild
   * made from their text form into empty tables with the same indexes (see WriteFloor), with no event
   * read, no fold, no client round trip. A rebuild cannot be faster than its writes.
   */
  readonly writeFloor: PassFigures;
  /** Streams in the store; each is one complaint. */
  readonly storedStreams: number;
  /** complaint_summary rows after the rebuild: one per stream, or something was skipped. */
  readonly projectedComplaints: number;
}

const BATCH_SIZE = 1_000;

/** The same columns and order as the port's read, without its snapshot bound or mapping. */
const RAW_SCAN_SQL = /* sql */ `
  SELECT transaction_id::text AS transaction_xid, position, stream_name, stream_revision,
         event_id, event_type, data, metadata, recorded_at
    FROM events
   WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
   ORDER BY transaction_id, position
   LIMIT $3`;

/**
 * Section 6: reading everything in global order, raw and through the port, then rebuilding the
 * read models from it. Each pass runs `rounds` times, alternating, and the best is kept: on a
 * shared machine the best pass is the one least disturbed by others.
 */
export async function measureReadAndRebuild(url: string, meter: CpuMeter, rounds: number): Promise<ReadRebuildFigures> {
  const storedEvents = await countOf(url, 'SELECT count(*) AS count FROM events');
  const raw: PassFigures[] = [];
  const port: PassFigures[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    progress(`read: raw keyset scan of ${storedEvents} events (round ${round}/${rounds})`);
    raw.push(await timed(meter, () => rawScan(url)));
    progress(`read: readAll through the port (round ${round}/${rounds})`);
    port.push(await timed(meter, () => readAllThroughPort(url)));
  }
  const rebuilds: PassFigures[] = [];
  let tables: readonly string[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    progress(`rebuild: all read models from ${storedEvents} events (round ${round}/${rounds})`);
    rebuilds.push(
      await timed(meter, async () => {
        const result = await rebuild(url);
        tables = result.tables;
        return result.events;
      }),
    );
  }
  const folds: PassFigures[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    progress(`rebuild: fold floor, reading and folding every event once (round ${round}/${rounds})`);
    folds.push(await timed(meter, () => foldEverything(url)));
  }
  progress(`rebuild: write floor, writing ${tables.join(', ')} again from their rows' text`);
  const writeFloor = await withClient(url, async (client) => {
    const floor = await WriteFloor.prepare(client, tables);
    try {
      return await timed(meter, async () => {
        await floor.write();
        return storedEvents;
      });
    } finally {
      await floor.drop();
    }
  });
  return {
    storedEvents,
    batchSize: BATCH_SIZE,
    rawScan: best(raw),
    readAll: best(port),
    rebuild: best(rebuilds),
    foldFloor: best(folds),
    writeFloor,
    storedStreams: await countOf(url, 'SELECT count(DISTINCT stream_name) AS count FROM events'),
    projectedComplaints: await countOf(url, 'SELECT count(*) AS count FROM complaint_summary'),
  };
}

/** One timed rebuild of every read model, e.g. to bring them up to a larger store before section 7. */
export function measureRebuild(url: string, meter: CpuMeter): Promise<PassFigures> {
  return timed(meter, async () => (await rebuild(url)).events);
}

const best = (passes: readonly PassFigures[]): PassFigures =>
  passes.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));

/** Times one pass (which answers how many events it saw) in wall-clock and CPU. */
async function timed(meter: CpuMeter, run: () => Promise<number>): Promise<PassFigures> {
  const before = meter.sample();
  const started = now();
  const events = await run();
  const elapsedMs = now() - started;
  return { events, elapsedMs, perSecond: (events / elapsedMs) * 1000, cpu: meter.perOperation(before, events) };
}

function rawScan(url: string): Promise<number> {
  return withClient(url, async (client) => {
    let events = 0;
    let after: [string, number] = ['0', 0];
    for (;;) {
      const { rows } = await client.query<{ transaction_xid: string; position: number }>({
        name: 'bench_raw_scan',
        text: RAW_SCAN_SQL,
        values: [...after, BATCH_SIZE],
      });
      events += rows.length;
      if (rows.length < BATCH_SIZE) return events;
      const last = rows[rows.length - 1]!;
      after = [last.transaction_xid, Number(last.position)];
    }
  });
}

async function readAllThroughPort(url: string): Promise<number> {
  const pool = createPool({ connectionString: url, max: 1 });
  const store = new PostgresEventStore(pool);
  try {
    let events = 0;
    let checkpoint: Checkpoint = START;
    for (;;) {
      const batch = await store.readAll(checkpoint, BATCH_SIZE);
      events += batch.events.length;
      checkpoint = batch.checkpoint;
      if (batch.events.length < BATCH_SIZE) return events;
    }
  } finally {
    await store.close();
    await pool.end();
  }
}

/** Events per read of the fold floor: the projector's catch-up batch. */
const CATCH_UP_BATCH = 2_000;

/** Reads every event through the port and folds it onto its complaint in memory; answers the events read. */
async function foldEverything(url: string): Promise<number> {
  const pool = createPool({ connectionString: url, max: 1 });
  const store = new PostgresEventStore(pool);
  const states = new Map<string, ComplaintState>();
  try {
    let events = 0;
    let checkpoint: Checkpoint = START;
    for (;;) {
      const batch = await store.readAll(checkpoint, CATCH_UP_BATCH);
      for (const recorded of batch.events) {
        const event = toComplaintEvent({
          type: recorded.type,
          schemaVersion: recorded.metadata.schemaVersion ?? 1,
          data: recorded.data,
        });
        if (!event) continue;
        const id = event.data.complaintId;
        states.set(id, evolve(states.get(id) ?? initialState(), event));
      }
      events += batch.events.length;
      checkpoint = batch.checkpoint;
      if (batch.events.length < CATCH_UP_BATCH) return events;
    }
  } finally {
    await store.close();
    await pool.end();
  }
}

async function rebuild(url: string): Promise<{ events: number; tables: readonly string[] }> {
  const pool = createPool({ connectionString: url, max: 4 });
  const store = new PostgresEventStore(pool);
  const projector = createReadModelProjector(store, pool, { log: () => undefined, error: progress });
  try {
    return { events: await projector.rebuild(), tables: projector.tables };
  } finally {
    await store.close();
    await pool.end();
  }
}
