import { AccessDeniedError, START, UnavailableError, type Position } from '@kurrent/kurrentdb-client';
import type { Checkpoint, RecordedEvent, Subscription } from '../event-store.port.js';
import { eventually, rejectionOf, sleep, testEvent, testEvents, uniqueStreamName } from '../testing/index.js';
import { followAll, SubscriptionEndedError, type FollowAllOptions } from './all-stream-follower.js';
import { decodeCheckpoint } from './checkpoint.js';
import { toEventData, toRecordedEvent } from './event-mapping.js';
import { aduanStreamFilter } from './stream-filter.js';
import { SimulatedKurrentDb } from './testing/simulated-kurrentdb.js';

const FAST_RETRY = { initialDelayMs: 5, maxDelayMs: 20 };

describe('followAll (a $all subscription over the client’s Subscription)', () => {
  let server: SimulatedKurrentDb;
  let subscription: Subscription | undefined;
  const filter = aduanStreamFilter();

  beforeEach(() => {
    server = new SimulatedKurrentDb();
  });

  afterEach(async () => {
    await subscription?.stop();
    subscription = undefined;
    await server.dispose();
  });

  async function append(stream: string, count: number): Promise<string[]> {
    const events = testEvents(count);
    await server.appendToStream(stream, events.map(toEventData));
    return events.map((event) => event.id);
  }

  /** Follows $all with a recording handler; `open` defaults to the simulated server's subscribeToAll. */
  function follow(overrides: Partial<FollowAllOptions> = {}) {
    const delivered: RecordedEvent[] = [];
    const batches: { ids: string[]; checkpoint: Checkpoint }[] = [];
    const errors: unknown[] = [];
    subscription = followAll({
      from: START,
      batchSize: 3,
      toRecordedEvent,
      open: (fromPosition) => server.subscribeToAll({ fromPosition, filter }),
      retry: FAST_RETRY,
      onError: (error) => errors.push(error),
      onEvents: async (events, checkpoint) => {
        batches.push({ ids: events.map((event) => event.id), checkpoint });
        delivered.push(...events);
      },
      ...overrides,
    });
    return { subscription, delivered, batches, errors, ids: () => delivered.map((event) => event.id) };
  }

  it('catches up, then follows live appends, in order and in batches of at most batchSize', async () => {
    const stream = uniqueStreamName();
    const past = await append(stream, 7);
    const { ids, batches } = follow();
    await eventually(() => ids().length === 7, 'the catch-up');

    const live = await append(stream, 2);
    await eventually(() => ids().length === 9, 'the live events');

    expect(ids()).toEqual([...past, ...live]);
    expect(Math.max(...batches.map((batch) => batch.ids.length))).toBeLessThanOrEqual(3);
  });

  it('hands each batch the checkpoint of its last event, and starts after a given position', async () => {
    const stream = uniqueStreamName();
    await append(stream, 2);
    const first = follow();
    await eventually(() => first.ids().length === 2, 'the first events');
    const resumeFrom = first.batches[first.batches.length - 1]!.checkpoint;
    expect(resumeFrom).toBe(first.delivered[1]!.checkpoint);
    await first.subscription.stop();

    const later = await append(stream, 2);
    const second = follow({ from: decodeCheckpoint(resumeFrom) });
    await eventually(() => second.ids().length === 2, 'the events after the checkpoint');

    expect(second.ids()).toEqual(later);
  });

  it('never runs two handler calls at once', async () => {
    const stream = uniqueStreamName();
    let running = 0;
    let overlapped = false;
    const seen: string[] = [];
    follow({
      batchSize: 1,
      onEvents: async (events) => {
        running += 1;
        overlapped ||= running > 1;
        await sleep(5);
        seen.push(...events.map((event) => event.id));
        running -= 1;
      },
    });

    await append(stream, 3);
    await append(stream, 3);
    await eventually(() => seen.length === 6, 'all events');

    expect(overlapped).toBe(false);
  });

  it('pauses the source under a burst larger than its buffer and resumes it without losing an event', async () => {
    const stream = uniqueStreamName();
    const seen: string[] = [];
    let pausedOnce = false;
    follow({
      batchSize: 5,
      open: (fromPosition) => {
        const source = server.subscribeToAll({ fromPosition, filter });
        source.on('pause', () => (pausedOnce = true));
        return source;
      },
      onEvents: async (events) => {
        await sleep(1);
        seen.push(...events.map((event) => event.id));
      },
    });

    const appended = [...(await append(stream, 120)), ...(await append(stream, 80))];
    await eventually(() => seen.length === 200, 'the whole burst');

    expect(seen).toEqual(appended);
    expect(pausedOnce).toBe(true);
  });

  it('resubscribes from the last delivered event after a dropped connection: nothing skipped, nothing twice', async () => {
    const stream = uniqueStreamName();
    const before = await append(stream, 4);
    const { ids, delivered, errors } = follow();
    await eventually(() => ids().length === 4, 'the first events');

    server.dropSubscriptions();
    const after = await append(stream, 3);
    await eventually(() => ids().length >= 7, 'the events after the drop');
    await sleep(50);

    expect(ids()).toEqual([...before, ...after]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(UnavailableError);
    const lastBeforeDrop = delivered[3]!.checkpoint;
    expect(server.subscribedFrom.at(-1)).toEqual(decodeCheckpoint(lastBeforeDrop));
  });

  it('reads again the events that were buffered but not handed over when the connection dropped', async () => {
    const stream = uniqueStreamName();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    follow({
      batchSize: 2,
      onEvents: async (events) => {
        seen.push(...events.map((event) => event.id));
        await gate;
      },
    });
    const appended = await append(stream, 6);
    await eventually(() => seen.length === 2, 'the first batch to start');

    server.dropSubscriptions();
    release();
    await eventually(() => seen.length >= 6, 'the rest after resubscribing');
    await sleep(50);

    expect(seen).toEqual(appended);
    expect(server.subscribedFrom).toHaveLength(2);
  });

  it('skips events a resubscription replays at or before the delivered position', async () => {
    const stream = uniqueStreamName();
    const appended = await append(stream, 5);
    /** A server that (wrongly) started at the given position itself, and one event earlier still. */
    const replaying = (fromPosition: Position | typeof START) =>
      server.subscribeToAll({
        fromPosition:
          fromPosition === START ? START : { commit: fromPosition.commit - 137n, prepare: fromPosition.prepare - 137n },
        filter,
      });
    const { ids } = follow({ open: replaying, batchSize: 2 });
    await eventually(() => ids().length === 5, 'the catch-up');

    server.dropSubscriptions();
    const more = await append(stream, 1);
    await eventually(() => ids().length >= 6, 'the event after the drop');
    await sleep(50);

    expect(ids()).toEqual([...appended, ...more]);
  });

  it('resubscribes when the server ends the call without an error', async () => {
    const stream = uniqueStreamName();
    const { ids, errors } = follow();
    const first = await append(stream, 1);
    await eventually(() => ids().length === 1, 'the first event');

    server.endSubscriptions();
    const second = await append(stream, 1);
    await eventually(() => ids().length === 2, 'the event after the end');

    expect(ids()).toEqual([...first, ...second]);
    expect(errors[0]).toBeInstanceOf(SubscriptionEndedError);
  });

  it('stops with the handler’s error, without retrying it', async () => {
    const failure = new Error('projection failed');
    const { subscription } = follow({
      onEvents: async () => {
        throw failure;
      },
    });

    await append(uniqueStreamName(), 2);

    expect(await rejectionOf(subscription.done)).toBe(failure);
    expect(server.subscribedFrom).toHaveLength(1);
  });

  it('stops with an error that retrying cannot fix, such as access denied', async () => {
    const { subscription, errors } = follow();
    await eventually(() => server.openSubscriptions === 1, 'the subscription to open');

    server.dropSubscriptions(16);

    expect(await rejectionOf(subscription.done)).toBeInstanceOf(AccessDeniedError);
    expect(errors).toEqual([]);
    expect(server.subscribedFrom).toHaveLength(1);
  });

  it('gives up after maxAttempts consecutive failed resubscriptions', async () => {
    const failing = (fromPosition: Position | typeof START) => {
      const source = server.subscribeToAll({ fromPosition, filter });
      setImmediate(() => server.dropSubscriptions());
      return source;
    };
    const { subscription, errors } = follow({ open: failing, maxAttempts: 2 });

    expect(await rejectionOf(subscription.done)).toBeInstanceOf(UnavailableError);
    expect(errors).toHaveLength(2);
    expect(server.subscribedFrom).toHaveLength(3);
  });

  it('stop() ends a wait between retries at once', async () => {
    const { subscription, errors } = follow({ retry: { initialDelayMs: 60_000, maxDelayMs: 60_000 } });
    await eventually(() => server.openSubscriptions === 1, 'the subscription to open');
    server.dropSubscriptions();
    await eventually(() => errors.length === 1, 'the drop to be seen');

    const started = Date.now();
    await subscription.stop();

    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(subscription.done).resolves.toBeUndefined();
  });

  it('stop() waits for the running handler and delivers nothing afterwards', async () => {
    const stream = uniqueStreamName();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    let finished = false;
    const { subscription } = follow({
      batchSize: 1,
      onEvents: async () => {
        calls += 1;
        await gate;
        finished = true;
      },
    });
    await append(stream, 1);
    await eventually(() => calls === 1, 'the handler to start');

    const stopping = subscription.stop();
    await append(stream, 2);
    release();
    await stopping;
    await sleep(50);

    expect(finished).toBe(true);
    expect(calls).toBe(1);
    expect(server.openSubscriptions).toBe(0);
  });

  it('refuses a batch size below 1', () => {
    expect(() => follow({ batchSize: 0 })).toThrow(RangeError);
  });

  it('is not confused by a non-Aduan stream: the server-side filter keeps it out', async () => {
    await server.appendToStream('other-app-1', [toEventData(testEvent())]);
    const ours = await append(uniqueStreamName(), 1);
    const { ids } = follow();

    await eventually(() => ids().length === 1, 'our event');
    await sleep(30);

    expect(ids()).toEqual(ours);
  });
});
