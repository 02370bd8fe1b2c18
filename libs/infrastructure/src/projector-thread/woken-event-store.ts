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

/** "Events were appended" signals from outside this thread; answers the unregistration. */
export type AppendSignals = (wake: () => void) => () => void;

const DEFAULT_BATCH_SIZE = 100;

/**
 * An event store whose subscriptions poll the inner store's gap-free `readAll` and are woken by
 * signals from another thread. A PostgreSQL store wakes its own subscriptions on its own appends,
 * but the API's appends happen in the API's thread, on another store object: without the signals,
 * a projector in a worker thread would see each of them only at its next poll.
 *
 * A failed read ends the subscription (`done` rejects): the projector, which owns retries, releases
 * its lock, waits and starts again from its checkpoint.
 */
export class WokenEventStore implements EventStore {
  readonly #subscriptions = new Set<Subscription>();

  constructor(
    private readonly inner: EventStore,
    private readonly signals: AppendSignals,
    private readonly pollIntervalMs = 50,
  ) {}

  append(streamName: string, events: readonly NewEvent[], expected?: ExpectedRevision): Promise<AppendResult> {
    return this.inner.append(streamName, events, expected);
  }

  readStream(streamName: string, fromRevision?: number): Promise<readonly RecordedEvent[]> {
    return this.inner.readStream(streamName, fromRevision);
  }

  readAll(from: Checkpoint, batchSize: number): Promise<ReadAllResult> {
    return this.inner.readAll(from, batchSize);
  }

  subscribe(from: Checkpoint, options: SubscribeOptions): Subscription {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    let stopped = false;
    let signalled = false;
    let wake: (() => void) | null = null;
    const notify = (): void => {
      signalled = true;
      wake?.();
    };
    const unregister = this.signals(notify);
    // A signal that arrives between "nothing new" and the sleep is kept, so it is never lost.
    const sleep = (): Promise<void> =>
      signalled
        ? Promise.resolve()
        : new Promise((resolve) => {
            const timer = setTimeout(done, this.pollIntervalMs);
            function done(): void {
              clearTimeout(timer);
              wake = null;
              resolve();
            }
            wake = done;
          });
    const run = async (): Promise<void> => {
      let checkpoint = from;
      while (!stopped) {
        signalled = false;
        const batch = await this.inner.readAll(checkpoint, batchSize);
        if (stopped) return;
        if (batch.events.length === 0) {
          await sleep();
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
    done.catch(() => undefined); // observed by whoever awaits `done`
    const subscription: Subscription = {
      done,
      async stop() {
        stopped = true;
        wake?.();
        await done.catch(() => undefined);
      },
    };
    this.#subscriptions.add(subscription);
    const forget = (): void => void this.#subscriptions.delete(subscription);
    done.then(forget, forget);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#subscriptions].map((subscription) => subscription.stop()));
    await this.inner.close();
  }
}
