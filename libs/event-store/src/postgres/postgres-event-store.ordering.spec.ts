import { startTestPostgres, type PoolClient, type TestPostgres } from '#aduan/postgres';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import type { Checkpoint, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port.js';
import {
  eventually,
  headCheckpoint,
  readAllPages,
  rejectionOf,
  sleep,
  testEvent,
  testEvents,
  uniqueStreamName,
} from '../testing/event-store.fixtures.js';
import { decodePostgresCheckpoint } from './postgres-checkpoint.js';
import { isKeyTaken } from './postgres-errors.js';
import {
  appendWithClient,
  insertNewStreamWithClient,
  openStore,
  waitForLockWaiters,
  withClient,
  withClients,
  type OpenedStore,
} from './testing/postgres-test-support.js';

/**
 * The PostgreSQL adapter's ordering and locking under real concurrency. Tests here run one at a time:
 * a transaction a test holds open pins the server's snapshot xmin, so it holds back every reader.
 */
let postgres: TestPostgres;
let opened: OpenedStore;

beforeAll(async () => {
  postgres = await startTestPostgres();
  opened = await openStore(postgres);
}, 60_000);

afterAll(async () => {
  await opened?.teardown();
  await postgres?.stop();
});

function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  const [x, y] = [decodePostgresCheckpoint(a), decodePostgresCheckpoint(b)];
  const byTransaction = BigInt(x.transactionId) - BigInt(y.transactionId);
  const difference = byTransaction !== 0n ? byTransaction : BigInt(x.position) - BigInt(y.position);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

describe('global order', () => {
  it('never reads past an event whose transaction took a lower position but commits later', async () => {
    const { pool, store } = opened;
    const from = await headCheckpoint(store);
    const lateStream = uniqueStreamName();
    const earlyStream = uniqueStreamName();
    const streams = new Set([lateStream, earlyStream]);
    const late = testEvent('ComplaintSubmitted');
    const early = testEvent('ComplaintForwarded');
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribe(from, {
      batchSize: 1,
      onEvents: async (events) => void delivered.push(...events.filter((e) => streams.has(e.streamName))),
    });

    await withClient(pool, async (transactionA) => {
      // A takes its position first and stays open; B appends after it and commits at once.
      await transactionA.query('BEGIN');
      const a = await appendWithClient(transactionA, lateStream, 'no-stream', [late]);
      const b = await store.append(earlyStream, [early], 'no-stream');
      expect(b.position).toBeGreaterThan(a.position);

      // A naive reader ("position > last seen") sees B now, and would move its checkpoint past A.
      const naiveFrom = decodePostgresCheckpoint(from).position;
      const naive = await pool.query<{ event_id: string; position: number }>(
        'SELECT event_id, position FROM events WHERE position > $1 ORDER BY position',
        [naiveFrom],
      );
      expect(naive.rows.map((row) => row.event_id)).toEqual([early.id]);
      const naiveCheckpoint = naive.rows[0]!.position;

      // The store's reader holds back: B's transaction is younger than A, which is still running.
      const heldBack = await store.readAll(from, 10);
      expect(heldBack.events).toEqual([]);
      expect(heldBack.checkpoint).toBe(from);
      await sleep(150); // several poll intervals
      expect(delivered).toEqual([]);

      await transactionA.query('COMMIT');

      // ...so after A commits, the naive reader has skipped it for good, while the store reads both.
      const naiveAfter = await pool.query('SELECT event_id FROM events WHERE position > $1', [naiveCheckpoint]);
      expect(naiveAfter.rows).toEqual([]);
    });

    const { events } = await readAllPages(store, from, 1, streams);
    expect(events.map((event) => event.id)).toEqual([late.id, early.id]);
    await eventually(() => delivered.length >= 2, 'the subscription to deliver A and B');
    await sleep(100);
    await subscription.stop();
    expect(delivered.map((event) => event.id)).toEqual([late.id, early.id]);
  });

  it('a subscriber reading in batches of 7 sees every event of 8 concurrent writers once, streams in order', async () => {
    const { pool, store } = opened;
    const streams = Array.from({ length: 12 }, () => uniqueStreamName());
    const streamSet = new Set(streams);
    const from = await headCheckpoint(store);
    const delivered: RecordedEvent[] = [];
    const batchSizes: number[] = [];
    const subscription = store.subscribe(from, {
      batchSize: 7,
      onEvents: async (events) => {
        batchSizes.push(events.length);
        delivered.push(...events.filter((event) => streamSet.has(event.streamName)));
      },
    });

    const appended: NewEvent[] = [];
    const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
    const writer = async (index: number): Promise<void> => {
      // Two writers commit through their own slow transactions, which bypass the store's in-process
      // wake-up and commit after younger ones: the case a position-ordered reader gets wrong.
      const slow = index < 2;
      for (let append = 0; append < 100; append += 1) {
        const events = testEvents(pick([1, 1, 2, 3, 5]));
        const stream = pick(streams);
        if (slow) {
          await withClient(pool, async (client: PoolClient) => {
            await client.query('BEGIN');
            await appendWithClient(client, stream, 'any', events);
            await client.query('SELECT pg_sleep($1)', [Math.random() * 0.004]);
            await client.query('COMMIT');
          });
        } else {
          await store.append(stream, events);
        }
        appended.push(...events);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, index) => writer(index)));
    await eventually(
      () => delivered.length >= appended.length,
      `all ${appended.length} events (delivered ${delivered.length})`,
      15_000,
    );
    await sleep(100); // room for a wrongly repeated delivery to show up
    await subscription.stop();

    expect(appended.length).toBeGreaterThan(1_500);
    expect(delivered).toHaveLength(appended.length);
    expect(new Set(delivered.map((event) => event.id))).toEqual(new Set(appended.map((event) => event.id)));
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(7);
    for (const stream of streams) {
      const revisions = delivered.filter((event) => event.streamName === stream).map((event) => event.revision);
      expect(revisions).toEqual(revisions.map((_, revision) => revision));
    }
    for (let index = 1; index < delivered.length; index += 1) {
      expect(compareCheckpoints(delivered[index - 1]!.checkpoint, delivered[index]!.checkpoint)).toBe(-1);
    }
    const reread = await readAllPages(store, from, 500, streamSet);
    expect(reread.events.map((event) => event.id)).toEqual(delivered.map((event) => event.id));
  }, 30_000);
});

