import { createHash, type Hash } from 'node:crypto';
import { START, type EventStore, type RecordedEvent } from '../event-store.port.js';
import { canonicalJson } from './canonical-json.js';

export interface StreamMismatch {
  readonly streamName: string;
  readonly reason: 'missing-in-target' | 'extra-in-target' | 'different-events';
  readonly sourceEvents: number;
  readonly targetEvents: number;
}

export interface CopyVerification {
  /** True when both stores hold the same streams, events and global order. */
  readonly ok: boolean;
  readonly sourceEvents: number;
  readonly targetEvents: number;
  readonly sourceStreams: number;
  /** Whether both stores list their events' (stream, revision) in the same global order. */
  readonly sameGlobalOrder: boolean;
  /** The streams that differ, in name order. */
  readonly mismatchedStreams: readonly StreamMismatch[];
}

interface StoreDigest {
  readonly events: number;
  readonly order: string;
  readonly streams: Map<string, { events: number; digest: string }>;
}

/**
 * Compares two stores after copyEvents: event counts, a SHA-256 per stream over the canonical JSON of each
 * event's (revision, id, type, data, metadata) in revision order, and a SHA-256 of the global order.
 * Store-assigned fields (positions, checkpoints, recordedAt) differ by nature and are left out. Reads both
 * stores once through readAll, keeping one running hash per stream rather than the events.
 */
export async function verifyCopy(from: EventStore, to: EventStore, batchSize = 500): Promise<CopyVerification> {
  const [source, target] = await Promise.all([digest(from, batchSize), digest(to, batchSize)]);
  const mismatchedStreams: StreamMismatch[] = [];
  const names = [...new Set([...source.streams.keys(), ...target.streams.keys()])].sort();
  for (const streamName of names) {
    const a = source.streams.get(streamName);
    const b = target.streams.get(streamName);
    if (a && b && a.digest === b.digest) continue;
    mismatchedStreams.push({
      streamName,
      reason: !b ? 'missing-in-target' : !a ? 'extra-in-target' : 'different-events',
      sourceEvents: a?.events ?? 0,
      targetEvents: b?.events ?? 0,
    });
  }
  const sameGlobalOrder = source.order === target.order;
  return {
    ok: mismatchedStreams.length === 0 && sameGlobalOrder && source.events === target.events,
    sourceEvents: source.events,
    targetEvents: target.events,
    sourceStreams: source.streams.size,
    sameGlobalOrder,
    mismatchedStreams,
  };
}

async function digest(store: EventStore, batchSize: number): Promise<StoreDigest> {
  const order = createHash('sha256');
  const streams = new Map<string, { events: number; hash: Hash }>();
  let events = 0;
  let checkpoint = START;
  for (;;) {
    const batch = await store.readAll(checkpoint, batchSize);
    if (batch.events.length === 0) break;
    for (const event of batch.events) {
      let stream = streams.get(event.streamName);
      if (!stream) streams.set(event.streamName, (stream = { events: 0, hash: createHash('sha256') }));
      stream.events += 1;
      stream.hash.update(`${eventJson(event)}\n`);
      order.update(`${JSON.stringify([event.streamName, event.revision])}\n`);
      events += 1;
    }
    checkpoint = batch.checkpoint;
  }
  const digests = new Map(
    [...streams].map(([name, { events: count, hash }]) => [name, { events: count, digest: hash.digest('hex') }]),
  );
  return { events, order: order.digest('hex'), streams: digests };
}

/** What a copy must keep of an event, as canonical JSON. Ids are UUIDs, compared in lower case. */
export function eventJson(event: RecordedEvent): string {
  return canonicalJson([event.revision, event.id.toLowerCase(), event.type, event.data, event.metadata]);
}
