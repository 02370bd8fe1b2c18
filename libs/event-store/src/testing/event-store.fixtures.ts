import { randomUUID } from 'node:crypto';
import {
  START,
  type Checkpoint,
  type EventMetadata,
  type EventStore,
  type NewEvent,
  type RecordedEvent,
} from '../event-store.port.js';

/** A stream name no other test uses, so tests can share one store. */
export function uniqueStreamName(prefix = 'complaint'): string {
  return `${prefix}-${randomUUID()}`;
}

export function testMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { id: 'operator-7', role: 'operator', agencyCode: 'KEMENKES' },
    occurredAt: '2025-01-15T08:30:00.000Z',
    schemaVersion: 1,
    ...overrides,
  };
}

export function testEvent(type = 'ComplaintSubmitted', data: Record<string, unknown> = {}): NewEvent {
  return { id: randomUUID(), type, data: { channel: 'web', ...data }, metadata: testMetadata() };
}

export function testEvents(count: number, type = 'ComplaintNoted'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => testEvent(type, { index }));
}

/** The checkpoint after the last event readable now, by paging to the end. */
export async function headCheckpoint(store: EventStore, batchSize = 500): Promise<Checkpoint> {
  let checkpoint = START;
  for (;;) {
    const result = await store.readAll(checkpoint, batchSize);
    if (result.events.length === 0) return checkpoint;
    checkpoint = result.checkpoint;
  }
}

/** Every event after `from` in batches of `batchSize`, keeping those of `streams` (other tests may write too). */
export async function readAllPages(
  store: EventStore,
  from: Checkpoint,
  batchSize: number,
  streams: ReadonlySet<string>,
): Promise<{ events: RecordedEvent[]; batchSizes: number[]; checkpoint: Checkpoint }> {
  const events: RecordedEvent[] = [];
  const batchSizes: number[] = [];
  let checkpoint = from;
  for (;;) {
    const result = await store.readAll(checkpoint, batchSize);
    if (result.events.length === 0) return { events, batchSizes, checkpoint: result.checkpoint };
    batchSizes.push(result.events.length);
    events.push(...result.events.filter((event) => streams.has(event.streamName)));
    checkpoint = result.checkpoint;
  }
}

/** Resolves once `condition` holds; fails with `what` after `timeoutMs`. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The rejection reason of a promise that must reject. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('Expected the promise to reject, but it resolved');
    },
    (error: unknown) => error,
  );
}
