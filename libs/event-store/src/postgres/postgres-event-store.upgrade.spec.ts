import { createPool, startTestPostgres, type Pool, type TestPostgres } from '#aduan/postgres';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { START, type RecordedEvent } from '../event-store.port.js';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import { readAllPages, rejectionOf, testEvent, testEvents, uniqueStreamName } from '../testing/event-store.fixtures.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { migrateEventStore } from './postgres-event-store.schema.js';
import { EVENT_STORE_DDL_V1 } from './testing/event-store-ddl-v1.js';
import { appendWithClient } from './testing/postgres-test-support.js';

let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

/** A database holding the first release's schema, written to by that release's own function. */
async function storeMadeByTheFirstSchema(): Promise<{ pool: Pool; streams: string[] }> {
  const pool = createPool({ connectionString: await postgres.createDatabase(), max: 4 });
  await pool.query(EVENT_STORE_DDL_V1);
  const streams = [uniqueStreamName(), uniqueStreamName(), uniqueStreamName()];
  const client = await pool.connect();
  try {
    // Interleaved single and multi-event appends, so the global order is not the streams' order.
    for (let round = 0; round < 3; round += 1) {
      for (const [index, stream] of streams.entries()) {
        const events = index === 1 ? testEvents(2) : [testEvent()];
        await appendWithClient(client, stream, round === 0 ? 'no-stream' : 'any', events);
      }
    }
  } finally {
    client.release();
  }
  return { pool, streams };
}

const shapeOf = (event: RecordedEvent) => ({
  id: event.id,
  streamName: event.streamName,
  revision: event.revision,
  position: event.position,
  checkpoint: event.checkpoint,
  type: event.type,
  data: event.data,
  metadata: event.metadata,
});

async function schemaFacts(pool: Pool): Promise<{ primaryKey: string; indexes: string[]; streamsTable: boolean }> {
  const { rows } = await pool.query<{ primary_key: string; indexes: string[]; streams_table: boolean }>(`
    SELECT (SELECT pg_get_constraintdef(oid) FROM pg_constraint
             WHERE conrelid = 'events'::regclass AND contype = 'p') AS primary_key,
           ARRAY(SELECT indexrelid::regclass::text FROM pg_index
                  WHERE indrelid = 'events'::regclass ORDER BY 1) AS indexes,
           to_regclass('streams') IS NOT NULL AS streams_table`);
  const row = rows[0]!;
  return { primaryKey: row.primary_key, indexes: row.indexes, streamsTable: row.streams_table };
}

describe('migrate() on a store created by the first schema', () => {
  it('upgrades it in place: same events, same global order, same revisions, the new keys', async () => {
    const { pool, streams } = await storeMadeByTheFirstSchema();
    try {
      const old = new PostgresEventStore(pool);
      const ours = new Set(streams);
      const before = await readAllPages(old, START, 4, ours);
      const streamsBefore = await Promise.all(streams.map((stream) => old.readStream(stream)));
      expect(before.events).toHaveLength(12);
      expect((await schemaFacts(pool)).streamsTable).toBe(true);

      await Promise.all([1, 2].map(() => migrateEventStore(pool)));
      await migrateEventStore(pool);

      const store = new PostgresEventStore(pool);
      expect((await readAllPages(store, START, 4, ours)).events.map(shapeOf)).toEqual(before.events.map(shapeOf));
      const streamsAfter = await Promise.all(streams.map((stream) => store.readStream(stream)));
      expect(streamsAfter.map((events) => events.map(shapeOf))).toEqual(
        streamsBefore.map((events) => events.map(shapeOf)),
      );
      expect(await schemaFacts(pool)).toEqual({
        primaryKey: 'PRIMARY KEY (transaction_id, "position")',
        indexes: ['events_event_id_key', 'events_pkey', 'events_stream_revision_key'],
        streamsTable: false,
      });
    } finally {
      await pool.end();
    }
  });

  it('keeps the heads of old streams: exact expectations, idempotent retries, reads after a checkpoint', async () => {
    const { pool, streams } = await storeMadeByTheFirstSchema();
    try {
      await migrateEventStore(pool);
      const store = new PostgresEventStore(pool);
      const [single, double] = [streams[0]!, streams[1]!];
      const [lastOfSingle] = (await store.readStream(single)).slice(-1);
      const checkpoint = (await readAllPages(store, START, 100, new Set(streams))).checkpoint;

      const stale = await rejectionOf(store.append(single, [testEvent()], 1));
      expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
      expect(stale).toMatchObject({ actual: 2 });
      expect(await rejectionOf(store.append(double, [testEvent()], 'no-stream'))).toMatchObject({ actual: 5 });

      const { id, type, data, metadata } = lastOfSingle!;
      const retried = await store.append(single, [{ id, type, data, metadata }], 1);
      expect(retried).toEqual({ nextExpectedRevision: 2, position: lastOfSingle!.position });

      const next = [testEvent(), testEvent()];
      expect((await store.append(double, next, 5)).nextExpectedRevision).toBe(7);
      const after = await readAllPages(store, checkpoint, 1, new Set(streams));
      expect(after.events.map((event) => [event.id, event.streamName, event.revision])).toEqual([
        [next[0]!.id, double, 6],
        [next[1]!.id, double, 7],
      ]);
    } finally {
      await pool.end();
    }
  });
});

describeEventStoreContract('PostgresEventStore upgraded from the first schema', async () => {
  const { pool } = await storeMadeByTheFirstSchema();
  const store = new PostgresEventStore(pool, { pollIntervalMs: 20 });
  await store.migrate();
  return {
    store,
    async teardown() {
      await store.close();
      await pool.end();
    },
  };
});

describe('migrate() beside tables that are not the event store’s', () => {
  it('leaves a table named streams alone unless it is the first schema’s head table', async () => {
    const pool = createPool({ connectionString: await postgres.createDatabase(), max: 2 });
    try {
      await pool.query('CREATE TABLE streams (id serial PRIMARY KEY, title text)');
      await pool.query(`INSERT INTO streams (title) VALUES ('someone else''s row')`);
      await migrateEventStore(pool);
      const { rows } = await pool.query<{ title: string }>('SELECT title FROM streams');
      expect(rows).toEqual([{ title: "someone else's row" }]);
    } finally {
      await pool.end();
    }
  });
});
