import type { RecordedEvent } from '#aduan/event-store';
import { hashEvent, storedHash, storedPreviousHash } from './event-hash.js';

export type BrokenLinkReason =
  /** The event's content no longer matches its own hash: it was edited. */
  | 'content-changed'
  /** The event does not point at the hash of the event before it: one was removed, inserted or replaced. */
  | 'previous-hash-mismatch'
  /** A revision is missing between two events: an event was deleted. */
  | 'revision-gap'
  /** The event carries no hash at all. */
  | 'unhashed';

export interface BrokenLink {
  readonly streamName: string;
  readonly revision: number;
  readonly eventId: string;
  readonly reason: BrokenLinkReason;
}

/** Where a chain stands after some of its events: enough to check the next event without the earlier ones. */
export interface ChainHead {
  readonly revision: number;
  readonly hash: string | null;
}

export const EMPTY_CHAIN: ChainHead = { revision: -1, hash: null };

/**
 * Checks one event against the head of its stream's chain. Answers the new head, or the broken link.
 * Streams are checked incrementally so the whole store can be verified in one pass over the global order.
 */
export function checkLink(head: ChainHead, event: RecordedEvent): ChainHead | BrokenLink {
  const broken = (reason: BrokenLinkReason): BrokenLink => ({
    streamName: event.streamName,
    revision: event.revision,
    eventId: event.id,
    reason,
  });
  const hash = storedHash(event.metadata);
  if (hash === null) return broken('unhashed');
  if (event.revision !== head.revision + 1) return broken('revision-gap');
  if (storedPreviousHash(event.metadata) !== head.hash) return broken('previous-hash-mismatch');
  if (hashEvent(event, head.hash) !== hash) return broken('content-changed');
  return { revision: event.revision, hash };
}

export const isBroken = (result: ChainHead | BrokenLink): result is BrokenLink => 'reason' in result;

export interface StreamVerification {
  readonly ok: boolean;
  readonly events: number;
  readonly head: ChainHead;
  /** The first link that does not hold; later events are not judged, as their chain is already broken. */
  readonly firstBroken: BrokenLink | null;
}

/** Verifies one stream's events, read in revision order from revision 0. */
export function verifyStream(events: readonly RecordedEvent[]): StreamVerification {
  let head = EMPTY_CHAIN;
  for (const event of events) {
    const result = checkLink(head, event);
    if (isBroken(result)) return { ok: false, events: events.length, head, firstBroken: result };
    head = result;
  }
  return { ok: true, events: events.length, head, firstBroken: null };
}
