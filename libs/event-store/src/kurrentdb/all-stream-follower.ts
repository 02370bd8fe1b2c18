import type { AllStreamResolvedEvent, Position } from '@kurrent/kurrentdb-client';
import type { Checkpoint, RecordedEvent, Subscription } from '../event-store.port.js';
import { DEFAULT_RETRY, type RetryPolicy } from '../subscription/polling-subscription.js';
import { Wakeup } from '../subscription/wakeup.js';
import { encodeCheckpoint, isAfter, type AllPosition } from './checkpoint.js';
import { isTransient } from './error-mapping.js';
import { eventPosition } from './event-mapping.js';
import { retryDelay } from './retry-delay.js';
import { SourceBuffer, type SubscriptionSource } from './source-buffer.js';

export interface FollowAllOptions {
  /** Opens a subscription delivering the events strictly after `from` (the client's positions are exclusive). */
  readonly open: (from: AllPosition) => SubscriptionSource;
  readonly from: AllPosition;
  readonly batchSize: number;
  readonly toRecordedEvent: (resolved: AllStreamResolvedEvent) => RecordedEvent;
  readonly onEvents: (events: readonly RecordedEvent[], checkpoint: Checkpoint) => Promise<void>;
  readonly retry?: RetryPolicy;
  /**
   * Failed attempts in a row after which the subscription gives up and `done` rejects with the last error.
   * Only a delivered batch resets the count (a server that accepts and then drops every call is not healthy).
   * The default, Infinity, suits a projector that must outlive a KurrentDB restart or a leader election.
   */
  readonly maxAttempts?: number;
  /** Told of each transient failure before the wait that precedes a resubscription, since nothing else shows it. */
  readonly onError?: (error: unknown) => void;
}

/** The server ended a subscription without an error: treated like a dropped connection. */
export class SubscriptionEndedError extends Error {
  constructor() {
    super('KurrentDB ended the $all subscription');
    this.name = 'SubscriptionEndedError';
  }
}

/** A handler rejection: it stops the subscription and is never retried (the port leaves retry to callers). */
class HandlerFailure {
  constructor(readonly cause: unknown) {}
}

/**
 * Follows `$all` from a position: catch-up then live, handing batches to `onEvents` one at a time.
 * When the connection drops (a transient error, or an unexpected end) it resubscribes from the position of
 * the last event whose batch the handler finished, after a doubling delay; events received but not handed
 * over yet are dropped and read again. The client's start position is exclusive, and any event at or before
 * the delivered position is skipped besides, so nothing is skipped or delivered twice.
 */
export function followAll(options: FollowAllOptions): Subscription {
  return new AllStreamFollower(options);
}

class AllStreamFollower implements Subscription {
  readonly done: Promise<void>;
  readonly #options: FollowAllOptions;
  readonly #retry: RetryPolicy;
  readonly #maxAttempts: number;
  readonly #stopping = new Wakeup();
  #stopped = false;
  #position: AllPosition;
  #source: SubscriptionSource | undefined;
  #buffer: SourceBuffer | undefined;

  constructor(options: FollowAllOptions) {
    if (!Number.isSafeInteger(options.batchSize) || options.batchSize < 1) {
      throw new RangeError(`Subscription batch size must be a positive integer, got ${options.batchSize}`);
    }
    this.#options = options;
    this.#retry = options.retry ?? DEFAULT_RETRY;
    this.#maxAttempts = options.maxAttempts ?? Infinity;
    this.#position = options.from;
    this.done = this.#run();
    // An unobserved failure must not crash the process; callers learn of it by awaiting `done`.
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#stopping.notify();
    this.#buffer?.interrupt();
    await this.#source?.unsubscribe().catch(() => undefined);
    await this.done.catch(() => undefined);
  }

  async #run(): Promise<void> {
    let attempt = 0;
    const healthy = (): void => {
      attempt = 0;
    };
    while (!this.#stopped) {
      const source = this.#options.open(this.#position);
      // Kept for the source's whole life: an 'error' event nobody listens to would crash the process, and a
      // cancelled or broken call can still emit one after the follower has moved on.
      source.on('error', ignore);
      this.#source = source;
      let failure: { readonly error: unknown } | undefined;
      try {
        await this.#follow(source, healthy);
      } catch (error) {
        failure = { error };
      }
      // A failed call is usually closed already; cancelling it again is harmless.
      await source.unsubscribe().catch(() => undefined);
      if (!failure) return;
      const { error } = failure;
      if (error instanceof HandlerFailure) throw error.cause;
      if (this.#stopped) return;
      if (!isTransient(error) && !(error instanceof SubscriptionEndedError)) throw error;
      attempt += 1;
      if (attempt > this.#maxAttempts) throw error;
      this.#options.onError?.(error);
      await this.#stopping.sleep(retryDelay(attempt, this.#retry));
    }
  }

  /** Delivers one source's events until stopped; rejects with the source's failure once its events are handed over. */
  async #follow(source: SubscriptionSource, healthy: () => void): Promise<void> {
    const buffer = new SourceBuffer(source, this.#options.batchSize);
    this.#buffer = buffer;
    try {
      while (!this.#stopped) {
        if (buffer.isEmpty) {
          if (buffer.failure) throw buffer.failure.error;
          if (buffer.ended) throw new SubscriptionEndedError();
          await buffer.waitForWork();
          continue;
        }
        const { events, last } = this.#newEvents(buffer.take(this.#options.batchSize));
        if (!last) continue;
        try {
          await this.#options.onEvents(events, encodeCheckpoint(last));
        } catch (error) {
          throw new HandlerFailure(error);
        }
        this.#position = last;
        healthy();
      }
    } finally {
      buffer.detach();
    }
  }

  /**
   * The events after the delivered position, with the position of the last; anything at or before it (a
   * replay) is dropped. An event without a position cannot be placed, so it stops the subscription.
   */
  #newEvents(taken: readonly AllStreamResolvedEvent[]): { events: RecordedEvent[]; last?: Position } {
    const events: RecordedEvent[] = [];
    let last: Position | undefined;
    for (const resolved of taken) {
      const at = eventPosition(resolved);
      if (!at) throw new TypeError('KurrentDB delivered an $all event without its position');
      if (!isAfter(at, last ?? this.#position)) continue;
      events.push(this.#options.toRecordedEvent(resolved));
      last = at;
    }
    return { events, last };
  }
}

function ignore(): void {}
