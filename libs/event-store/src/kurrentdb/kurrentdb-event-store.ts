import {
  FORWARDS,
  NO_STREAM,
  WrongExpectedVersionError,
  type AppendResult as ClientAppendResult,
  type AppendStreamState,
  type EventData,
  type KurrentDBClient,
  type PrefixesFilter,
} from '@kurrent/kurrentdb-client';
import { InvalidAppendError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type {
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllResult,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.js';
import { DEFAULT_SUBSCRIPTION_BATCH_SIZE, type RetryPolicy } from '../subscription/polling-subscription.js';
import { assertBatchSize, assertFromRevision, validateAppend } from '../validation.js';
import { followAll } from './all-stream-follower.js';
import { decodeCheckpoint, isAfter } from './checkpoint.js';
import { isStreamNotFound, toWrongExpectedRevision } from './error-mapping.js';
import { toEventData, toRecordedEvent } from './event-mapping.js';
import { revisionToNumber, toStreamState } from './expected-revision.js';
import { findPriorAppend } from './prior-append.js';
import { aduanStreamFilter } from './stream-filter.js';

/** The calls the adapter makes on the official client; a KurrentDBClient is one. */
export type KurrentDbClient = Pick<
  KurrentDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

export interface KurrentDbEventStoreOptions {
  /** Stream-name prefixes of `$all` reads and subscriptions; default ADUAN_STREAM_PREFIXES. */
  readonly streamPrefixes?: readonly string[];
  /** Told about errors the store recovers from by itself (a dropped subscription), to log them. */
  readonly onError?: (error: unknown) => void;
  /** Backoff between resubscriptions after a dropped connection. */
  readonly retry?: RetryPolicy;
  /** Consecutive failed resubscriptions before a subscription gives up; default Infinity. */
  readonly maxSubscriptionAttempts?: number;
}

/**
 * How often an append with 'any' or 'stream-exists' re-reads the stream and tries again when other writers
 * keep getting in first. Each lost race means someone else's append succeeded, so this only bounds livelock.
 */
const TAIL_APPEND_ATTEMPTS = 10;

/**
 * The EventStore on KurrentDB (formerly EventStoreDB) through the official Node.js client.
 *
 * Appends never lose idempotency. KurrentDB itself answers a retried append as a no-op for an exact expected
 * revision or 'no-stream' (it checks the ids against its index), but for 'any' and 'stream-exists' only
 * against a bounded in-memory cache of recent event ids, which a restart or a busy server empties. So 'any'
 * and 'stream-exists' appends read the stream first: ids already there answer the original result, otherwise
 * the events are appended with the exact revision just read, and a lost race reads again. When the server
 * refuses an append for its expected revision, the stream is read too: if the append's ids are already there
 * as one consecutive run, the refusal was a retry of a write that landed, and its original result is answered.
 *
 * Two limits, both about ids reused by a different append rather than a retry: KurrentDB keeps no index of
 * event ids across streams, so ids already stored in another stream are not refused; and an exact expected
 * revision that holds is trusted without reading the stream, so ids stored earlier in the same stream are
 * not looked for either (the in-memory and PostgreSQL stores refuse both with InvalidAppendError).
 *
 * `$all` reads and subscriptions see only Aduan's streams (a server-side stream-name prefix filter), and a
 * subscription that loses its connection resubscribes from the last event it delivered.
 */
export class KurrentDbEventStore implements EventStore {
  readonly #client: KurrentDbClient;
  readonly #filter: PrefixesFilter;
  readonly #options: KurrentDbEventStoreOptions;
  readonly #subscriptions = new Set<Subscription>();
  #closed = false;

  /** Borrows the client: close() disposes of it, so give each store its own. */
  constructor(client: KurrentDbClient, options: KurrentDbEventStoreOptions = {}) {
    this.#client = client;
    this.#filter = aduanStreamFilter(options.streamPrefixes);
    this.#options = options;
  }

  async append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision = 'any',
  ): Promise<AppendResult> {
    this.#assertOpen();
    const valid = validateAppend(streamName, events, expected);
    const data = valid.map(toEventData);
    return expected === 'any' || expected === 'stream-exists'
      ? this.#appendAtTail(streamName, valid, data, expected)
      : this.#appendAt(streamName, valid, data, expected);
  }

  async readStream(streamName: string, fromRevision = 0): Promise<readonly RecordedEvent[]> {
    this.#assertOpen();
    assertFromRevision(fromRevision);
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.#client.readStream(streamName, {
        fromRevision: BigInt(fromRevision),
        direction: FORWARDS,
      })) {
        events.push(toRecordedEvent(resolved));
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  /**
   * The client's `fromPosition` is inclusive (a read from an event's position starts with that event), so
   * one more event than asked for is read and whatever sits at or before the checkpoint is dropped. KurrentDB
   * writes `$all` in commit order, so no event can later appear before a returned checkpoint.
   */
  async readAll(from: Checkpoint, batchSize: number): Promise<ReadAllResult> {
    this.#assertOpen();
    assertBatchSize(batchSize);
    const fromPosition = decodeCheckpoint(from);
    const events: RecordedEvent[] = [];
    for await (const resolved of this.#client.readAll({
      fromPosition,
      maxCount: batchSize + 1,
      direction: FORWARDS,
      resolveLinkTos: false,
      filter: this.#filter,
    })) {
      const position = resolved.event?.position;
      if (position && !isAfter(position, fromPosition)) continue;
      events.push(toRecordedEvent(resolved));
      if (events.length === batchSize) break;
    }
    return { events, checkpoint: events.length === 0 ? from : events[events.length - 1].checkpoint };
  }

  subscribe(from: Checkpoint, options: SubscribeOptions): Subscription {
    this.#assertOpen();
    const subscription = followAll({
      from: decodeCheckpoint(from),
      batchSize: options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH_SIZE,
      onEvents: options.onEvents,
      toRecordedEvent,
      open: (fromPosition) =>
        this.#client.subscribeToAll({ fromPosition, resolveLinkTos: false, filter: this.#filter }),
      retry: this.#options.retry,
      maxAttempts: this.#options.maxSubscriptionAttempts,
      onError: this.#options.onError,
    });
    this.#subscriptions.add(subscription);
    const forget = (): boolean => this.#subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
    await this.#client.dispose();
  }

  /** An exact revision or 'no-stream': the server checks it atomically and dedupes retries by itself. */
  async #appendAt(
    streamName: string,
    events: readonly NewEvent[],
    data: EventData[],
    expected: 'no-stream' | number,
  ): Promise<AppendResult> {
    let outcome: ClientAppendResult | undefined;
    let refusal: WrongExpectedVersionError | undefined;
    try {
      outcome = await this.#client.appendToStream(streamName, data, { streamState: toStreamState(expected) });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      refusal = error;
    }
    if (outcome?.success) return this.#toAppendResult(streamName, events.length, outcome);
    // Refused, by an error or (with `throwOnAppendFailure=false` in the connection string) as a value.
    const stored = await this.readStream(streamName);
    const prior = priorResult(streamName, events, stored);
    if (prior) return prior;
    throw refusal
      ? toWrongExpectedRevision(refusal, expected)
      : new WrongExpectedRevisionError(streamName, expected, lastRevision(stored));
  }

  /** 'any' or 'stream-exists': turned into the exact revision read just before, so retries stay no-ops. */
  async #appendAtTail(
    streamName: string,
    events: readonly NewEvent[],
    data: EventData[],
    expected: 'any' | 'stream-exists',
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt += 1) {
      const stored = await this.readStream(streamName);
      const prior = priorResult(streamName, events, stored);
      if (prior) return prior;
      const actual = lastRevision(stored);
      if (expected === 'stream-exists' && actual === null) {
        throw new WrongExpectedRevisionError(streamName, expected, null);
      }
      const streamState: AppendStreamState = actual === null ? NO_STREAM : BigInt(actual);
      try {
        const outcome = await this.#client.appendToStream(streamName, data, { streamState });
        if (outcome.success) return await this.#toAppendResult(streamName, events.length, outcome);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
      if (attempt === TAIL_APPEND_ATTEMPTS) throw new WrongExpectedRevisionError(streamName, expected, actual);
    }
  }

  /**
   * The port's result for the client's. The server reports the write's position; for a single event that
   * is the event's own. For several, or when the server left the position out (older servers do on an
   * idempotent retry), the last event is read back, so the answer is its position as the port promises.
   */
  async #toAppendResult(streamName: string, count: number, outcome: ClientAppendResult): Promise<AppendResult> {
    const nextExpectedRevision = revisionToNumber(outcome.nextExpectedRevision);
    if (count === 1 && outcome.position) return { nextExpectedRevision, position: outcome.position.commit };
    const last = await this.#readAt(streamName, outcome.nextExpectedRevision);
    if (!last)
      throw new Error(`Stream ${streamName}: revision ${nextExpectedRevision} was appended but is not readable`);
    return { nextExpectedRevision, position: last.position };
  }

  async #readAt(streamName: string, revision: bigint): Promise<RecordedEvent | undefined> {
    for await (const resolved of this.#client.readStream(streamName, {
      fromRevision: revision,
      direction: FORWARDS,
      maxCount: 1,
    })) {
      return toRecordedEvent(resolved);
    }
    return undefined;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('KurrentDbEventStore is closed');
  }
}

/**
 * What a stream's events say about an append that the server refused, or that may be a retry: its original
 * result when all its ids are there as one consecutive run, nothing when none of them is there.
 * @throws InvalidAppendError when only some are there, or elsewhere: the retry differs from the original.
 */
function priorResult(
  streamName: string,
  events: readonly NewEvent[],
  stored: readonly RecordedEvent[],
): AppendResult | undefined {
  const prior = findPriorAppend(
    stored,
    events.map((event) => event.id),
  );
  switch (prior.kind) {
    case 'appended':
      return { nextExpectedRevision: prior.last.revision, position: prior.last.position };
    case 'conflict':
      throw new InvalidAppendError(
        `Stream ${streamName}: some event ids are already stored elsewhere or at other revisions; ` +
          'a retry must repeat the original append exactly',
      );
    case 'not-appended':
      return undefined;
  }
}

function lastRevision(stored: readonly RecordedEvent[]): number | null {
  return stored.length === 0 ? null : stored[stored.length - 1].revision;
}
