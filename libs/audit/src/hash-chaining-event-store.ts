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
} from '#aduan/event-store';
import { WrongExpectedRevisionError } from '#aduan/event-store';
import { hashEvent, storedHash, withChainKeys } from './event-hash.js';

interface StreamHead {
  readonly revision: number;
  readonly hash: string | null;
}

/** How many stream heads to remember; a miss costs one read of the previous event. */
const HEAD_CACHE_SIZE = 10_000;

/** Rounds for an 'any' append racing other writers of the same stream. */
const MAX_PINNED_ATTEMPTS = 10;

/**
 * Makes every appended event carry `hash` and `previousHash` in its metadata, chaining each stream so
 * an edited or deleted event is detectable (see verify-chain.ts). Wraps any adapter.
 *
 * The previous hash comes from the head the writer last read: command handlers read a stream and then
 * append at that revision, so the head is remembered from the read and no extra round trip is needed.
 */
export class HashChainingEventStore implements EventStore {
  private readonly heads = new Map<string, StreamHead>();

  constructor(private readonly inner: EventStore) {}

  /**
   * 'any' and 'stream-exists' do not say which revision the events get, but the hash covers it: such
   * appends are pinned to the head just read, and decided again if another writer got in between.
   */
  async append(
    streamName: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision = 'any',
  ): Promise<AppendResult> {
    if (expected !== 'any' && expected !== 'stream-exists') return this.appendAt(streamName, events, expected);
    for (let attempt = 1; ; attempt++) {
      const head = await this.currentHead(streamName);
      if (head.revision < 0 && expected === 'stream-exists') return this.inner.append(streamName, events, expected);
      try {
        return await this.appendAt(streamName, events, head.revision < 0 ? 'no-stream' : head.revision, head);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_PINNED_ATTEMPTS) throw error;
      }
    }
  }

  private async appendAt(
    streamName: string,
    events: readonly NewEvent[],
    expected: number | 'no-stream',
    knownHead?: StreamHead,
  ): Promise<AppendResult> {
    const head = knownHead ?? (await this.headAt(streamName, expected));
    let previousHash = head.hash;
    const chained = events.map((event, index) => {
      const revision = head.revision + 1 + index;
      const { id, type, data, metadata } = event;
      const hash = hashEvent({ streamName, revision, id, type, data, metadata }, previousHash);
      const linked: NewEvent = { ...event, metadata: withChainKeys(metadata, previousHash, hash) };
      previousHash = hash;
      return linked;
    });
    const result = await this.inner.append(streamName, chained, expected);
    if (result.nextExpectedRevision === head.revision + chained.length) {
      this.remember(streamName, { revision: result.nextExpectedRevision, hash: previousHash });
    }
    return result;
  }

  async readStream(streamName: string, fromRevision?: number): Promise<readonly RecordedEvent[]> {
    const events = await this.inner.readStream(streamName, fromRevision);
    const last = events.at(-1);
    if (last) this.remember(streamName, { revision: last.revision, hash: storedHash(last.metadata) });
    return events;
  }

  readAll(from: Checkpoint, batchSize: number): Promise<ReadAllResult> {
    return this.inner.readAll(from, batchSize);
  }

  subscribe(from: Checkpoint, options: SubscribeOptions): Subscription {
    return this.inner.subscribe(from, options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** The head an exact expectation names; revision -1 for a stream not yet written. */
  private async headAt(streamName: string, expected: number | 'no-stream'): Promise<StreamHead> {
    if (expected === 'no-stream') return { revision: -1, hash: null };
    const cached = this.heads.get(streamName);
    if (cached?.revision === expected) return cached;
    const [previous] = await this.inner.readStream(streamName, expected);
    // A stale expectation makes the inner store refuse the append; the head used here then never matters.
    return { revision: expected, hash: previous ? storedHash(previous.metadata) : null };
  }

  private async currentHead(streamName: string): Promise<StreamHead> {
    const last = (await this.inner.readStream(streamName)).at(-1);
    return last ? { revision: last.revision, hash: storedHash(last.metadata) } : { revision: -1, hash: null };
  }

  private remember(streamName: string, head: StreamHead): void {
    this.heads.delete(streamName);
    this.heads.set(streamName, head);
    if (this.heads.size > HEAD_CACHE_SIZE) {
      const oldest = this.heads.keys().next().value;
      if (oldest !== undefined) this.heads.delete(oldest);
    }
  }
}
