import { START, type EventStore } from '#aduan/event-store';
import { readAnchoredHeads } from './anchors.js';
import { storedHash } from './event-hash.js';
import { checkLink, EMPTY_CHAIN, isBroken, type BrokenLink, type ChainHead } from './verify-chain.js';

export type AnchorMismatchReason =
  /** An anchored event now has another hash: it was rewritten along with the chain after it. */
  | 'anchored-hash-changed'
  /** The stream ends before a revision that was anchored: its last events were deleted. */
  | 'truncated';

export interface AnchorMismatch {
  readonly streamName: string;
  readonly revision: number;
  readonly reason: AnchorMismatchReason;
}

export interface StoreVerification {
  readonly ok: boolean;
  readonly events: number;
  readonly streams: number;
  /** The first broken link of each broken stream, in the order found. */
  readonly brokenLinks: readonly BrokenLink[];
  readonly anchorMismatches: readonly AnchorMismatch[];
}

/**
 * One pass over the global order checks every stream's chain, and every anchored head. Memory grows
 * with the number of streams (one head each), not with the number of events.
 */
export async function verifyStore(
  store: EventStore,
  options: { batchSize?: number; onProgress?: (events: number) => void } = {},
): Promise<StoreVerification> {
  const anchored = await readAnchoredHeads(store);
  const heads = new Map<string, ChainHead>();
  const broken = new Map<string, BrokenLink>();
  const anchorMismatches: AnchorMismatch[] = [];
  let events = 0;
  let checkpoint = START;
  for (;;) {
    const page = await store.readAll(checkpoint, options.batchSize ?? 1000);
    for (const event of page.events) {
      events++;
      const expectedHash = anchored.get(event.streamName)?.get(event.revision);
      if (expectedHash !== undefined && expectedHash !== storedHash(event.metadata)) {
        anchorMismatches.push({
          streamName: event.streamName,
          revision: event.revision,
          reason: 'anchored-hash-changed',
        });
      }
      if (broken.has(event.streamName)) continue;
      const result = checkLink(heads.get(event.streamName) ?? EMPTY_CHAIN, event);
      if (isBroken(result)) broken.set(event.streamName, result);
      else heads.set(event.streamName, result);
    }
    options.onProgress?.(events);
    if (page.events.length === 0) break;
    checkpoint = page.checkpoint;
  }
  for (const [streamName, revisions] of anchored) {
    const highest = Math.max(...revisions.keys());
    const head = heads.get(streamName)?.revision ?? -1;
    if (!broken.has(streamName) && head < highest)
      anchorMismatches.push({ streamName, revision: highest, reason: 'truncated' });
  }
  const brokenLinks = [...broken.values()];
  return {
    ok: brokenLinks.length === 0 && anchorMismatches.length === 0,
    events,
    streams: new Set([...heads.keys(), ...broken.keys()]).size,
    brokenLinks,
    anchorMismatches,
  };
}