describe('stream lock', () => {
  it('makes an append wait for a concurrent one on the same stream, then check against its commit', async () => {
    const { pool, store } = opened;
    const stream = uniqueStreamName();
    await store.append(stream, [testEvent()]);

    await withClient(pool, async (first) => {
      await first.query('BEGIN');
      await appendWithClient(first, stream, '0', [testEvent()]);
      const second = store.append(stream, [testEvent()], 0);
      await waitForLockWaiters(pool);
      await first.query('COMMIT');

      const error = await rejectionOf(second);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamName: stream, expected: 0, actual: 1 });
    });
  });

  it('gives a queued append its transaction id only once it holds the lock, so ids follow revisions', async () => {
    const { pool } = opened;
    const stream = uniqueStreamName();
    const waitingXids = async (): Promise<(string | null)[]> => {
      const { rows } = await pool.query<{ backend_xid: string | null }>(
        `SELECT backend_xid::text FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return rows.map((row) => row.backend_xid);
    };

    await withClients(pool, 3, async (clients) => {
      const [first, second, third] = clients as [PoolClient, PoolClient, PoolClient];
      for (const client of clients) await client.query('BEGIN');
      await appendWithClient(first, stream, 'any', [testEvent()]);
      const secondAppend = appendWithClient(second, stream, 'any', [testEvent()]);
      await waitForLockWaiters(pool, 1);
      const thirdAppend = appendWithClient(third, stream, 'any', [testEvent()]);
      await waitForLockWaiters(pool, 2);

      await first.query('COMMIT');
      await secondAppend;
      // The third append now queues behind the second. Queued on a row lock instead, it would be
      // given an id here (seen on PostgreSQL 18), and a later appender overtaking it in the queue
      // would write the next revision under a larger id: readers would see revisions disordered.
      expect(await waitingXids()).toEqual([null]);
      await second.query('COMMIT');
      await thirdAppend;
      await third.query('COMMIT');
    });
    const { rows } = await pool.query<{ xid: string }>(
      'SELECT transaction_id::text AS xid FROM events WHERE stream_name = $1 ORDER BY stream_revision',
      [stream],
    );
    const xids = rows.map((row) => BigInt(row.xid));
    expect(xids).toHaveLength(3);
    expect(xids[1]).toBeGreaterThan(xids[0]!);
    expect(xids[2]).toBeGreaterThan(xids[1]!);
  });

  it('lets the waiting append through when the one holding the lock rolls back', async () => {
    const { pool, store } = opened;
    const stream = uniqueStreamName();

    await withClient(pool, async (first) => {
      await first.query('BEGIN');
      await appendWithClient(first, stream, 'no-stream', testEvents(2));
      const second = store.append(stream, [testEvent()], 'no-stream');
      await waitForLockWaiters(pool);
      await first.query('ROLLBACK');

      expect((await second).nextExpectedRevision).toBe(0);
    });
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it("serialises the creation of a new stream: the second 'no-stream' append fails once the first commits", async () => {
    const { pool, store } = opened;
    const stream = uniqueStreamName();

    await withClient(pool, async (first) => {
      await first.query('BEGIN');
      await appendWithClient(first, stream, 'no-stream', testEvents(2));
      const second = store.append(stream, [testEvent()], 'no-stream');
      await waitForLockWaiters(pool);
      await first.query('COMMIT');

      expect(await rejectionOf(second)).toMatchObject({ expected: 'no-stream', actual: 1 });
    });
  });

  it('makes a retry that races its own uncommitted original answer the original result', async () => {
    const { pool, store } = opened;
    const stream = uniqueStreamName();
    const events = testEvents(2);

    await withClient(pool, async (original) => {
      await original.query('BEGIN');
      const first = await appendWithClient(original, stream, 'no-stream', events);
      const retry = store.append(stream, events, 'no-stream');
      await waitForLockWaiters(pool);
      await original.query('COMMIT');

      expect(await retry).toEqual({ nextExpectedRevision: first.revision, position: first.position });
    });
    expect(await store.readStream(stream)).toHaveLength(2);
  });

  it('lets exactly one of ten racing appends with the same expected revision win', async () => {
    const { store } = opened;
    const stream = uniqueStreamName();
    await store.append(stream, testEvents(3));

    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => store.append(stream, testEvents(2), 2)));

    const rejected = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(rejected).toHaveLength(9);
    for (const error of rejected) expect(error).toMatchObject({ expected: 2, actual: 4 });
    expect(await store.readStream(stream)).toHaveLength(5);
  });
});

/** Transaction ids of a stream's events, in revision order. */
async function transactionIdsOf(stream: string): Promise<bigint[]> {
  const { rows } = await opened.pool.query<{ xid: string }>(
    'SELECT transaction_id::text AS xid FROM events WHERE stream_name = $1 ORDER BY stream_revision',
    [stream],
  );
  return rows.map((row) => BigInt(row.xid));
}

describe('direct appends beside the locked ones', () => {
  it("runs an 'any' append again when a direct insert created the stream after its head read", async () => {
    const { pool, store } = opened;
    for (const size of [1, 2]) {
      const from = await headCheckpoint(store);
      const stream = uniqueStreamName();
      const created = testEvents(2);
      const racing = testEvents(size);

      const result = await withClient(pool, async (creator) => {
        await creator.query('BEGIN');
        await insertNewStreamWithClient(creator, stream, created);
        // The 'any' append takes the lock, reads no stream and writes revision 0, where it waits for
        // the creator; when that commits, its write is refused and it must run again after it.
        const append = store.append(stream, racing, 'any');
        await waitForLockWaiters(pool);
        await creator.query('COMMIT');
        return append;
      });

      expect(result.nextExpectedRevision).toBe(1 + size);
      const stored = await store.readStream(stream);
      expect(stored.map((event) => event.id)).toEqual([...created, ...racing].map((event) => event.id));
      expect(stored.map((event) => event.revision)).toEqual(stored.map((_, index) => index));
      expect(result.position).toBe(stored.at(-1)!.position);
      const [creatorXid, , racingXid] = await transactionIdsOf(stream);
      expect(racingXid).toBeGreaterThan(creatorXid!);
      const { events } = await readAllPages(store, from, 1, new Set([stream]));
      expect(events.map((event) => event.id)).toEqual(stored.map((event) => event.id));
    }
  });

  it('makes an exact append wait for the stream lock and write after the holder’s commit', async () => {
    const { pool, store } = opened;
    const stream = uniqueStreamName();
    await store.append(stream, [testEvent()], 'no-stream');
    const held = testEvent();
    const next = testEvent();

    const result = await withClient(pool, async (holder) => {
      await holder.query('BEGIN');
      await appendWithClient(holder, stream, '0', [held]);
      const append = store.append(stream, [next], 1);
      await waitForLockWaiters(pool);
      await holder.query('COMMIT');
      return append;
    });

    expect(result.nextExpectedRevision).toBe(2);
    expect((await store.readStream(stream)).map((event) => event.id).slice(1)).toEqual([held.id, next.id]);
    const xids = await transactionIdsOf(stream);
    expect(xids[2]).toBeGreaterThan(xids[1]!);
  });

  it('keeps each stream in revision order in the global order while creators, exact and any appends race', async () => {
    const { pool, store } = opened;
    const streams = Array.from({ length: 16 }, () => uniqueStreamName());
    const streamSet = new Set(streams);
    const from = await headCheckpoint(store);
    const heads = new Map<string, number>();
    const appended: NewEvent[] = [];
    const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
    const learn = (stream: string, revision: number): void =>
      void heads.set(stream, Math.max(heads.get(stream) ?? -1, revision));
    const writer = async (index: number): Promise<void> => {
      for (let round = 0; round < 60; round += 1) {
        const stream = pick(streams);
        const events = testEvents(pick([1, 1, 2]));
        const known = heads.get(stream);
        const expected: ExpectedRevision =
          known === undefined ? pick(['no-stream', 'any'] as const) : pick([known, 'any']);
        try {
          if (index < 2 && expected === 'no-stream') {
            // A creator whose transaction commits late, beside appends that read the stream as absent.
            await withClient(pool, async (client) => {
              await client.query('BEGIN');
              await insertNewStreamWithClient(client, stream, events);
              await client.query('SELECT pg_sleep($1)', [Math.random() * 0.004]);
              await client.query('COMMIT');
            });
            learn(stream, events.length - 1);
          } else {
            learn(stream, (await store.append(stream, events, expected)).nextExpectedRevision);
          }
          appended.push(...events);
        } catch (error) {
          // Refusals of stale expectations are expected; the held creator meets the keys directly.
          const refused =
            (error instanceof WrongExpectedRevisionError && expected !== 'any') || (index < 2 && isKeyTaken(error));
          if (!refused) throw error;
        }
      }
    };

    await Promise.all(Array.from({ length: 8 }, (_, index) => writer(index)));

    const { events } = await readAllPages(store, from, 100, streamSet);
    expect(new Set(events.map((event) => event.id))).toEqual(new Set(appended.map((event) => event.id)));
    expect(events).toHaveLength(appended.length);
    for (const stream of streams) {
      const revisions = events.filter((event) => event.streamName === stream).map((event) => event.revision);
      expect(revisions).toEqual(revisions.map((_, revision) => revision));
    }
    for (let index = 1; index < events.length; index += 1) {
      expect(compareCheckpoints(events[index - 1]!.checkpoint, events[index]!.checkpoint)).toBe(-1);
    }
  }, 30_000);
});
