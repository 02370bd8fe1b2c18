/** What an appender expects of a stream before its write; checked atomically with the write. */
export type ExpectedRevision =
  | 'any'
  | 'no-stream'
  | 'stream-exists'
  /** The 0-based revision of the stream's last event. */
  | number;

/** Who caused an event, as recorded in its metadata. */
export interface Actor {
  readonly id: string;
  readonly role: string;
  readonly agencyCode?: string | null;
}

/** Metadata stored beside every event's data. */
export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** ISO-8601 instant at which the event happened (the decision's clock, not the commit time). */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  /** Adapters keep unknown keys (e.g. a later hash chain) as they are. */
  readonly [extra: string]: unknown;
}

/** An event on its way into the store. */
export interface NewEvent {
  /** A UUID chosen by the writer: appending the same id again is a no-op. */
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: EventMetadata;
}

/** An event as read back from the store. */
export interface RecordedEvent extends NewEvent {
  readonly streamName: string;
  /** 0-based index of the event within its stream. */
  readonly revision: number;
  /** Place in the store's global order, for display and tie-breaking; readers resume from `checkpoint`. */
  readonly position: bigint;
  /** Opaque resume point: reading all events after it starts with the next event in global order. */
  readonly checkpoint: Checkpoint;
  /** When the store recorded the event. */
  readonly recordedAt: Date;
}

/** An opaque, serialisable place in the global order. Only the adapter that made it interprets it. */
export type Checkpoint = string & { readonly __brand: 'Checkpoint' };

/** The place before the first event: reading from here reads everything. */
export const START: Checkpoint = '' as Checkpoint;

export interface AppendResult {
  /** Revision of the stream's last event after the append. */
  readonly nextExpectedRevision: number;
  /** Global position of the append's last event. */
  readonly position: bigint;
}

export interface ReadAllResult {
  readonly events: readonly RecordedEvent[];
  /** Where the next read should continue; equals the input when nothing new was read. */
  readonly checkpoint: Checkpoint;
}

export interface Subscription {
  /** Stops following; resolves once no handler call is running. */
  stop(): Promise<void>;
  /** Resolves when the subscription stops by itself, rejects with the error that stopped it. */
  readonly done: Promise<void>;
}

export interface SubscribeOptions {
  readonly batchSize?: number;
  /**
   * Called with each batch of events in global order; the next batch is not read until the returned
   * promise resolves. A rejection stops the subscription (`done` rejects): callers own retry policy.
   */
  readonly onEvents: (events: readonly RecordedEvent[], checkpoint: Checkpoint) => Promise<void>;
}

/**
 * The event store port. Every adapter passes the shared contract suite (libs/event-store/src/testing).
 */
export interface EventStore {
  /**
   * Appends events to a stream in one atomic write.
   * @throws WrongExpectedRevisionError when `expected` does not hold.
   * Appending events whose ids are already stored in that stream at the same revisions is a no-op
   * that answers the original result.
   */
  append(streamName: string, events: readonly NewEvent[], expected?: ExpectedRevision): Promise<AppendResult>;

  /** Events of one stream in revision order, from a 0-based revision. An unknown stream reads as empty. */
  readStream(streamName: string, fromRevision?: number): Promise<readonly RecordedEvent[]>;

  /**
   * Up to `batchSize` events after `from`, in global order. Never skips an event: an event that is not
   * yet safe to read (an earlier transaction still in flight) is held back until it is.
   */
  readAll(from: Checkpoint, batchSize: number): Promise<ReadAllResult>;

  /** Catches up from `from` and then follows new events until stopped. */
  subscribe(from: Checkpoint, options: SubscribeOptions): Subscription;

  /** Releases connections. */
  close(): Promise<void>;
}

/** Injection token for the configured EventStore. */
export const EVENT_STORE = Symbol('EventStore');
