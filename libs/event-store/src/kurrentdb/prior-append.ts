/** The part of a stored event that tells whether an append was already made. */
export interface StoredRef {
  readonly id: string;
  readonly revision: number;
}

/**
 * What a stream says about an append that is being retried:
 * - `not-appended`: none of its ids is in the stream, so it can be written;
 * - `appended`: all of its ids are there, consecutively and in order, ending at `last`, so the retry must
 *   answer that original result and write nothing;
 * - `conflict`: some ids are there but not as that one append made them (partly written, reordered, or at
 *   other revisions): neither writing nor answering "done" would be honest.
 */
export type PriorAppend<T extends StoredRef> =
  { readonly kind: 'not-appended' } | { readonly kind: 'appended'; readonly last: T } | { readonly kind: 'conflict' };

/**
 * Looks for `ids` among a stream's events (in revision order). With `firstRevision`, the append must sit
 * exactly there (a retry with an exact expected revision); without it (a retry with 'any'), wherever its
 * first id is found. Event ids are UUIDs: compared case-insensitively because KurrentDB returns them in
 * lower case whatever case they were written in.
 */
export function findPriorAppend<T extends StoredRef>(
  stored: readonly T[],
  ids: readonly string[],
  firstRevision?: number,
): PriorAppend<T> {
  if (ids.length === 0) return { kind: 'not-appended' };
  const wanted = ids.map(normalise);
  const byRevision = new Map(stored.map((event) => [event.revision, event]));
  const start = firstRevision ?? stored.find((event) => normalise(event.id) === wanted[0])?.revision;
  const storedIds = new Set(stored.map((event) => normalise(event.id)));
  if (start === undefined || !byRevision.has(start)) {
    return wanted.some((id) => storedIds.has(id)) ? { kind: 'conflict' } : { kind: 'not-appended' };
  }
  const run = wanted.map((_, i) => byRevision.get(start + i));
  const matching = run.filter((event, i) => event !== undefined && normalise(event.id) === wanted[i]).length;
  if (matching === wanted.length) return { kind: 'appended', last: run[run.length - 1] as T };
  if (matching === 0 && !wanted.some((id) => storedIds.has(id))) return { kind: 'not-appended' };
  return { kind: 'conflict' };
}

function normalise(id: string): string {
  return id.toLowerCase();
}
