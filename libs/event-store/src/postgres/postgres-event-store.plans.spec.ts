import pg from 'pg';
import { startTestPostgres, type TestPostgres } from '#aduan/postgres';
import { testEvent, testEvents, uniqueStreamName } from '../testing/event-store.fixtures.js';
import { openStore } from './testing/postgres-test-support.js';

/**
 * Costs that must not grow with the store. PostgreSQL caches a plan per connection from the
 * statistics of the moment; on a young store those favour sequential scans, and a cached one then
 * reads the whole events table on every append until autovacuum happens to analyze it.
 */
describe('appends on a young store', () => {
  let postgres: TestPostgres;

  beforeAll(async () => {
    postgres = await startTestPostgres();
  }, 60_000);
  afterAll(() => postgres?.stop());

  it('find the stream head and known ids through indexes, never by scanning events', async () => {
    const { pool, store, teardown } = await openStore(postgres, {}, 2);
    const url = String(pool.options.connectionString);
    for (let append = 0; append < 100; append += 1) {
      const stream = uniqueStreamName();
      await store.append(stream, [testEvent()], 'no-stream');
      await store.append(stream, testEvents(2), 0);
      await store.append(stream, [testEvent()], 2);
      await store.append(stream, [testEvent()], 'any');
      await store.append(stream, [testEvent()], 'no-stream').catch(() => undefined); // refused: the checked route
      await store.append(uniqueStreamName(), testEvents(2), 'no-stream');
    }
    await teardown(); // the sessions end, which flushes their statistics

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ seq_tup_read: string }>(
        `SELECT seq_tup_read FROM pg_stat_user_tables WHERE relname = 'events'`,
      );
      expect(Number(rows[0]!.seq_tup_read)).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('keep to the indexes when the statistics were taken on a store of a few events', async () => {
    const { pool, store, teardown } = await openStore(postgres, {}, 1);
    const url = String(pool.options.connectionString);
    const stream = uniqueStreamName();
    await store.append(stream, [testEvent()], 'no-stream');
    // Analyzed at one event, the table is one page, and a cached generic plan of the head probe would
    // be a sequential scan kept as the store grows.
    await pool.query('ANALYZE events');
    const { rows: before } = await pool.query<{ seq_tup_read: string }>(
      `SELECT seq_tup_read FROM pg_stat_user_tables WHERE relname = 'events'`,
    );
    for (let revision = 0; revision < 200; revision += 1) await store.append(stream, [testEvent()], revision);
    await teardown();

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ seq_tup_read: string }>(
        `SELECT seq_tup_read FROM pg_stat_user_tables WHERE relname = 'events'`,
      );
      expect(Number(rows[0]!.seq_tup_read)).toBe(Number(before[0]!.seq_tup_read));
    } finally {
      await client.end();
    }
  });
});
