import { createPool, type Pool } from '#aduan/postgres';
import type {
  AppendResult,
  Checkpoint,
  EventMetadata,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { AppendListeners } from '../subscription/append-listeners.js';
import { DEFAULT_RETRY, startPollingSubscription, type RetryPolicy } from '../subscription/polling-subscription.js';
import { assertBatchSize, assertFromRevision, validateAppend } from '../validation.js';
import { decodePostgresCheckpoint, encodePostgresCheckpoint } from './postgres-checkpoint.js';
import { appendToPostgres } from './postgres-append.js';
import { isTransientPostgresError } from './postgres-errors.js';
import { migrateEventStore } from './postgres-event-store.schema.js';

/** Tuning of a PostgresEventStore; every field has a default suited to one API process. */
export interface PostgresEventStoreOptions {
  /**
   * How long a caught-up subscription sleeps before looking again. Appends through this instance wake
   * it at once; the poll is what picks up other processes' appends. Default 50 ms.
   */
  readonly pollIntervalMs?: number;
  /** Told about errors the store recovers from by itself (a subscription's failed poll), to log them. */
  readonly onError?: (error: unknown) => void;
  /** Backoff of a subscription's retries after a transient read failure. */
  readonly retry?: RetryPolicy;
}

/** For a store that creates, and so owns, its own pool. */
export interface ConnectPostgresEventStoreOptions extends PostgresEventStoreOptions {
  readonly connectionString: string;
  /** Pool size; default 10. */
  readonly maxConnections?: number;
  readonly applicationName?: string;
}

// The text alias must not be named transaction_id: ORDER BY would pick the output column and sort
// transaction ids as text ("10" < "9").
const COLUMNS = /* sql */ `
  transaction_id::text AS transaction_xid, position, stream_name, stream_revision,
  event_id, event_type, data, metadata, recorded_at`;

/**
 * The gap-free read. Positions are taken at insert but become visible at commit, so "position > last
 * seen" skips an event whose transaction commits after a later one. Instead, order by the writing
 * transaction's id and read only transactions older than the oldest one still running (the
 * snapshot's xmin): those are all finished, and every future writer gets a larger id, so nothing
 * can appear behind the returned checkpoint. The row comparison lets the (transaction_id, position)
 * index serve both bounds and the order.
 */
export const READ_ALL_SQL = /* sql */ `
  SELECT ${COLUMNS}
    FROM events
   WHERE (transaction_id, position) > ($1::xid8, $2::bigint)
     AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
   ORDER BY events.transaction_id, events.position
   LIMIT $3`;

/** Unlike readAll, the latest committed state: the stream lock already orders one stream's writes. */
const READ_STREAM_SQL = /* sql */ `
  SELECT ${COLUMNS}
    FROM events
   WHERE stream_name = $1 AND stream_revision >= $2
   ORDER BY stream_revision`;

/** int8 arrives as number or string depending on the pool's type parsers; both convert. */
interface EventRow {
  readonly transaction_xid: string;
  readonly position: number | string;
  readonly stream_name: string;
  readonly stream_revision: number | string;
  readonly event_id: string;
  readonly event_type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
  readonly recorded_at: Date;
}

/**
 * The EventStore on PostgreSQL (the default adapter, also embedded). Call migrate() once before use,
 * or use connect(), which does.
 *
 * Pool ownership follows creation: a store built with `new` borrows the caller's pool and close()
 * leaves it open (the caller may share it with read models); a store made by connect() created its
 * pool and ends it on close().
 *
 * Operational caveat of the gap-free read: readAll and subscriptions deliver nothing newer than the
 * oldest transaction still running on the whole server (any database, any table, including
 * prepared transactions). Keep transactions short; an idle-in-transaction session holds every
 * subscriber until it ends.
 */
export class PostgresEventStore implements EventStore {
  readonly #pool: Pool;
  readonly #pollIntervalMs: number;
  readonly #onError: ((error: unknown) => void) | undefined;
  readonly #retry: RetryPolicy;
  readonly #appended = new AppendListeners();
  readonly #subscriptions = new Set<Subscription>();
  #ownsPool = false;
  #closed = false;

  constructor(pool: Pool, options: PostgresEventStoreOptions = {}) {
    this.#pool = pool;
    this.#pollIntervalMs = options.pollIntervalMs ?? 50;
    this.#onError = options.onError;
    this.#retry = options.retry ?? DEFAULT_RETRY;
  }

  /** Creates a pool, migrates the schema, and answers a store that owns (and on close ends) the pool. */
  static async connect(options: ConnectPostgresEventStoreOptions): Promise<PostgresEventStore> {
    const pool = createPool({
      connectionString: options.connectionString,
      max: options.maxConnections,
      applicationName: options.applicationName,
      onError: options.onError,
    });
    try {
      await migrateEventStore(pool);
    } catch (error) {
      await pool.end();
      throw error;
    }
    const store = new PostgresEventStore(pool, options);
    store.#ownsPool = true;
    return store;
  }

  /** Creates or updates the tables and the append function; idempotent and safe to run concurrently. */
  async migrate(): Promise<void> {
    this.#assertOpen();
    return migrateEventStore(this.#pool);
  }

  async append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision = 'any',
  ): Promise<AppendResult> {
    this.#assertOpen();
    const valid = validateAppend(streamName, events, expected);
    const result = await appendToPostgres(this.#pool, streamName, valid, expected);
    // The statement has returned, so the transaction is committed: local subscribers can read it now.
    this.#appended.notify();
    return result;
  }

  async readStream(streamName: string, fromRevision = 0): Promise<readonly RecordedEvent[]> {
    this.#assertOpen();
    assertFromRevision(fromRevision);
    const { rows } = await this.#pool.query<EventRow>({
      name: 'aduan_event_store_read_stream',
      text: READ_STREAM_SQL,
      values: [streamName, fromRevision],
    });
    return rows.map(toRecordedEvent);
  }

  async readAll(from: Checkpoint, batchSize: number): Promise<ReadAllResult> {
    this.#assertOpen();
    assertBatchSize(batchSize);
    const after = decodePostgresCheckpoint(from);
    const { rows } = await this.#pool.query<EventRow>({
      name: 'aduan_event_store_read_all',
      text: READ_ALL_SQL,
      values: [after.transactionId, after.position, batchSize],
    });
    const events = rows.map(toRecordedEvent);
    return { events, checkpoint: events.length === 0 ? from : events[events.length - 1]!.checkpoint };
  }

  subscribe(from: Checkpoint, options: SubscribeOptions): Subscription {
    this.#assertOpen();
    decodePostgresCheckpoint(from);
    const subscription = startPollingSubscription({
      ...options,
      from,
      readAll: (checkpoint, batchSize) => this.readAll(checkpoint, batchSize),
      pollIntervalMs: this.#pollIntervalMs,
      onAppended: (wake) => this.#appended.add(wake),
      isTransient: isTransientPostgresError,
      onError: this.#onError,
      retry: this.#retry,
    });
    this.#subscriptions.add(subscription);
    const forget = (): void => void this.#subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  /** Stops the subscriptions (waiting for running handlers), then ends the pool if this store created it. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
    if (this.#ownsPool) await this.#pool.end();
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('PostgresEventStore is closed');
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    streamName: row.stream_name,
    revision: Number(row.stream_revision),
    position: BigInt(row.position),
    checkpoint: encodePostgresCheckpoint(row.transaction_xid, row.position),
    recordedAt: row.recorded_at,
  };
}
