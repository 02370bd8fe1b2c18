import type { Checkpoint, ReadAllResult, RecordedEvent } from '../event-store.port.js';
import { eventually, rejectionOf, sleep } from '../testing/event-store.fixtures.js';
import { AppendListeners } from './append-listeners.js';
import { startPollingSubscription, type PollingSubscriptionOptions } from './polling-subscription.js';

/** A log whose checkpoints are indexes; reads can be made to fail on demand. */
function fakeLog() {
  const events: RecordedEvent[] = [];
  const failures: unknown[] = [];
  let reads = 0;
  const appended = new AppendListeners();
  return {
    get reads() {
      return reads;
    },
    append(count: number) {
      for (let index = 0; index < count; index += 1) {
        const position = events.length + 1;
        events.push({
          id: `event-${position}`,
          type: 'Noted',
          data: {},
          metadata: {} as RecordedEvent['metadata'],
          streamName: 's',
          revision: position - 1,
          position: BigInt(position),
          checkpoint: String(position) as Checkpoint,
          recordedAt: new Date(),
        });
      }
      appended.notify();
    },
    failNextReads(...errors: unknown[]) {
      failures.push(...errors);
    },
    options(overrides: Partial<PollingSubscriptionOptions> = {}): PollingSubscriptionOptions {
      return {
        from: '' as Checkpoint,
        batchSize: 2,
        onEvents: async () => undefined,
        readAll: async (from, batchSize): Promise<ReadAllResult> => {
          reads += 1;
          if (failures.length > 0) throw failures.shift();
          const start = from === '' ? 0 : Number(from);
          const batch = events.slice(start, start + batchSize);
          return { events: batch, checkpoint: batch.length > 0 ? batch[batch.length - 1]!.checkpoint : from };
        },
        pollIntervalMs: 10_000,
        onAppended: (wake) => appended.add(wake),
        isTransient: (error) => error instanceof Error && error.message.startsWith('transient'),
        retry: { initialDelayMs: 5, maxDelayMs: 20 },
        ...overrides,
      };
    },
  };
}

describe('polling subscription', () => {
  it('retries transient read failures with backoff, reports each, then delivers', async () => {
    const log = fakeLog();
    log.append(3);
    const transient = [new Error('transient 1'), new Error('transient 2')];
    log.failNextReads(...transient);
    const reported: unknown[] = [];
    const delivered: string[] = [];

    const subscription = startPollingSubscription(
      log.options({
        onError: (error) => reported.push(error),
        onEvents: async (events) => void delivered.push(...events.map((event) => event.id)),
      }),
    );
    await eventually(() => delivered.length === 3, 'delivery after the retries');
    await subscription.stop();

    expect(reported).toEqual(transient);
    expect(delivered).toEqual(['event-1', 'event-2', 'event-3']);
  });

  it('stops with done rejecting on a failure that is not transient', async () => {
    const log = fakeLog();
    const fatal = new Error('relation "events" does not exist');
    log.failNextReads(fatal);
    const reported: unknown[] = [];

    const subscription = startPollingSubscription(log.options({ onError: (error) => reported.push(error) }));

    expect(await rejectionOf(subscription.done)).toBe(fatal);
    expect(reported).toEqual([]);
    expect(log.reads).toBe(1);
  });

  it('reads at once when woken by an append instead of waiting for the poll interval', async () => {
    const log = fakeLog();
    const delivered: string[] = [];
    const subscription = startPollingSubscription(
      log.options({ onEvents: async (events) => void delivered.push(...events.map((event) => event.id)) }),
    );
    await eventually(() => log.reads >= 1, 'the first (empty) read');

    log.append(1);

    await eventually(() => delivered.length === 1, 'the woken read', 1_000);
    await subscription.stop();
  });

  it('does not lose a wake-up that arrives while the handler runs', async () => {
    const log = fakeLog();
    log.append(1);
    const delivered: string[] = [];
    const subscription = startPollingSubscription(
      log.options({
        onEvents: async (events) => {
          delivered.push(...events.map((event) => event.id));
          if (delivered.length === 1) log.append(1);
        },
      }),
    );

    await eventually(() => delivered.length === 2, 'the event appended during the handler', 1_000);
    await subscription.stop();
  });

  it('never runs two handler calls at once', async () => {
    const log = fakeLog();
    log.append(9);
    let running = 0;
    let overlapped = false;
    let calls = 0;
    const subscription = startPollingSubscription(
      log.options({
        onEvents: async () => {
          running += 1;
          overlapped ||= running > 1;
          await sleep(5);
          log.append(1);
          running -= 1;
          calls += 1;
        },
      }),
    );

    await eventually(() => calls >= 8, 'several batches');
    await subscription.stop();

    expect(overlapped).toBe(false);
  });

  it('stops promptly while backing off after a failure', async () => {
    const log = fakeLog();
    log.failNextReads(new Error('transient'));
    const subscription = startPollingSubscription(
      log.options({ retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 } }),
    );
    await eventually(() => log.reads === 1, 'the failed read');

    const started = Date.now();
    await subscription.stop();

    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(subscription.done).resolves.toBeUndefined();
  });

  it('refuses a batch size that is not a positive integer', () => {
    const log = fakeLog();

    expect(() => startPollingSubscription(log.options({ batchSize: 0 }))).toThrow(RangeError);
    expect(() => startPollingSubscription(log.options({ batchSize: 1.5 }))).toThrow(RangeError);
  });
});
