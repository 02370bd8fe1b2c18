import { randomUUID } from 'node:crypto';
import { InvalidAppendError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { Checkpoint, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port.js';
import {
  eventually,
  headCheckpoint,
  readAllPages,
  rejectionOf,
  sleep,
  testEvent,
  testEvents,
  testMetadata,
  uniqueStreamName,
} from './event-store.fixtures.js';

/** What a contract run needs from an adapter: a ready store and a way to release it. */
export interface EventStoreFixture {
  readonly store: EventStore;
  teardown(): Promise<void>;
}

/** Guarantees that differ between stores for reasons outside the adapter's control. */
export interface ContractOptions {
  /**
   * Whether the store refuses an event id already stored in another stream. PostgreSQL does (a unique
   * index); KurrentDB keeps no cross-stream id index, so there ids are unique per stream only.
   */
  readonly eventIdsUniqueAcrossStreams?: boolean;
  /**
   * Metadata keys the store adds on append (a decorator such as the hash chain), left out when
   * comparing what was written with what is read back.
   */
  readonly addedMetadataKeys?: readonly string[];
}

/** Generous for networked adapters; a passing run takes a fraction of it. */
const SUBSCRIPTION_TEST_TIMEOUT = 20_000;

/**
 * The behaviour every EventStore adapter must show, run against one store per suite. Tests use their
 * own streams and read the global order from a checkpoint taken at their start (or filter by their
 * streams), so the store need not be empty and may hold other tests' events.
 */
export function describeEventStoreContract(
  name: string,
  setup: () => Promise<EventStoreFixture>,
  options: ContractOptions = {},
): void {
  const eventIdsUniqueAcrossStreams = options.eventIdsUniqueAcrossStreams ?? true;
  const added = new Set(options.addedMetadataKeys ?? []);
  const asWritten = (metadata: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(metadata).filter(([key]) => !added.has(key)));
  describe(`${name} satisfies the EventStore contract`, () => {
    let fixture: EventStoreFixture | undefined;
    let store: EventStore;

    beforeAll(async () => {
      fixture = await setup();
      store = fixture.store;
    }, 60_000);

    afterAll(async () => {
      await fixture?.teardown();
    });

    async function expectWrongRevision(
      append: Promise<unknown>,
      streamName: string,
      expected: ExpectedRevision,
      actual: number | null,
    ): Promise<void> {
      const error = await rejectionOf(append);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamName, expected, actual });
    }

    const idsOf = (events: readonly (NewEvent | RecordedEvent)[]): string[] => events.map((event) => event.id);

    describe('append and readStream', () => {
      it('reads back appended events with their type, data, metadata and revisions', async () => {
        const stream = uniqueStreamName();
        const submitted: NewEvent = {
          id: randomUUID(),
          type: 'ComplaintSubmitted',
          data: {
            title: 'Jalan rusak di Kecamatan Cibeunying — "urgent"',
            channel: 'sms',
            nested: { tags: ['infrastruktur', 'jalan'], priority: 2, anonymous: true, note: null },
          },
          metadata: testMetadata({ actor: { id: 'citizen-1', role: 'citizen', agencyCode: null }, traceId: 'abc' }),
        };
        const forwarded = testEvent('ComplaintForwarded', { toAgency: 'DINAS-PU' });
        const before = Date.now();

        await store.append(stream, [submitted, forwarded], 'no-stream');
        const events = await store.readStream(stream);

        expect(
          events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata: asWritten(metadata) })),
        ).toEqual([submitted, forwarded]);
        expect(events.map((event) => [event.streamName, event.revision])).toEqual([
          [stream, 0],
          [stream, 1],
        ]);
        for (const event of events) {
          expect(typeof event.position).toBe('bigint');
          expect(typeof event.checkpoint).toBe('string');
          expect(event.recordedAt).toBeInstanceOf(Date);
          expect(event.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 60_000);
        }
        expect(events[1]!.position).toBeGreaterThan(events[0]!.position);
      });

      it('answers the revision and global position of the append’s last event', async () => {
        const stream = uniqueStreamName();

        const first = await store.append(stream, testEvents(2));
        const second = await store.append(stream, testEvents(3));
        const events = await store.readStream(stream);

        expect(first.nextExpectedRevision).toBe(1);
        expect(second.nextExpectedRevision).toBe(4);
        expect(first.position).toBe(events[1]!.position);
        expect(second.position).toBe(events[4]!.position);
        expect(events.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      });

      it('reads a stream from a given revision', async () => {
        const stream = uniqueStreamName();
        const appended = testEvents(5);
        await store.append(stream, appended);

        expect(idsOf(await store.readStream(stream, 3))).toEqual(idsOf(appended.slice(3)));
        expect(idsOf(await store.readStream(stream, 0))).toEqual(idsOf(appended));
        expect(await store.readStream(stream, 5)).toEqual([]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(uniqueStreamName())).toEqual([]);
        expect(await store.readStream(uniqueStreamName(), 3)).toEqual([]);
      });

      it('refuses invalid appends with InvalidAppendError and writes nothing', async () => {
        const stream = uniqueStreamName();
        const valid = testEvent();
        const invalidAppends: NewEvent[][] = [
          [],
          [{ ...testEvent(), id: 'not-a-uuid' }],
          [valid, { ...testEvent(), id: valid.id }],
          [{ ...testEvent(), type: '' }],
        ];

        for (const events of invalidAppends) {
          expect(await rejectionOf(store.append(stream, events))).toBeInstanceOf(InvalidAppendError);
        }
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('expected revision', () => {
      it("'any' appends whether or not the stream exists", async () => {
        const stream = uniqueStreamName();

        expect((await store.append(stream, [testEvent()], 'any')).nextExpectedRevision).toBe(0);
        expect((await store.append(stream, [testEvent()], 'any')).nextExpectedRevision).toBe(1);
        expect((await store.append(stream, [testEvent()])).nextExpectedRevision).toBe(2);
      });

      it("'no-stream' appends to a new stream and fails on an existing one with its revision", async () => {
        const stream = uniqueStreamName();

        await store.append(stream, testEvents(2), 'no-stream');

        await expectWrongRevision(store.append(stream, [testEvent()], 'no-stream'), stream, 'no-stream', 1);
      });

      it("'stream-exists' fails on a new stream with actual null and appends to an existing one", async () => {
        const stream = uniqueStreamName();

        await expectWrongRevision(store.append(stream, [testEvent()], 'stream-exists'), stream, 'stream-exists', null);
        await store.append(stream, [testEvent()]);

        expect((await store.append(stream, [testEvent()], 'stream-exists')).nextExpectedRevision).toBe(1);
      });

      it('an exact revision appends when it is the last revision and fails otherwise with the actual one', async () => {
        const stream = uniqueStreamName();

        await expectWrongRevision(store.append(stream, [testEvent()], 0), stream, 0, null);
        await store.append(stream, testEvents(2), 'no-stream');
        expect((await store.append(stream, [testEvent()], 1)).nextExpectedRevision).toBe(2);

        await expectWrongRevision(store.append(stream, [testEvent()], 1), stream, 1, 2);
        await expectWrongRevision(store.append(stream, [testEvent()], 7), stream, 7, 2);
        expect((await store.append(stream, [testEvent()], 2)).nextExpectedRevision).toBe(3);
      });

      it('a failed expectation writes nothing', async () => {
        const stream = uniqueStreamName();
        const absent = uniqueStreamName();
        const stored = testEvents(2);
        await store.append(stream, stored);

        await expectWrongRevision(store.append(stream, testEvents(3), 0), stream, 0, 1);
        await expectWrongRevision(store.append(absent, testEvents(2), 'stream-exists'), absent, 'stream-exists', null);

        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(stored));
        expect(await store.readStream(absent)).toEqual([]);
      });

      it('lets exactly one of two concurrent appends with the same expected revision win', async () => {
        const stream = uniqueStreamName();
        await store.append(stream, [testEvent()]);
        const contenders = [testEvent('ComplaintForwarded'), testEvent('ComplaintResponded')];

        const outcomes = await Promise.allSettled(contenders.map((event) => store.append(stream, [event], 0)));

        const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        const losers = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(1);
        expect(losers[0]).toBeInstanceOf(WrongExpectedRevisionError);
        expect(losers[0]).toMatchObject({ streamName: stream, expected: 0, actual: 1 });
        const events = await store.readStream(stream);
        expect(events).toHaveLength(2);
        expect(events[1]!.id).toBe(contenders[outcomes.indexOf(winners[0]!)]!.id);
      });

      it("lets exactly one of several concurrent 'no-stream' appends create the stream", async () => {
        const stream = uniqueStreamName();

        const outcomes = await Promise.allSettled(
          [1, 2, 3, 4].map(() => store.append(stream, testEvents(2), 'no-stream')),
        );

        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') {
            expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
            expect(outcome.reason).toMatchObject({ expected: 'no-stream', actual: 1 });
          }
        }
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it("'no-stream' on a stream shorter than the append fails with its revision and writes none of the events", async () => {
        const stream = uniqueStreamName();
        const stored = [testEvent()];
        await store.append(stream, stored);

        await expectWrongRevision(store.append(stream, testEvents(3), 'no-stream'), stream, 'no-stream', 0);
        await expectWrongRevision(store.append(stream, [testEvent()], 'no-stream'), stream, 'no-stream', 0);

        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(stored));
      });

      it("concurrent 'no-stream' appends: one creates the stream, its repeats answer its result, the rest fail", async () => {
        for (const size of [1, 2]) {
          const stream = uniqueStreamName();
          const contenders = [testEvents(size), testEvents(size), testEvents(size)];
          // Each contender three times: the repeats of the winner are retries of a committed append.
          const attempts = [0, 1, 2, 0, 1, 2, 0, 1, 2];

          const outcomes = await Promise.allSettled(
            attempts.map((contender) => store.append(stream, contenders[contender]!, 'no-stream')),
          );

          const stored = await store.readStream(stream);
          expect(stored.map((event) => event.revision)).toEqual(stored.map((_, index) => index));
          const winner = contenders.findIndex((events) => events[0]!.id === stored[0]?.id);
          expect(idsOf(stored)).toEqual(idsOf(contenders[winner]!));
          outcomes.forEach((outcome, index) => {
            if (attempts[index] === winner) {
              expect(outcome).toEqual({
                status: 'fulfilled',
                value: { nextExpectedRevision: size - 1, position: stored[size - 1]!.position },
              });
            } else {
              expect(outcome.status).toBe('rejected');
              const reason: unknown = outcome.status === 'rejected' ? outcome.reason : undefined;
              expect(reason).toBeInstanceOf(WrongExpectedRevisionError);
              expect(reason).toMatchObject({ streamName: stream, expected: 'no-stream', actual: size - 1 });
            }
          });
        }
      });

      it("concurrent 'any', 'no-stream' and exact appends keep revisions dense and the global order in revision order", async () => {
        const from = await headCheckpoint(store);
        const streams = Array.from({ length: 6 }, () => uniqueStreamName());
        const answered: { stream: string; events: NewEvent[]; revision: number; position: bigint }[] = [];
        const refused: unknown[] = [];
        const attempt = async (stream: string, events: NewEvent[], expected: ExpectedRevision): Promise<void> => {
          try {
            const result = await store.append(stream, events, expected);
            answered.push({ stream, events, revision: result.nextExpectedRevision, position: result.position });
          } catch (error) {
            refused.push(error);
          }
        };

        await Promise.all(
          streams.flatMap((stream) => [
            attempt(stream, testEvents(2), 'no-stream'),
            attempt(stream, [testEvent()], 'any'),
            attempt(stream, [testEvent()], 'no-stream'),
            attempt(stream, testEvents(2), 'any'),
            attempt(stream, [testEvent()], 0),
            attempt(stream, [testEvent()], 'any'),
          ]),
        );

        for (const error of refused) {
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect((error as WrongExpectedRevisionError).expected).not.toBe('any');
        }
        const { events } = await readAllPages(store, from, 100, new Set(streams));
        for (const stream of streams) {
          const inGlobalOrder = events.filter((event) => event.streamName === stream);
          expect(inGlobalOrder.map((event) => event.revision)).toEqual(inGlobalOrder.map((_, index) => index));
          expect(idsOf(await store.readStream(stream))).toEqual(idsOf(inGlobalOrder));
          const ofStream = answered.filter((answer) => answer.stream === stream);
          // What was answered is exactly what is stored: nothing written twice, nothing unanswered.
          expect(ofStream.flatMap((answer) => answer.events).length).toBe(inGlobalOrder.length);
          for (const answer of ofStream) {
            const last = inGlobalOrder[answer.revision]!;
            expect(last.id).toBe(answer.events.at(-1)!.id);
            expect(last.position).toBe(answer.position);
            expect(idsOf(inGlobalOrder.slice(answer.revision + 1 - answer.events.length, answer.revision + 1))).toEqual(
              idsOf(answer.events),
            );
          }
        }
      });
    });

    describe('idempotency', () => {
      it('a retried append stores nothing twice and answers the first result', async () => {
        const stream = uniqueStreamName();
        await store.append(stream, [testEvent()]);
        const events = testEvents(3);

        const first = await store.append(stream, events, 0);
        const retry = await store.append(stream, events, 0);

        expect(retry).toEqual(first);
        expect(idsOf(await store.readStream(stream))).toHaveLength(4);
      });

      it('a retry answers the first result even when its expectation no longer holds', async () => {
        const stream = uniqueStreamName();
        const events = testEvents(2);
        const first = await store.append(stream, events, 'no-stream');
        await store.append(stream, [testEvent()], 1);

        const retry = await store.append(stream, events, 'no-stream');
        const exactRetry = await store.append(stream, events, 5);

        expect(retry).toEqual(first);
        expect(exactRetry).toEqual(first);
        expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1, 2]);
      });

      it('refuses ids that are only partly stored or reordered', async () => {
        const stream = uniqueStreamName();
        const events = testEvents(2);
        await store.append(stream, events);

        const partly = store.append(stream, [events[1]!, testEvent()]);
        const reordered = store.append(stream, [events[1]!, events[0]!]);

        expect(await rejectionOf(partly)).toBeInstanceOf(InvalidAppendError);
        expect(await rejectionOf(reordered)).toBeInstanceOf(InvalidAppendError);
        expect(idsOf(await store.readStream(stream))).toEqual(idsOf(events));
      });

      it("a retried 'no-stream' append, of one event or several, answers its first result and writes nothing", async () => {
        for (const events of [[testEvent()], testEvents(3)]) {
          const stream = uniqueStreamName();

          const first = await store.append(stream, events, 'no-stream');
          const retry = await store.append(stream, events, 'no-stream');

          expect(first.nextExpectedRevision).toBe(events.length - 1);
          expect(retry).toEqual(first);
          expect(idsOf(await store.readStream(stream))).toEqual(idsOf(events));
        }
      });

      (eventIdsUniqueAcrossStreams ? it : it.skip)('refuses ids that are stored in another stream', async () => {
        const events = testEvents(2);
        await store.append(uniqueStreamName(), events);
        expect(await rejectionOf(store.append(uniqueStreamName(), events))).toBeInstanceOf(InvalidAppendError);
      });

      (eventIdsUniqueAcrossStreams ? it : it.skip)(
        'refuses ids stored in another stream whatever the expectation, and writes none of the events',
        async () => {
          const elsewhere = testEvents(2);
          await store.append(uniqueStreamName(), elsewhere);
          const fresh = uniqueStreamName();
          const existing = uniqueStreamName();
          const existingEvents = [testEvent()];
          await store.append(existing, existingEvents);

          const appends: [string, NewEvent[], ExpectedRevision][] = [
            [fresh, [elsewhere[0]!], 'no-stream'],
            [fresh, [testEvent(), elsewhere[1]!], 'no-stream'],
            [existing, [elsewhere[0]!], 0],
            [existing, [testEvent(), elsewhere[1]!], 0],
          ];
          for (const [stream, events, expected] of appends) {
            expect(await rejectionOf(store.append(stream, events, expected))).toBeInstanceOf(InvalidAppendError);
          }

          expect(await store.readStream(fresh)).toEqual([]);
          expect(idsOf(await store.readStream(existing))).toEqual(idsOf(existingEvents));
        },
      );
    });

    describe('readAll', () => {
      /** Ten events over three streams, appended one after another: their global order is the append order. */
      async function appendInterleaved(): Promise<{ streams: Set<string>; appended: NewEvent[] }> {
        const names = [uniqueStreamName(), uniqueStreamName('agency'), uniqueStreamName()];
        const plan: [number, number][] = [
          [0, 2],
          [1, 1],
          [2, 1],
          [0, 1],
          [1, 3],
          [2, 1],
          [0, 1],
        ];
        const appended: NewEvent[] = [];
        for (const [stream, count] of plan) {
          const events = testEvents(count);
          await store.append(names[stream]!, events);
          appended.push(...events);
        }
        return { streams: new Set(names), appended };
      }

      it('pages through every event exactly once, in a consistent order', async () => {
        const from = await headCheckpoint(store);
        const { streams, appended } = await appendInterleaved();

        const inThrees = await readAllPages(store, from, 3, streams);
        const inFours = await readAllPages(store, from, 4, streams);
        const inOne = await readAllPages(store, from, 100, streams);

        expect(idsOf(inThrees.events)).toEqual(idsOf(appended));
        expect(idsOf(inFours.events)).toEqual(idsOf(appended));
        expect(idsOf(inOne.events)).toEqual(idsOf(appended));
        expect(Math.max(...inThrees.batchSizes)).toBeLessThanOrEqual(3);
        const positions = inThrees.events.map((event) => event.position);
        expect(new Set(positions).size).toBe(positions.length);
        for (const stream of streams) {
          const revisions = inThrees.events.filter((event) => event.streamName === stream).map((e) => e.revision);
          expect(revisions).toEqual(revisions.map((_, index) => index));
        }
      });

      it('resumes after any event’s checkpoint with the next event', async () => {
        const from = await headCheckpoint(store);
        const { streams, appended } = await appendInterleaved();
        const { events } = await readAllPages(store, from, 100, streams);

        for (const [index, event] of events.entries()) {
          const rest = await readAllPages(store, event.checkpoint, 2, streams);
          expect(idsOf(rest.events)).toEqual(idsOf(appended.slice(index + 1)));
        }
      });

      it('answers no events and the same checkpoint when nothing is new', async () => {
        await store.append(uniqueStreamName(), [testEvent()]);
        const head = await headCheckpoint(store);

        const result = await store.readAll(head, 10);

        expect(result.events).toEqual([]);
        expect(result.checkpoint).toBe(head);
      });

      it('gives each batch the checkpoint of its last event', async () => {
        const from = await headCheckpoint(store);
        await store.append(uniqueStreamName(), testEvents(3));

        const result = await store.readAll(from, 2);

        expect(result.events).toHaveLength(2);
        expect(result.checkpoint).toBe(result.events[1]!.checkpoint);
      });
    });

    describe('subscribe', () => {
      /** Collects what a subscription delivers, keeping only the test's own streams. */
      function collector(streams: ReadonlySet<string>) {
        const delivered: RecordedEvent[] = [];
        const batches: { size: number; checkpoint: Checkpoint; lastCheckpoint: Checkpoint | undefined }[] = [];
        const onEvents = async (events: readonly RecordedEvent[], checkpoint: Checkpoint): Promise<void> => {
          batches.push({ size: events.length, checkpoint, lastCheckpoint: events[events.length - 1]?.checkpoint });
          delivered.push(...events.filter((event) => streams.has(event.streamName)));
        };
        return { delivered, batches, onEvents };
      }

      it(
        'catches up from a checkpoint, then follows new appends',
        async () => {
          const from = await headCheckpoint(store);
          const stream = uniqueStreamName();
          const past = testEvents(5);
          await store.append(stream, past.slice(0, 2));
          await store.append(stream, past.slice(2));
          const { delivered, batches, onEvents } = collector(new Set([stream]));

          const subscription = store.subscribe(from, { batchSize: 2, onEvents });
          await eventually(() => delivered.length >= 5, 'the catch-up');
          const future = testEvents(3);
          await store.append(stream, future.slice(0, 1));
          await store.append(stream, future.slice(1));
          await eventually(() => delivered.length >= 8, 'the new appends');
          await subscription.stop();

          expect(idsOf(delivered)).toEqual(idsOf([...past, ...future]));
          expect(Math.max(...batches.map((batch) => batch.size))).toBeLessThanOrEqual(2);
          for (const batch of batches) expect(batch.checkpoint).toBe(batch.lastCheckpoint);
          await expect(subscription.done).resolves.toBeUndefined();
        },
        SUBSCRIPTION_TEST_TIMEOUT,
      );

      it(
        'stop() waits for the running handler, and nothing is delivered afterwards',
        async () => {
          const from = await headCheckpoint(store);
          const stream = uniqueStreamName();
          let releaseHandler!: () => void;
          const handlerGate = new Promise<void>((resolve) => (releaseHandler = resolve));
          let calls = 0;
          let handlerFinished = false;
          const subscription = store.subscribe(from, {
            onEvents: async (events) => {
              if (!events.some((event) => event.streamName === stream)) return;
              calls += 1;
              await handlerGate;
              handlerFinished = true;
            },
          });
          await store.append(stream, [testEvent()]);
          await eventually(() => calls === 1, 'the handler to start');

          let stopped = false;
          const stopping = subscription.stop().then(() => (stopped = true));
          await sleep(100);
          expect(stopped).toBe(false);
          releaseHandler();
          await stopping;

          expect(handlerFinished).toBe(true);
          await store.append(stream, [testEvent()]);
          await sleep(300);
          expect(calls).toBe(1);
          await expect(subscription.done).resolves.toBeUndefined();
        },
        SUBSCRIPTION_TEST_TIMEOUT,
      );

      it(
        'a handler that throws stops the subscription and done rejects with its error',
        async () => {
          const from = await headCheckpoint(store);
          const stream = uniqueStreamName();
          const failure = new Error('projection failed');
          let calls = 0;
          const subscription = store.subscribe(from, {
            batchSize: 1,
            onEvents: async (events) => {
              if (!events.some((event) => event.streamName === stream)) return;
              calls += 1;
              throw failure;
            },
          });

          await store.append(stream, testEvents(3));

          expect(await rejectionOf(subscription.done)).toBe(failure);
          await store.append(stream, [testEvent()]);
          await sleep(300);
          expect(calls).toBe(1);
          await subscription.stop();
        },
        SUBSCRIPTION_TEST_TIMEOUT,
      );
    });
  });
}
