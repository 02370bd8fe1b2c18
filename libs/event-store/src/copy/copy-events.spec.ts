import { WrongExpectedRevisionError } from '../event-store.errors.js';
import {
  START,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port.js';
import { InMemoryEventStore } from '../in-memory/in-memory-event-store.js';
import { rejectionOf, testEvent, testEvents, uniqueStreamName } from '../testing/index.js';
import { copyEvents, streamRuns } from './copy-events.js';
import { verifyCopy } from './verify-copy.js';

/** Everything a store holds, in global order. */
async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const { events } = await store.readAll(START, 10_000);
  return [...events];
}

/** What a copy must keep of each event (positions, checkpoints and recordedAt are the target's own). */
const kept = (events: readonly RecordedEvent[]) =>
  events.map(({ streamName, revision, id, type, data, metadata }) => ({
    streamName,
    revision,
    id,
    type,
    data,
    metadata,
  }));

/** A source with 24 events over four streams, interleaved, some appended several at a time. */
async function seededSource(): Promise<InMemoryEventStore> {
  const source = new InMemoryEventStore();
  const [a, b, c] = [uniqueStreamName(), uniqueStreamName('agency'), uniqueStreamName()];
  await source.append(a, testEvents(3), 'no-stream');
  await source.append(b, [testEvent('AgencyRegistered', { name: 'Dinas PU' })], 'no-stream');
  await source.append(a, testEvents(2), 2);
  await source.append(c, testEvents(4));
  await source.append(b, testEvents(5), 0);
  await source.append(a, [testEvent()], 4);
  await source.append(uniqueStreamName(), testEvents(8));
  return source;
}

/** A target that fails every append after the first `allowed` ones, as a crash or an outage would. */
class FailingAfter implements EventStore {
  appends = 0;
  constructor(
    private readonly inner: EventStore,
    private readonly allowed: number,
  ) {}
  async append(stream: string, events: readonly NewEvent[], expected?: ExpectedRevision): Promise<AppendResult> {
    this.appends += 1;
    if (this.appends > this.allowed) throw new Error('connection lost');
    return this.inner.append(stream, events, expected);
  }
  readStream = (stream: string, from?: number) => this.inner.readStream(stream, from);
  readAll = (from: Checkpoint, batchSize: number) => this.inner.readAll(from, batchSize);
  subscribe: EventStore['subscribe'] = (from, options) => this.inner.subscribe(from, options);
  close = () => this.inner.close();
}

describe('copyEvents', () => {
  it('copies every event with its stream, revision, id, data and metadata, in global order', async () => {
    const source = await seededSource();
    const target = new InMemoryEventStore();

    const result = await copyEvents({ from: source, to: target, batchSize: 4 });

    expect(result.copied).toBe(24);
    expect(kept(await readEverything(target))).toEqual(kept(await readEverything(source)));
    expect(result.checkpoint).toBe((await readEverything(source)).at(-1)!.checkpoint);
    expect(await verifyCopy(source, target)).toMatchObject({ ok: true, sourceEvents: 24, targetEvents: 24 });
  });

  it('reports progress and saves the source checkpoint after each batch', async () => {
    const source = await seededSource();
    const progress: [number, Checkpoint][] = [];
    const saved: Checkpoint[] = [];

    await copyEvents({
      from: source,
      to: new InMemoryEventStore(),
      batchSize: 10,
      onProgress: (copied, checkpoint) => progress.push([copied, checkpoint]),
      saveCheckpoint: async (checkpoint) => void saved.push(checkpoint),
    });

    const all = await readEverything(source);
    expect(progress).toEqual([
      [10, all[9]!.checkpoint],
      [20, all[19]!.checkpoint],
      [24, all[23]!.checkpoint],
    ]);
    expect(saved).toEqual(progress.map(([, checkpoint]) => checkpoint));
  });

  it('resumes from the saved checkpoint after the target failed in the middle of a batch', async () => {
    const source = await seededSource();
    const target = new InMemoryEventStore();
    let saved: Checkpoint = START;
    const failing = new FailingAfter(target, 6);

    const interrupted = await rejectionOf(
      copyEvents({
        from: source,
        to: failing,
        batchSize: 5,
        saveCheckpoint: (checkpoint) => void (saved = checkpoint),
      }),
    );
    expect(interrupted).toEqual(new Error('connection lost'));
    expect(saved).not.toBe(START);
    const before = (await readEverything(target)).length;
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(24);

    await copyEvents({ from: source, to: target, batchSize: 5, resumeFrom: saved });

    expect(kept(await readEverything(target))).toEqual(kept(await readEverything(source)));
    expect(await verifyCopy(source, target)).toMatchObject({ ok: true, targetEvents: 24, mismatchedStreams: [] });
  });

  it('resumes with bigger batches after a batch landed but its checkpoint was not saved', async () => {
    const source = await seededSource();
    const target = new InMemoryEventStore();
    const saved: Checkpoint[] = [];
    const saveFailsOnSecondBatch = (checkpoint: Checkpoint): void => {
      if (saved.length === 1) throw new Error('checkpoint store down');
      saved.push(checkpoint);
    };

    // Batches of 4 cut stream c after its first two events; the resumed batches of 8 read all four of them
    // as one run that is half in the target already.
    await rejectionOf(copyEvents({ from: source, to: target, batchSize: 4, saveCheckpoint: saveFailsOnSecondBatch }));
    await copyEvents({ from: source, to: target, batchSize: 8, resumeFrom: saved[0] });

    expect(kept(await readEverything(target))).toEqual(kept(await readEverything(source)));
    expect(await verifyCopy(source, target)).toMatchObject({ ok: true, targetEvents: 24 });
  });

  it('is a no-op when run again over a finished copy', async () => {
    const source = await seededSource();
    const target = new InMemoryEventStore();
    await copyEvents({ from: source, to: target, batchSize: 6 });

    await copyEvents({ from: source, to: target, batchSize: 4 });

    expect(await verifyCopy(source, target)).toMatchObject({ ok: true, targetEvents: 24 });
  });

  it('fails loudly when the target already holds other events in a copied stream', async () => {
    const source = await seededSource();
    const target = new InMemoryEventStore();
    const [first] = await readEverything(source);
    await target.append(first!.streamName, [testEvent()]);

    const error = await rejectionOf(copyEvents({ from: source, to: target, batchSize: 10 }));

    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamName: first!.streamName, expected: 'no-stream', actual: 0 });
  });

  it('copies nothing from an empty store', async () => {
    expect(await copyEvents({ from: new InMemoryEventStore(), to: new InMemoryEventStore(), batchSize: 3 })).toEqual({
      copied: 0,
      checkpoint: START,
    });
  });
});

