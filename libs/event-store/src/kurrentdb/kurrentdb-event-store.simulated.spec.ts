import { ANY, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import { InvalidAppendError, InvalidCheckpointError, WrongExpectedRevisionError } from '../event-store.errors.js';
import { START, type Checkpoint, type NewEvent, type RecordedEvent } from '../event-store.port.js';
import {
  eventually,
  headCheckpoint,
  readAllPages,
  rejectionOf,
  testEvent,
  testEvents,
  uniqueStreamName,
} from '../testing/index.js';
import { copyEvents } from '../copy/copy-events.js';
import { verifyCopy } from '../copy/verify-copy.js';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store.js';
import { toEventData } from './event-mapping.js';
import { KurrentDbEventStore } from './kurrentdb-event-store.js';
import { SimulatedKurrentDb } from './testing/simulated-kurrentdb.js';

const idsOf = (events: readonly (NewEvent | RecordedEvent)[]): string[] => events.map((event) => event.id);

/**
 * The adapter's own logic (idempotent retries, the exclusive $all read, resubscription) against a model of a
 * KurrentDB node that answers with the client's real result and error objects; see SimulatedKurrentDb for
 * what the model assumes. The same adapter runs the shared contract against a live node in
 * kurrentdb-event-store.spec.ts.
 */
describe('KurrentDbEventStore over a simulated KurrentDB node', () => {
  let server: SimulatedKurrentDb;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    server = new SimulatedKurrentDb();
    store = new KurrentDbEventStore(server.client, { retry: { initialDelayMs: 5, maxDelayMs: 20 } });
  });

  afterEach(async () => {
    await store.close();
  });

  describe('append', () => {
    it('stores events that read back as appended, at consecutive revisions', async () => {
      const stream = uniqueStreamName();
      const events = testEvents(3);

      const result = await store.append(stream, events, 'no-stream');
      const stored = await store.readStream(stream);

      expect(stored.map(({ id, type, data, metadata }) => ({ id, type, data, metadata }))).toEqual(events);
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(result).toEqual({ nextExpectedRevision: 2, position: stored[2]!.position });
    });

    it('answers the last event’s position although the server reports the write’s first one', async () => {
      const stream = uniqueStreamName();

      const single = await store.append(stream, [testEvent()], 'no-stream');
      const several = await store.append(stream, testEvents(3), 0);
      const stored = await store.readStream(stream);

      expect(single.position).toBe(stored[0]!.position);
      expect(several.position).toBe(stored[3]!.position);
    });

    it("keeps a retried 'any' append a no-op after the server forgot its recent ids, which it alone would not", async () => {
      const stream = uniqueStreamName();
      const events = testEvents(2);
      const first = await store.append(stream, events, 'any');
      server.forgetRecentIds();

      const retry = await store.append(stream, events, 'any');

      expect(retry).toEqual(first);
      expect(idsOf(await store.readStream(stream))).toEqual(idsOf(events));
      // What the adapter prevents: the server on its own appends the forgotten ids a second time.
      await server.appendToStream(stream, events.map(toEventData), { streamState: ANY });
      expect(await store.readStream(stream)).toHaveLength(4);
    });

    it("keeps a retried 'stream-exists' append a no-op after the server forgot its recent ids", async () => {
      const stream = uniqueStreamName();
      await store.append(stream, [testEvent()]);
      const events = testEvents(2);
      const first = await store.append(stream, events, 'stream-exists');
      server.forgetRecentIds();

      expect(await store.append(stream, events, 'stream-exists')).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(3);
      await server.appendToStream(stream, events.map(toEventData), { streamState: STREAM_EXISTS });
      expect(await store.readStream(stream)).toHaveLength(5);
    });

    it.each(['any', 'no-stream', 0] as const)(
      'answers a retry after a lost response (expected %p) with the original result, stored once',
      async (expected) => {
        const stream = uniqueStreamName();
        if (expected === 0) await store.append(stream, [testEvent()], 'no-stream');
        const events = testEvents(2);
        server.loseNextResponses(1);

        const lost = await rejectionOf(store.append(stream, events, expected));
        server.forgetRecentIds();
        const retry = await store.append(stream, events, expected);

        expect(lost).toMatchObject({ code: 14 });
        const stored = await store.readStream(stream);
        expect(idsOf(stored.slice(-2))).toEqual(idsOf(events));
        expect(stored).toHaveLength(expected === 0 ? 3 : 2);
        expect(retry).toEqual({ nextExpectedRevision: stored.length - 1, position: stored.at(-1)!.position });
      },
    );

    it('answers a retry whose exact expectation went stale with the original result', async () => {
      const stream = uniqueStreamName();
      const events = testEvents(2);
      const first = await store.append(stream, events, 'no-stream');
      await store.append(stream, testEvents(2), 1);
      const writes = server.writes;

      expect(await store.append(stream, events, 'no-stream')).toEqual(first);
      expect(await store.append(stream, events, 1)).toEqual(first);
      expect(await store.append(stream, events, 9)).toEqual(first);
      expect(server.writes).toBe(writes);
    });

    it('accepts a retry spelled in upper case: KurrentDB answers ids in lower case', async () => {
      const stream = uniqueStreamName();
      const events = testEvents(2);
      const first = await store.append(stream, events);

      const upper = events.map((event) => ({ ...event, id: event.id.toUpperCase() }));

      expect(await store.append(stream, upper)).toEqual(first);
      expect(await store.append(stream, upper, 'no-stream')).toEqual(first);
    });

    it('refuses a retry that is partial, reordered or longer, and writes nothing', async () => {
      const stream = uniqueStreamName();
      const events = testEvents(3);
      await store.append(stream, events, 'no-stream');
      const writes = server.writes;

      for (const [expected, retry] of [
        ['any', [events[1]!, testEvent()]],
        [1, [events[1]!, events[0]!]],
        ['no-stream', [...events, testEvent()]],
        ['stream-exists', [events[2]!, events[1]!]],
      ] as const) {
        expect(await rejectionOf(store.append(stream, retry, expected))).toBeInstanceOf(InvalidAppendError);
      }
      expect(server.writes).toBe(writes);
      expect(idsOf(await store.readStream(stream))).toEqual(idsOf(events));
    });

    it('reports revision conflicts with what the caller expected and what the stream holds', async () => {
      const stream = uniqueStreamName();
      const absent = uniqueStreamName();
      await store.append(stream, testEvents(2), 'no-stream');

      const conflicts = await Promise.all([
        rejectionOf(store.append(stream, [testEvent()], 0)),
        rejectionOf(store.append(stream, [testEvent()], 5)),
        rejectionOf(store.append(stream, [testEvent()], 'no-stream')),
        rejectionOf(store.append(absent, [testEvent()], 'stream-exists')),
        rejectionOf(store.append(absent, [testEvent()], 0)),
      ]);

      for (const conflict of conflicts) expect(conflict).toBeInstanceOf(WrongExpectedRevisionError);
      expect(conflicts.map((error) => error as WrongExpectedRevisionError)).toMatchObject([
        { streamName: stream, expected: 0, actual: 1 },
        { streamName: stream, expected: 5, actual: 1 },
        { streamName: stream, expected: 'no-stream', actual: 1 },
        { streamName: absent, expected: 'stream-exists', actual: null },
        { streamName: absent, expected: 0, actual: null },
      ]);
    });

    it('reports conflicts the same way when the client answers refusals as values', async () => {
      server.refuseAsValue = true;
      const stream = uniqueStreamName();
      const events = testEvents(2);
      const first = await store.append(stream, events, 'no-stream');

      expect(await rejectionOf(store.append(stream, [testEvent()], 0))).toMatchObject({ expected: 0, actual: 1 });
      expect(await store.append(stream, events, 7)).toEqual(first);
    });

    it("lets concurrent 'any' appends all land, each exactly once", async () => {
      const stream = uniqueStreamName();
      const appends = Array.from({ length: 5 }, () => testEvents(2));

      const results = await Promise.all(appends.map((events) => store.append(stream, events)));

      const stored = await store.readStream(stream);
      expect(stored).toHaveLength(10);
      expect(new Set(idsOf(stored)).size).toBe(10);
      for (const [index, events] of appends.entries()) {
        const last = stored.find((event) => event.id === events[1]!.id)!;
        expect(results[index]).toEqual({ nextExpectedRevision: last.revision, position: last.position });
        expect(stored[last.revision - 1]!.id).toBe(events[0]!.id);
      }
    });

    it('validates before any I/O', async () => {
      const writes = server.writes;

      expect(await rejectionOf(store.append(uniqueStreamName(), [{ ...testEvent(), id: 'nope' }]))).toBeInstanceOf(
        InvalidAppendError,
      );
      expect(await rejectionOf(store.append(uniqueStreamName(), []))).toBeInstanceOf(InvalidAppendError);
      expect(server.writes).toBe(writes);
    });
  });

  describe('readStream', () => {
    it('reads an unknown stream as empty and a known one from a revision', async () => {
      const stream = uniqueStreamName();
      const events = testEvents(4);
      await store.append(stream, events);

      expect(await store.readStream(uniqueStreamName())).toEqual([]);
      expect(idsOf(await store.readStream(stream, 2))).toEqual(idsOf(events.slice(2)));
      await expect(store.readStream(stream, -1)).rejects.toThrow(RangeError);
    });
  });

  describe('readAll', () => {
    it("reads only Aduan's streams, from after the checkpoint, in pages", async () => {
      await server.appendToStream('other-app-7', [toEventData(testEvent())]);
      const complaint = uniqueStreamName();
      const agency = uniqueStreamName('agency');
      const appended = [...testEvents(3), ...testEvents(2)];
      await store.append(complaint, appended.slice(0, 3));
      await store.append(agency, appended.slice(3));

      const pages = await readAllPages(store, START, 2, new Set([complaint, agency]));

      expect(idsOf(pages.events)).toEqual(idsOf(appended));
      expect(pages.batchSizes).toEqual([2, 2, 1]);
      expect(new Set(pages.events.map((event) => event.streamName))).toEqual(new Set([complaint, agency]));
    });

    it('starts after the event at the checkpoint although the client reads from it inclusively', async () => {
      const stream = uniqueStreamName();
      const events = testEvents(4);
      await store.append(stream, events);
      const all = (await store.readAll(START, 10)).events;

      for (const [index, event] of all.entries()) {
        const next = await store.readAll(event.checkpoint, 1);
        expect(idsOf(next.events)).toEqual(idsOf(events.slice(index + 1, index + 2)));
      }
    });

    it('answers the same checkpoint when nothing is new', async () => {
      await store.append(uniqueStreamName(), [testEvent()]);
      const head = await headCheckpoint(store);

      expect(await store.readAll(head, 5)).toEqual({ events: [], checkpoint: head });
    });

    it('refuses checkpoints it did not make', async () => {
      for (const foreign of ['42', '745:12', 'start']) {
        await expect(store.readAll(foreign as Checkpoint, 1)).rejects.toBeInstanceOf(InvalidCheckpointError);
      }
      expect(() => store.subscribe('42' as Checkpoint, { onEvents: async () => undefined })).toThrow(
        InvalidCheckpointError,
      );
    });
  });

  describe('subscribe', () => {
    it('catches up, follows, survives a dropped connection, and delivers every event once', async () => {
      const stream = uniqueStreamName();
      const past = testEvents(3);
      await store.append(stream, past);
      const delivered: RecordedEvent[] = [];
      const errors: unknown[] = [];
      const resilient = new KurrentDbEventStore(server.client, {
        retry: { initialDelayMs: 5, maxDelayMs: 20 },
        onError: (error) => errors.push(error),
      });
      const subscription = resilient.subscribe(START, {
        batchSize: 2,
        onEvents: async (events) => void delivered.push(...events),
      });
      await eventually(() => delivered.length === 3, 'the catch-up');

      server.dropSubscriptions();
      const future = testEvents(2);
      await store.append(stream, future);
      await eventually(() => delivered.length >= 5, 'the events after the drop');
      await subscription.stop();

      expect(idsOf(delivered)).toEqual(idsOf([...past, ...future]));
      expect(errors).toHaveLength(1);
      await expect(subscription.done).resolves.toBeUndefined();
    });
  });

  describe('as the target of copyEvents', () => {
    it('takes a whole store, resumably, and verifyCopy finds both the same', async () => {
      const source = new InMemoryEventStore();
      const [a, b] = [uniqueStreamName(), uniqueStreamName('agency')];
      await source.append(a, testEvents(3));
      await source.append(b, testEvents(2));
      await source.append(a, testEvents(4));
      const saved: Checkpoint[] = [];
      const saveFailsOnSecondBatch = (checkpoint: Checkpoint): void => {
        if (saved.length === 1) throw new Error('checkpoint store down');
        saved.push(checkpoint);
      };

      // The second batch (b1, a3..a5) lands but its checkpoint is lost; the resumed batches of 8 read a3..a6 as
      // one run, partly in KurrentDB already, which it refuses as a whole before it goes event by event.
      await rejectionOf(copyEvents({ from: source, to: store, batchSize: 4, saveCheckpoint: saveFailsOnSecondBatch }));
      await copyEvents({ from: source, to: store, batchSize: 8, resumeFrom: saved[0] });

      expect(await verifyCopy(source, store)).toMatchObject({ ok: true, sourceEvents: 9, targetEvents: 9 });
    });
  });

  describe('close', () => {
    it('stops subscriptions, disposes of the client and refuses further use', async () => {
      const subscription = store.subscribe(START, { onEvents: async () => undefined });
      await eventually(() => server.openSubscriptions === 1, 'the subscription to open');

      await store.close();
      await store.close();

      await expect(subscription.done).resolves.toBeUndefined();
      expect(server.openSubscriptions).toBe(0);
      await expect(store.readStream(uniqueStreamName())).rejects.toThrow(/closed/);
      expect(() => store.subscribe(START, { onEvents: async () => undefined })).toThrow(/closed/);
    });
  });
});
