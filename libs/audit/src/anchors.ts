import { randomUUID } from 'node:crypto';
import { START, type Checkpoint, type EventStore, type Actor } from '#aduan/event-store';
import { storedHash } from './event-hash.js';

/** The stream holding the published heads. Its `aduan-` prefix keeps it in KurrentDB's filtered $all. */
export const ANCHOR_STREAM = 'aduan-integrity-anchors';
export const ANCHOR_EVENT_TYPE = 'IntegrityAnchorPublished';

/** Heads per anchor event: a first anchor over a large store is split, in one atomic append. */
const HEADS_PER_EVENT = 2000;

export interface AnchoredHead {
  readonly streamName: string;
  readonly revision: number;
  readonly hash: string | null;
}

/**
 * Published head hashes: every stream that changed since the previous anchor, as it stood at
 * `checkpoint`. An auditor who copies anchors elsewhere can later prove that a stream was truncated
 * or rewritten, which the per-stream chain alone cannot show for a stream's last events.
 */
export interface IntegrityAnchorPublished {
  readonly type: typeof ANCHOR_EVENT_TYPE;
  readonly data: {
    readonly checkpoint: string;
    readonly part: number;
    readonly parts: number;
    readonly heads: readonly AnchoredHead[];
  };
}

export interface AnchorResult {
  readonly streams: number;
  readonly checkpoint: Checkpoint;
}

/** Reads everything since the last anchor and publishes the heads that moved. Nothing new, nothing written. */
export async function publishAnchor(store: EventStore, actor: Actor, now: Date): Promise<AnchorResult> {
  const previous = await store.readStream(ANCHOR_STREAM);
  const last = previous.at(-1);
  let checkpoint = last ? ((last.data as IntegrityAnchorPublished['data']).checkpoint as Checkpoint) : START;
  const heads = new Map<string, AnchoredHead>();
  for (;;) {
    const page = await store.readAll(checkpoint, 1000);
    for (const event of page.events) {
      if (event.streamName === ANCHOR_STREAM) continue;
      heads.set(event.streamName, {
        streamName: event.streamName,
        revision: event.revision,
        hash: storedHash(event.metadata),
      });
    }
    if (page.events.length === 0) break;
    checkpoint = page.checkpoint;
  }
  if (heads.size === 0) return { streams: 0, checkpoint };
  const sorted = [...heads.values()].sort((a, b) => (a.streamName < b.streamName ? -1 : 1));
  const parts = Math.ceil(sorted.length / HEADS_PER_EVENT);
  const correlationId = randomUUID();
  const events = Array.from({ length: parts }, (_, part) => ({
    id: randomUUID(),
    type: ANCHOR_EVENT_TYPE,
    data: { checkpoint, part, parts, heads: sorted.slice(part * HEADS_PER_EVENT, (part + 1) * HEADS_PER_EVENT) },
    metadata: { correlationId, causationId: correlationId, actor, occurredAt: now.toISOString(), schemaVersion: 1 },
  }));
  // Two instances anchoring at once: the expected revision lets one win; the other's anchor is redundant.
  await store.append(ANCHOR_STREAM, events, last ? last.revision : 'no-stream');
  return { streams: sorted.length, checkpoint };
}

/** Every (stream, revision) → hash ever anchored, and each stream's highest anchored revision. */
export async function readAnchoredHeads(store: EventStore): Promise<Map<string, Map<number, string | null>>> {
  const anchored = new Map<string, Map<number, string | null>>();
  for (const event of await store.readStream(ANCHOR_STREAM)) {
    if (event.type !== ANCHOR_EVENT_TYPE) continue;
    for (const head of (event.data as IntegrityAnchorPublished['data']).heads) {
      const revisions = anchored.get(head.streamName) ?? new Map<number, string | null>();
      revisions.set(head.revision, head.hash);
      anchored.set(head.streamName, revisions);
    }
  }
  return anchored;
}