describe('streamRuns', () => {
  it('groups only consecutive events of the same stream with consecutive revisions', async () => {
    const source = await seededSource();
    const all = await readEverything(source);

    const runs = streamRuns(all);

    expect(runs.flat()).toEqual(all);
    expect(runs.map((run) => run.length)).toEqual([3, 1, 2, 4, 5, 1, 8]);
    for (const run of runs) {
      expect(new Set(run.map((event) => event.streamName)).size).toBe(1);
    }
  });
});

describe('verifyCopy', () => {
  it('names streams missing from the target, extra in it, or holding different events', async () => {
    const source = await seededSource();
    const target = new InMemoryEventStore();
    const all = await readEverything(source);
    const [missing, changed] = [all[0]!.streamName, all[3]!.streamName];
    for (const run of streamRuns(all)) {
      if (run[0]!.streamName === missing) continue;
      const events = run.map(({ id, type, data, metadata }) => ({
        id,
        type,
        data: run[0]!.streamName === changed ? { ...data, tampered: true } : data,
        metadata,
      }));
      await target.append(run[0]!.streamName, events, run[0]!.revision === 0 ? 'no-stream' : run[0]!.revision - 1);
    }
    const extra = uniqueStreamName();
    await target.append(extra, [testEvent()]);

    const report = await verifyCopy(source, target, 7);

    expect(report.ok).toBe(false);
    expect(report.sourceEvents).toBe(24);
    expect(report.targetEvents).toBe(24 - 6 + 1);
    expect(report.sourceStreams).toBe(4);
    expect(report.mismatchedStreams).toEqual(
      [
        { streamName: missing, reason: 'missing-in-target', sourceEvents: 6, targetEvents: 0 },
        { streamName: changed, reason: 'different-events', sourceEvents: 6, targetEvents: 6 },
        { streamName: extra, reason: 'extra-in-target', sourceEvents: 0, targetEvents: 1 },
      ].sort((a, b) => (a.streamName < b.streamName ? -1 : 1)),
    );
  });

  it('notices the same events in another global order', async () => {
    const source = await seededSource();
    const target = new InMemoryEventStore();
    const all = await readEverything(source);
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of all) byStream.set(event.streamName, [...(byStream.get(event.streamName) ?? []), event]);
    for (const [stream, events] of [...byStream].reverse()) {
      await target.append(
        stream,
        events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
        'no-stream',
      );
    }

    const report = await verifyCopy(source, target);

    expect(report).toMatchObject({ ok: false, sameGlobalOrder: false, mismatchedStreams: [] });
  });
});
