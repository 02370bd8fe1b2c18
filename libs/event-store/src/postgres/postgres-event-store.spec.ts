import { createPool, freePort, startTestPostgres, type TestPostgres } from '#aduan/postgres';
import { InvalidCheckpointError } from '../event-store.errors.js';
import { START, type Checkpoint, type RecordedEvent } from '../event-store.port.js';
import { describeEventStoreContract } from '../testing/event-store.contract.js';
import {
  eventually,
  headCheckpoint,
  rejectionOf,
  testEvent,
  testEvents,
  uniqueStreamName,
} from '../testing/event-store.fixtures.js';
import { READ_ALL_SQL, PostgresEventStore } from './postgres-event-store.js';
import { migrateEventStore } from './postgres-event-store.schema.js';
import {
  appendWithClient,
  openStore,
  waitForLockWaiters,
  withClient,
  type OpenedStore,
} from './testing/postgres-test-support.js';

let postgres: TestPostgres;

beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

describeEventStoreContract('PostgresEventStore', () => openStore(postgres));

describe('PostgresEventStore specifics', () => {
  let opened: OpenedStore;

  beforeAll(async () => {
    opened = await openStore(postgres);
  });

  afterAll(async () => {
    await opened?.teardown();
  });

  it('migrates idempotently, also when several processes migrate at once', async () => {
    const pool = createPool({ connectionString: await postgres.createDatabase(), max: 4 });
    try {
      await Promise.all([1, 2, 3, 4].map(() => migrateEventStore(pool)));
      await migrateEventStore(pool);

      const store = new PostgresEventStore(pool);
      await store.append(uniqueStreamName(), [testEvent()], 'no-stream');
      expect(await headCheckpoint(store)).not.toBe(START);
    } finally {
      await pool.end();
    }
  });

  it('encodes checkpoints as "<transaction id>:<position>" and refuses foreign ones', async () => {
    const { store } = opened;
    const from = await headCheckpoint(store);
    await store.append(uniqueStreamName(), [testEvent()]);

    const { events } = await store.readAll(from, 1);

    expect(events[0]!.checkpoint).toMatch(/^\d+:\d+$/);
    expect(events[0]!.checkpoint.endsWith(`:${events[0]!.position}`)).toBe(true);
    for (const foreign of ['42', 'abc', '1:2:3', '-1:5']) {
      expect(await rejectionOf(store.readAll(foreign as Checkpoint, 10))).toBeInstanceOf(InvalidCheckpointError);
    }
  });

  it('lets the (transaction_id, position) primary key serve readAll’s bounds and order', async () => {
    const plan = await withClient(opened.pool, async (client) => {
      await client.query('BEGIN');
      // Small test tables favour a sequential scan; forbid it to learn whether the index *can* serve.
      await client.query('SET LOCAL enable_seqscan = off');
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${READ_ALL_SQL}`, ['0', '0', 10]);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });

    expect(plan).toContain('Index Scan using events_pkey');
    expect(plan).toMatch(/Index Cond: .*ROW\(transaction_id, "?position"?\) >/);
    expect(plan).not.toContain('Sort');
  });

  it('runs an append as one statement (one round trip, one transaction), two when a direct write is refused', async () => {
    const { pool, store } = opened;
    const submitted: string[] = [];
    const query = pool.query;
    // node-pg sends a statement's parse, bind and execute in one write, so a query is a round trip.
    pool.query = ((config: string | { text: string }, ...rest: unknown[]) => {
      submitted.push(typeof config === 'string' ? config : config.text);
      return (query as (...args: unknown[]) => unknown).call(pool, config, ...rest);
    }) as typeof pool.query;
    const statementsOf = async (append: () => Promise<unknown>): Promise<string[]> => {
      submitted.length = 0;
      await append().catch(() => undefined);
      return [...submitted];
    };
    const stream = uniqueStreamName();
    try {
      const created = await statementsOf(() => store.append(stream, testEvents(3), 'no-stream'));
      const createdOne = await statementsOf(() => store.append(uniqueStreamName(), [testEvent()], 'no-stream'));
      const atRevision = await statementsOf(() => store.append(stream, [testEvent()], 2));
      const atRevisionMany = await statementsOf(() => store.append(stream, testEvents(2), 3));
      const anyRevision = await statementsOf(() => store.append(stream, [testEvent()], 'any'));
      const refusedNew = await statementsOf(() => store.append(stream, [testEvent()], 'no-stream'));
      const refusedAt = await statementsOf(() => store.append(stream, [testEvent()], 1));

      expect(created).toEqual([expect.stringContaining('INSERT INTO events')]);
      expect(createdOne).toEqual([expect.stringContaining('INSERT INTO events')]);
      expect(atRevision).toEqual([expect.stringContaining('aduan_append_after(')]);
      expect(atRevisionMany).toEqual([expect.stringContaining('aduan_append_after(')]);
      expect(anyRevision).toEqual([expect.stringContaining('aduan_append(')]);
      expect(refusedNew).toEqual([
        expect.stringContaining('INSERT INTO events'),
        expect.stringContaining('aduan_append('),
      ]);
      expect(refusedAt).toEqual([
        expect.stringContaining('aduan_append_after('),
        expect.stringContaining('aduan_append('),
      ]);
    } finally {
      pool.query = query;
    }
    expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('aduan_append_after writes none of the events in a transaction that already wrote; aduan_append refuses there', async () => {
    const { store } = opened;
    const stream = uniqueStreamName();
    await store.append(stream, [testEvent()], 'no-stream');

    const { answer, error } = await withClient(opened.pool, async (client) => {
      await client.query('BEGIN');
      await client.query('CREATE TEMPORARY TABLE scratch (id int)');
      await client.query('INSERT INTO scratch VALUES (1)');
      const events = testEvents(2);
      const several = await client.query<{ answered: number }>(
        'SELECT count(*)::int AS answered FROM aduan_append_after($1, 0, $2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[])',
        [
          stream,
          events.map((event) => event.id),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata)),
        ],
      );
      const one = testEvent();
      const single = await client.query<{ answered: number }>(
        'SELECT count(*)::int AS answered FROM aduan_append_after($1, 0, $2::uuid, $3::text, $4::jsonb, $5::jsonb)',
        [stream, one.id, one.type, JSON.stringify(one.data), JSON.stringify(one.metadata)],
      );
      const written = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM events WHERE stream_name = $1',
        [stream],
      );
      const refusal = await rejectionOf(appendWithClient(client, stream, '0', [testEvent()]));
      return {
        answer: { several: several.rows[0]!.answered, single: single.rows[0]!.answered, written: written.rows[0]!.n },
        error: refusal,
      };
    });

    expect(answer).toEqual({ several: 0, single: 0, written: 1 });
    expect(error).toMatchObject({ code: '25000' });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('refuses to append inside a transaction that already wrote, whose id could break the order', async () => {
    const error = await withClient(opened.pool, async (client) => {
      await client.query('BEGIN');
      await client.query('CREATE TEMPORARY TABLE scratch (id int)');
      await client.query('INSERT INTO scratch VALUES (1)');
      return rejectionOf(appendWithClient(client, uniqueStreamName(), 'any', [testEvent()]));
    });

    expect(error).toMatchObject({ code: '25000', message: expect.stringMatching(/first write/) });
  });

  it('passes errors from PostgreSQL through unchanged (connection refused)', async () => {
    const pool = createPool({ connectionString: `postgres://postgres:none@127.0.0.1:${await freePort()}/postgres` });
    const store = new PostgresEventStore(pool);
    try {
      const appendError = await rejectionOf(store.append(uniqueStreamName(), [testEvent()]));
      const readError = await rejectionOf(store.readAll(START, 10));

      expect(appendError).toMatchObject({ code: 'ECONNREFUSED' });
      expect(readError).toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await store.close();
      await pool.end();
    }
  });

  it('close() leaves a borrowed pool open and refuses further use of the store', async () => {
    const pool = createPool({ connectionString: await postgres.createDatabase(), max: 2 });
    try {
      const store = new PostgresEventStore(pool);
      await store.migrate();

      await store.close();

      expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0]!.one).toBe(1);
      expect(await rejectionOf(store.append(uniqueStreamName(), [testEvent()]))).toMatchObject({
        message: expect.stringMatching(/closed/),
      });
    } finally {
      await pool.end();
    }
  });

  it('close() ends the pool of a store made by connect()', async () => {
    const applicationName = `aduan-owned-${process.pid}`;
    const store = await PostgresEventStore.connect({
      connectionString: await postgres.createDatabase(),
      applicationName,
    });
    await store.append(uniqueStreamName(), [testEvent()]);
    const sessions = async (): Promise<number> => {
      const { rows } = await opened.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
        [applicationName],
      );
      return rows[0]!.n;
    };
    expect(await sessions()).toBeGreaterThan(0);

    await store.close();

    const deadline = Date.now() + 5_000;
    while ((await sessions()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await sessions()).toBe(0);
  });

  it('a subscription retries when its connection is killed mid-read and reports the error', async () => {
    const errors: unknown[] = [];
    const { pool, store, teardown } = await openStore(postgres, {
      onError: (error) => errors.push(error),
      retry: { initialDelayMs: 10, maxDelayMs: 50 },
    });
    try {
      const stream = uniqueStreamName();
      await store.append(stream, [testEvent()]);
      const delivered: RecordedEvent[] = [];
      const subscription = store.subscribe(START, { onEvents: async (events) => void delivered.push(...events) });
      await eventually(() => delivered.length === 1, 'the first event');

      await withClient(pool, async (locker) => {
        // Park the subscription's next read behind a table lock, then kill the session that runs it.
        await locker.query('BEGIN');
        await locker.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE');
        await waitForLockWaiters(pool);
        await locker.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        await eventually(() => errors.length > 0, 'the failed read to be reported');
        await locker.query('COMMIT');
      });
      await store.append(stream, [testEvent()]);
      await eventually(() => delivered.length === 2, 'delivery to resume');
      await subscription.stop();

      expect(errors[0]).toMatchObject({ code: '57P01' });
      expect(delivered.map((event) => event.revision)).toEqual([0, 1]);
      await expect(subscription.done).resolves.toBeUndefined();
    } finally {
      await teardown();
    }
  });
});
