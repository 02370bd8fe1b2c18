import { assertBatchSize, assertFromRevision, validateAppend } from '../validation.js';
import { InvalidAppendError, InvalidCheckpointError, WrongExpectedRevisionError } from '../event-store.errors.js';
import {
  START,
  type AppendResult,
  type Checkpoint,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllResult,
  type RecordedEvent,
  type SubscribeOptions,
  type Subscription,
} from '../event-store.port.js';
import { AppendListeners } from '../subscription/append-listeners.js';
import { startPollingSubscription } from '../subscription/polling-subscription.js';

/**
 * The EventStore in a process's memory, for fast domain and application tests. It keeps the
 * production semantics (expected revisions, idempotent retries, JSON round trip of data and
 * metadata) so a test that passes here does not lie about PostgreSQL. Checkpoint = the number of
 * events before the resume point, as a decimal string.
 */
export class InMemoryEventStore implements EventStore {
  readonly #log: RecordedEvent[] = [];
  readonly #streams = new Map<string, RecordedEvent[]>();
  readonly #byId = new Map<string, RecordedEvent>();
  readonly #appended = new AppendListeners();
  readonly #subscriptions = new Set<Subscription>();

  async append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision = 'any',
  ): Promise<AppendResult> {
    const valid = validateAppend(streamName, events, expected);
    // No await below: JavaScript runs this to the end before any other append, which makes the
    // check-then-write atomic just as the stream row lock does in PostgreSQL.
    const stream = this.#streams.get(streamName) ?? [];
    const retried = this.#findRetried(streamName, valid);
    if (retried) return retried;
    const actual = stream.length === 0 ? null : stream.length - 1;
    if (!holds(expected, actual)) throw new WrongExpectedRevisionError(streamName, expected, actual);

    const recordedAt = new Date();
    for (const event of valid) {
      const index = this.#log.length;
      const recorded: RecordedEvent = {
        id: event.id,
        type: event.type,
        data: jsonCopy(event.data),
        metadata: jsonCopy(event.metadata) as EventMetadata,
        streamName,
        revision: stream.length,
        position: BigInt(index + 1),
        checkpoint: String(index + 1) as Checkpoint,
        recordedAt,
      };
      this.#log.push(recorded);
      stream.push(recorded);
      this.#byId.set(recorded.id, recorded);
    }
    this.#streams.set(streamName, stream);
    this.#appended.notify();
    const last = stream[stream.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  async readStream(streamName: string, fromRevision = 0): Promise<readonly RecordedEvent[]> {
    assertFromRevision(fromRevision);
    return (this.#streams.get(streamName) ?? []).slice(fromRevision).map(copyOut);
  }

  async readAll(from: Checkpoint, batchSize: number): Promise<ReadAllResult> {
    assertBatchSize(batchSize);
    const start = parseCheckpoint(from);
    const events = this.#log.slice(start, start + batchSize).map(copyOut);
    return { events, checkpoint: events.length === 0 ? from : events[events.length - 1]!.checkpoint };
  }

  subscribe(from: Checkpoint, options: SubscribeOptions): Subscription {
    parseCheckpoint(from);
    const subscription = startPollingSubscription({
      ...options,
      from,
      readAll: (checkpoint, batchSize) => this.readAll(checkpoint, batchSize),
      // Every append wakes subscribers, so polling is only a safety net.
      pollIntervalMs: 1_000,
      onAppended: (wake) => this.#appended.add(wake),
      isTransient: () => false,
    });
    this.#subscriptions.add(subscription);
    subscription.done.then(
      () => this.#subscriptions.delete(subscription),
      () => this.#subscriptions.delete(subscription),
    );
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
  }

  /** The original result when every id is already in this stream at consecutive revisions. */
  #findRetried(streamName: string, events: readonly NewEvent[]): AppendResult | undefined {
    const stored = events.map((event) => this.#byId.get(event.id));
    if (stored.every((event) => event === undefined)) return undefined;
    const first = stored[0];
    const isSameAppend =
      first !== undefined &&
      stored.every((event, index) => event?.streamName === streamName && event.revision === first.revision + index);
    if (!isSameAppend) {
      throw new InvalidAppendError(
        `Stream ${streamName}: some event ids are already stored elsewhere or at other revisions; ` +
          'a retry must repeat the original append exactly',
      );
    }
    const last = stored[stored.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }
}

function holds(expected: ExpectedRevision, actual: number | null): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return actual === null;
    case 'stream-exists':
      return actual !== null;
    default:
      return actual === expected;
  }
}

function parseCheckpoint(checkpoint: Checkpoint): number {
  if (checkpoint === START) return 0;
  if (!/^(0|[1-9]\d{0,15})$/.test(checkpoint)) throw new InvalidCheckpointError(checkpoint);
  return Number(checkpoint);
}

/** Same shape PostgreSQL's jsonb would give back: no undefined, Dates as strings, no shared references. */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Readers get their own copies, so mutating a read event cannot rewrite history. */
function copyOut(event: RecordedEvent): RecordedEvent {
  return {
    ...event,
    data: structuredClone(event.data),
    metadata: structuredClone(event.metadata),
    recordedAt: new Date(event.recordedAt),
  };
}
