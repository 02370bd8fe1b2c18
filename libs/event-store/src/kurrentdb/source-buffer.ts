import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';

/** The part of the client's `$all` subscription that is consumed (a Node object-mode Readable). */
export type SubscriptionSource = Pick<
  AllStreamSubscription,
  'on' | 'removeListener' | 'pause' | 'resume' | 'isPaused' | 'unsubscribe'
>;

/**
 * Buffers one subscription's events for a consumer that handles them a batch at a time, and remembers how the
 * subscription ended. Pausing the source when the buffer is full pushes back through the client to the gRPC
 * call, so a slow handler slows the server down instead of filling memory.
 */
export class SourceBuffer {
  readonly #source: SubscriptionSource;
  readonly #events: AllStreamResolvedEvent[] = [];
  readonly #highWater: number;
  readonly #lowWater: number;
  #failure: { readonly error: unknown } | undefined;
  #ended = false;
  #wake: (() => void) | undefined;

  constructor(source: SubscriptionSource, batchSize: number) {
    this.#source = source;
    this.#lowWater = batchSize;
    this.#highWater = Math.max(2 * batchSize, 32);
    source.on('data', this.#onData).on('error', this.#onError).on('end', this.#onEnd).on('close', this.#onEnd);
  }

  get isEmpty(): boolean {
    return this.#events.length === 0;
  }

  /** The error the source failed with, once it did. */
  get failure(): { readonly error: unknown } | undefined {
    return this.#failure;
  }

  /** True once the source ended or closed; events received before stay in the buffer. */
  get ended(): boolean {
    return this.#ended;
  }

  /** Up to `max` events, oldest first; resumes a paused source once the buffer has room again. */
  take(max: number): AllStreamResolvedEvent[] {
    const taken = this.#events.splice(0, max);
    if (this.#source.isPaused() && this.#events.length < this.#lowWater) this.#source.resume();
    return taken;
  }

  /** Resolves when an event, a failure or the end arrives, or on interrupt(). Returns at once if one is there. */
  waitForWork(): Promise<void> {
    if (!this.isEmpty || this.#failure || this.#ended) return Promise.resolve();
    return new Promise((resolve) => (this.#wake = resolve));
  }

  interrupt(): void {
    this.#signal();
  }

  /** Stops listening; the buffered events are dropped with the buffer. */
  detach(): void {
    this.#source
      .removeListener('data', this.#onData)
      .removeListener('error', this.#onError)
      .removeListener('end', this.#onEnd)
      .removeListener('close', this.#onEnd);
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  readonly #onData = (event: AllStreamResolvedEvent): void => {
    this.#events.push(event);
    if (this.#events.length >= this.#highWater) this.#source.pause();
    this.#signal();
  };

  readonly #onError = (error: Error): void => {
    this.#failure ??= { error };
    this.#signal();
  };

  readonly #onEnd = (): void => {
    this.#ended = true;
    this.#signal();
  };
}
