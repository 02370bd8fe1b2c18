import { InvalidAppendError } from '../event-store.errors.js';
import { START, type Checkpoint, type EventStore, type NewEvent, type RecordedEvent } from '../event-store.port.js';

export interface CopyEventsOptions {
  readonly from: EventStore;
  readonly to: EventStore;
  /** The source checkpoint saved by an earlier, interrupted run; START (the default) copies everything. */
  readonly resumeFrom?: Checkpoint;
  readonly batchSize: number;
  /** Told after each batch: events handled by this run so far, and the source checkpoint reached. */
  readonly onProgress?: (copied: number, lastCheckpoint: Checkpoint) => void;
  /** Called after each batch is in the target, with the source checkpoint to resume from after a crash. */
  readonly saveCheckpoint?: (checkpoint: Checkpoint) => Promise<void> | void;
}

export interface CopyEventsResult {
  /** Events handled by this run; a resumed run counts again the batch it re-reads (a no-op in the target). */
  readonly copied: number;
  /** The source checkpoint after the last copied event. */
  readonly checkpoint: Checkpoint;
}

/**
 * Moves a whole event store into another, e.g. PostgreSQL into KurrentDB: every event keeps its stream, its
 * revision, its id, its data and its metadata, and events arrive in the source's global order (runs of
 * consecutive events of one stream go in one append). Each run is appended with the exact revision it had
 * (`'no-stream'` for revision 0), so a stream that already holds other events fails loudly with
 * WrongExpectedRevisionError, and re-copying events that already made it is a no-op: the store answers a
 * retry of the same ids at the same revisions with the original result. That makes a copy resumable from the
 * last saved checkpoint even though the batch in flight when it stopped may be partly in the target.
 * The target records its own `recordedAt`; the time an event happened stays in its metadata (`occurredAt`).
 */
export async function copyEvents(options: CopyEventsOptions): Promise<CopyEventsResult> {
  const { from, to, batchSize } = options;
  let checkpoint = options.resumeFrom ?? START;
  let copied = 0;
  for (;;) {
    const batch = await from.readAll(checkpoint, batchSize);
    if (batch.events.length === 0) return { copied, checkpoint };
    for (const run of streamRuns(batch.events)) await appendRun(to, run);
    copied += batch.events.length;
    checkpoint = batch.checkpoint;
    await options.saveCheckpoint?.(checkpoint);
    options.onProgress?.(copied, checkpoint);
  }
}

/**
 * Appends consecutive events of one stream as they were. If part of the run is already in the target (an
 * interrupted copy resumed with other batch boundaries), the run as a whole is neither new nor a retry, so
 * its events go one at a time: each is then either the retry of its own earlier append or a new one.
 */
async function appendRun(to: EventStore, run: readonly RecordedEvent[]): Promise<void> {
  try {
    await appendAsRecorded(to, run);
  } catch (error) {
    if (!(error instanceof InvalidAppendError) || run.length === 1) throw error;
    for (const event of run) await appendAsRecorded(to, [event]);
  }
}

async function appendAsRecorded(to: EventStore, run: readonly RecordedEvent[]): Promise<void> {
  const first = run[0]!;
  await to.append(first.streamName, run.map(toNewEvent), first.revision === 0 ? 'no-stream' : first.revision - 1);
}

/** Splits events in global order into maximal runs of consecutive events of the same stream. */
export function streamRuns(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of events) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.streamName === event.streamName && last.revision + 1 === event.revision) run.push(event);
    else runs.push([event]);
  }
  return runs;
}

function toNewEvent({ id, type, data, metadata }: RecordedEvent): NewEvent {
  return { id, type, data, metadata };
}
