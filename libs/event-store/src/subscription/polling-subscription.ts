import type { Checkpoint, ReadAllResult, SubscribeOptions, Subscription } from '../event-store.port.js';
import { Wakeup } from './wakeup.js';

/** Backoff between retries of a failed read: doubles from `initialDelayMs` up to `maxDelayMs`. */
export interface RetryPolicy {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 100, maxDelayMs: 5_000 };
export const DEFAULT_SUBSCRIPTION_BATCH_SIZE = 100;

export interface PollingSubscriptionOptions extends SubscribeOptions {
  readonly from: Checkpoint;
  /** The adapter's gap-free read: the subscription is only as safe as this. */
  readonly readAll: (from: Checkpoint, batchSize: number) => Promise<ReadAllResult>;
  /** Sleep when caught up; bounds the delay for events appended by other processes. */
  readonly pollIntervalMs: number;
  /** Registers a callback run after each local append commits; answers its unregistration. */
  readonly onAppended: (wake: () => void) => () => void;
  /** A read failure worth retrying (connection lost…); any other failure stops the subscription. */
  readonly isTransient: (error: unknown) => boolean;
  /** Told about each transient failure before the retry, since nothing else would surface it. */
  readonly onError?: (error: unknown) => void;
  readonly retry?: RetryPolicy;
}

/**
 * Follows the global order by reading it in batches: catch-up and live mode are the same loop, so
 * there is no hand-over between them where an event could slip through. Adapters without native
 * push (PostgreSQL, in-memory) share it.
 */
export function startPollingSubscription(options: PollingSubscriptionOptions): Subscription {
  const batchSize = options.batchSize ?? DEFAULT_SUBSCRIPTION_BATCH_SIZE;
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`Subscription batch size must be a positive integer, got ${batchSize}`);
  }
  const retry = options.retry ?? DEFAULT_RETRY;
  const newEvents = new Wakeup();
  const stopping = new Wakeup();
  let stopped = false;
  const unregister = options.onAppended(() => newEvents.notify());

  const run = async (): Promise<void> => {
    let checkpoint = options.from;
    let failures = 0;
    while (!stopped) {
      newEvents.clear();
      let batch: ReadAllResult;
      try {
        batch = await options.readAll(checkpoint, batchSize);
        failures = 0;
      } catch (error) {
        if (stopped) return;
        if (!options.isTransient(error)) throw error;
        failures += 1;
        options.onError?.(error);
        await stopping.sleep(backoff(retry, failures));
        continue;
      }
      if (stopped) return;
      if (batch.events.length === 0) {
        await newEvents.sleep(options.pollIntervalMs);
        continue;
      }
      await options.onEvents(batch.events, batch.checkpoint);
      checkpoint = batch.checkpoint;
    }
  };

  const done = run().finally(() => {
    stopped = true;
    unregister();
  });
  // An unobserved failure must not crash the process; callers learn of it by awaiting `done`.
  done.catch(() => undefined);

  return {
    done,
    async stop() {
      stopped = true;
      newEvents.notify();
      stopping.notify();
      await done.catch(() => undefined);
    },
  };
}

function backoff(retry: RetryPolicy, failures: number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** Math.min(failures - 1, 30));
  // Jitter keeps many subscribers that lost the same server from retrying in lock-step.
  return ceiling / 2 + (Math.random() * ceiling) / 2;
}
