import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  ANY,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type EventData,
  type Filter,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import { convertGrpcEvent } from '@kurrent/kurrentdb-client/dist/utils/convertGrpcEvent.js';
import { convertRustEvent } from '@kurrent/kurrentdb-client/dist/utils/convertRustEvent.js';
import { Subscription as ClientSubscription } from '@kurrent/kurrentdb-client/dist/streams/utils/Subscription.js';
import { StreamIdentifier, UUID } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb.js';
import { ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb.js';
import type { KurrentDbClient } from '../kurrentdb-event-store.js';

/** An event as the simulated server stores it: bytes, as the client sent them. */
interface StoredRecord {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly isJson: boolean;
  readonly revision: bigint;
  readonly created: number;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  readonly position: Position;
}

/** A gRPC server-streaming call as the client's Subscription consumes it. */
type FakeCall = PassThrough & { cancel(): void };

/**
 * A KurrentDB node in memory, behind the client's own result shapes, for testing the adapter where no server
 * runs. Append semantics follow KurrentDB's IndexWriter.CheckCommit: an exact revision or no_stream is
 * checked against the stream and a retry is recognised by reading the ids at the following revisions; any and
 * stream_exists recognise a retry only through a cache of recent event ids, which forgetRecentIds() empties
 * like a restart does. Reads come out of the client's converters (the Rust bridge's for stream and $all
 * reads; the gRPC one, inside the client's real Subscription class, for subscriptions). `$all` holds a system
 * event, so a read without a stream filter shows. This is a model of the server, not the server.
 */
export class SimulatedKurrentDb {
  readonly #log: StoredRecord[] = [];
  readonly #streams = new Map<string, StoredRecord[]>();
  readonly #recentIds = new Map<string, StoredRecord>();
  readonly #calls = new Set<{ call: FakeCall; after: Position | typeof START; filter?: Filter }>();
  #nextPosition = 1_000n;
  #lostResponses = 0;
  #disposed = false;
  /** Answer a refused append as `{ success: false }`, as a client with `throwOnAppendFailure=false` does. */
  refuseAsValue = false;
  /** Appends the server applied (retries answered from the stored events excluded). */
  writes = 0;
  /** The position each subscribeToAll call started after. */
  readonly subscribedFrom: (Position | typeof START)[] = [];

  constructor() {
    this.#store('$settings', [
      { id: randomUUID(), contentType: 'application/json', type: '$settings', data: {}, metadata: undefined },
    ]);
  }

  /** The client surface the adapter uses, bound to this node. */
  get client(): KurrentDbClient {
    return {
      appendToStream: this.appendToStream.bind(this),
      readStream: this.readStream.bind(this),
      readAll: this.readAll.bind(this),
      subscribeToAll: this.subscribeToAll.bind(this),
      dispose: this.dispose.bind(this),
    } as unknown as KurrentDbClient;
  }

  /** The next `count` appends are applied but answered with a dropped connection: the client cannot know. */
  loseNextResponses(count: number): void {
    this.#lostResponses = count;
  }

  /** Empties the recent-id cache, as a restart or a busy server does. */
  forgetRecentIds(): void {
    this.#recentIds.clear();
  }

  /**
   * Breaks every open subscription with a gRPC status: by default UNAVAILABLE, as a lost connection does
   * (the client turns it into UnavailableError); UNAUTHENTICATED (16) becomes AccessDeniedError.
   */
  dropSubscriptions(code = 14): void {
    for (const entry of [...this.#calls]) {
      this.#calls.delete(entry);
      entry.call.emit('error', grpcError(code, code === 14 ? 'Connection dropped' : 'Refused'));
    }
  }

  /** Ends every open subscription without an error, as a server closing the call would. */
  endSubscriptions(): void {
    for (const entry of [...this.#calls]) {
      this.#calls.delete(entry);
      entry.call.end();
    }
  }

  get openSubscriptions(): number {
    return this.#calls.size;
  }

  async appendToStream(
    streamName: string,
    events: EventData | EventData[],
    { streamState = ANY }: { streamState?: bigint | typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS } = {},
  ): Promise<AppendResult> {
    this.#assertOpen();
    await Promise.resolve();
    const list = Array.isArray(events) ? events : [events];
    const stream = this.#streams.get(streamName) ?? [];
    const current = stream.length - 1;
    const refusal = new WrongExpectedVersionError(undefined, {
      streamName,
      expected: streamState,
      current: current < 0 ? NO_STREAM : BigInt(current),
    });
    const refuse = (): never => {
      throw refusal;
    };
    try {
      return this.#append(streamName, list, streamState, stream, refuse);
    } catch (error) {
      // The client's batchAppend reports the current revision as BigInt(true) here: a value not to trust.
      if (error === refusal && this.refuseAsValue) return { success: false, nextExpectedRevision: 1n };
      throw error;
    }
  }

  #append(
    streamName: string,
    list: EventData[],
    streamState: bigint | typeof ANY | typeof NO_STREAM | typeof STREAM_EXISTS,
    stream: readonly StoredRecord[],
    refuse: () => never,
  ): AppendResult {
    const current = stream.length - 1;
    if (streamState === STREAM_EXISTS && current < 0) refuse();

    let retried: StoredRecord | undefined;
    if (streamState === ANY || streamState === STREAM_EXISTS) {
      const cached = list.map((event) => this.#recentIds.get(event.id.toLowerCase()));
      if (cached[0]?.streamId === streamName) {
        if (cached.some((record) => record?.streamId !== streamName)) refuse();
        retried = cached[cached.length - 1];
      }
    } else {
      const expected = streamState === NO_STREAM ? -1 : Number(streamState);
      if (expected > current) refuse();
      if (expected < current) {
        const matches = list.map((event, i) => stream[expected + 1 + i]?.id === event.id.toLowerCase());
        if (!matches.every(Boolean)) refuse();
        retried = stream[expected + list.length];
      }
    }
    // An idempotent answer: the revision of the retried events, and (as older servers do) no position.
    if (retried) return { success: true, nextExpectedRevision: retried.revision, position: undefined };

    const stored = this.#store(streamName, list);
    this.writes += 1;
    if (this.#lostResponses > 0) {
      this.#lostResponses -= 1;
      throw Object.assign(new Error('14 UNAVAILABLE: Connection dropped'), grpcError(14, 'Connection dropped'));
    }
    // The write's position: the first record's, which is the last event's only for a single event.
    return { success: true, nextExpectedRevision: stored[stored.length - 1]!.revision, position: stored[0]!.position };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterableIterator<ResolvedEvent> {
    const { fromRevision = START, direction = FORWARDS, maxCount = Number.MAX_SAFE_INTEGER } = options;
    if (direction !== FORWARDS || (typeof fromRevision !== 'bigint' && fromRevision !== START)) {
      throw new Error('The simulator reads streams forwards only');
    }
    const from = fromRevision === START ? 0 : Number(fromRevision);
    const records = this.#streams.get(streamName);
    const assertOpen = (): void => this.#assertOpen();
    return (async function* () {
      assertOpen();
      await Promise.resolve();
      if (!records) throw new StreamNotFoundError(undefined, streamName);
      for (const record of records.slice(from, from + Number(maxCount))) yield toBridgeEvent(record);
    })();
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    const { fromPosition = START, direction = FORWARDS, maxCount = Number.MAX_SAFE_INTEGER, filter } = options;
    if (direction !== FORWARDS || fromPosition === 'end') throw new Error('The simulator reads $all forwards only');
    const log = this.#log;
    const assertOpen = (): void => this.#assertOpen();
    return (async function* () {
      assertOpen();
      await Promise.resolve();
      // Inclusive: a read from an event's position starts with that event.
      const matching = log.filter(
        (record) => (fromPosition === START || compare(record.position, fromPosition) >= 0) && passes(filter, record),
      );
      for (const record of matching.slice(0, Number(maxCount))) yield toBridgeEvent(record) as AllStreamResolvedEvent;
    })();
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllStreamSubscription {
    this.#assertOpen();
    const { fromPosition = START, filter } = options;
    if (fromPosition === 'end') throw new Error('The simulator subscribes from a position or START only');
    this.subscribedFrom.push(fromPosition);
    const call = Object.assign(new PassThrough({ objectMode: true }), {
      cancel: () => {
        this.#calls.delete(entry);
        call.emit('error', grpcError(1, 'Cancelled on client'));
        call.end();
      },
    });
    const entry = { call, after: fromPosition, filter };
    const confirmation = new ReadResp();
    confirmation.setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId('simulated'));
    call.write(confirmation);
    // Exclusive: a subscription from an event's position starts with the next event.
    for (const record of this.#log) {
      if ((fromPosition === START || compare(record.position, fromPosition) > 0) && passes(filter, record)) {
        call.write(toReadResp(record));
      }
    }
    this.#calls.add(entry);
    const subscription = new ClientSubscription(async () => call as never, convertGrpcEvent, {});
    return subscription as unknown as AllStreamSubscription;
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    for (const { call } of [...this.#calls]) call.cancel();
  }

  #store(streamName: string, events: readonly EventData[]): StoredRecord[] {
    const stream = this.#streams.get(streamName) ?? [];
    const stored = events.map((event) => {
      const position = { commit: this.#nextPosition, prepare: this.#nextPosition };
      this.#nextPosition += 137n;
      const record: StoredRecord = {
        streamId: streamName,
        id: event.id.toLowerCase(),
        type: event.type,
        isJson: event.contentType === 'application/json',
        revision: BigInt(stream.length),
        created: Date.now(),
        data: encode(event.data),
        metadata: encode(event.metadata),
        position,
      };
      stream.push(record);
      this.#log.push(record);
      this.#recentIds.set(record.id, record);
      return record;
    });
    this.#streams.set(streamName, stream);
    for (const { call, filter } of this.#calls) {
      for (const record of stored) if (passes(filter, record)) call.write(toReadResp(record));
    }
    return stored;
  }

  #assertOpen(): void {
    if (this.#disposed) throw new Error('The client was disposed');
  }
}

function encode(value: unknown): Uint8Array {
  if (value === undefined) return new Uint8Array();
  if (value instanceof Uint8Array) return value;
  return new Uint8Array(Buffer.from(JSON.stringify(value), 'utf8'));
}

function compare(a: Position, b: Position): number {
  return a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1;
}

function passes(filter: Filter | undefined, record: StoredRecord): boolean {
  if (!filter) return true;
  if (filter.filterOn !== 'streamName' || !('prefixes' in filter)) throw new Error('Only stream prefix filters');
  return filter.prefixes.some((prefix) => record.streamId.startsWith(prefix));
}

function grpcError(code: number, details: string): Error & { code: number; details: string } {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: { getMap: () => ({}) } });
}

function toBridgeEvent(record: StoredRecord): ResolvedEvent {
  return convertRustEvent({ event: { ...record }, commitPosition: record.position.commit });
}

function toReadResp(record: StoredRecord): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(new UUID().setString(record.id));
  recorded.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.streamId, 'utf8')));
  recorded.setStreamRevision(record.revision.toString());
  recorded.setCommitPosition(record.position.commit.toString());
  recorded.setPreparePosition(record.position.prepare.toString());
  recorded.getMetadataMap().set('type', record.type);
  recorded.getMetadataMap().set('content-type', record.isJson ? 'application/json' : 'application/octet-stream');
  recorded.getMetadataMap().set('created', (BigInt(record.created) * 10_000n).toString());
  recorded.setData(record.data);
  recorded.setCustomMetadata(record.metadata);
  const readEvent = new ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  readEvent.setCommitPosition(record.position.commit.toString());
  const response = new ReadResp();
  response.setEvent(readEvent);
  return response;
}
