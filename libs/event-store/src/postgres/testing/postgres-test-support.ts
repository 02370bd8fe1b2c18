import { createPool, type Pool, type PoolClient, type TestPostgres } from '#aduan/postgres';
import type { NewEvent } from '../../event-store.port.js';
import { INSERT_NEW_STREAM_SQL } from '../postgres-append.js';
import { PostgresEventStore, type PostgresEventStoreOptions } from '../postgres-event-store.js';

export interface OpenedStore {
  readonly pool: Pool;
  readonly store: PostgresEventStore;
  teardown(): Promise<void>;
}

/** A migrated store on a fresh database of the test server, over a pool the test owns. */
export async function openStore(
  postgres: TestPostgres,
  options: PostgresEventStoreOptions = {},
  maxConnections = 20,
): Promise<OpenedStore> {
  const pool = createPool({ connectionString: await postgres.createDatabase(), max: maxConnections });
  const store = new PostgresEventStore(pool, { pollIntervalMs: 20, ...options });
  await store.migrate();
  return {
    pool,
    store,
    async teardown() {
      await store.close();
      await pool.end();
    },
  };
}

/**
 * Calls aduan_append on a client the test controls, e.g. inside a transaction it keeps open to stage
 * an interleaving the store's own append (one implicit transaction) would never leave open.
 */
export async function appendWithClient(
  client: PoolClient,
  streamName: string,
  expected: string,
  events: readonly NewEvent[],
): Promise<{ revision: number; position: bigint }> {
  const { rows } = await client.query<{ next_expected_revision: number; last_position: number }>(
    'SELECT * FROM aduan_append($1, $2, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])',
    [
      streamName,
      expected,
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => JSON.stringify(event.metadata)),
    ],
  );
  return { revision: Number(rows[0]!.next_expected_revision), position: BigInt(rows[0]!.last_position) };
}

/**
 * The store's direct 'no-stream' insert on a client the test controls, e.g. inside a transaction it
 * keeps open, to stage a stream's creation that commits while other appends run.
 */
export async function insertNewStreamWithClient(
  client: PoolClient,
  streamName: string,
  events: readonly NewEvent[],
): Promise<{ position: bigint }> {
  const { rows } = await client.query<{ last_position: number }>(INSERT_NEW_STREAM_SQL, [
    streamName,
    events.map((event) => event.id),
    events.map((event) => event.type),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => JSON.stringify(event.metadata)),
  ]);
  return { position: BigInt(rows[0]!.last_position) };
}

/** Waits until `count` sessions of this database are blocked on a lock: the interleaving is in place. */
export async function waitForLockWaiters(pool: Pool, count = 1): Promise<void> {
  let waiting = 0;
  const poll = async (): Promise<boolean> => {
    const { rows } = await pool.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    waiting = rows[0]!.waiting;
    return waiting >= count;
  };
  const deadline = Date.now() + 5_000;
  while (!(await poll())) {
    if (Date.now() > deadline) throw new Error(`Expected ${count} session(s) waiting on a lock, saw ${waiting}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Lends `work` a dedicated client, then rolls back any transaction the test left open and releases it. */
export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClients(pool, 1, ([client]) => work(client!));
}

/**
 * Lends `work` `count` dedicated clients. Cleanup rolls back in lending order: a later client may be
 * queued behind an earlier one's lock, and its own rollback can only run once that lock is gone.
 */
export async function withClients<T>(
  pool: Pool,
  count: number,
  work: (clients: PoolClient[]) => Promise<T>,
): Promise<T> {
  const clients: PoolClient[] = [];
  try {
    for (let index = 0; index < count; index += 1) clients.push(await pool.connect());
    return await work(clients);
  } finally {
    for (const client of clients) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
    }
  }
}
