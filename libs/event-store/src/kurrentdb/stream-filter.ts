import { streamNameFilter, type PrefixesFilter } from '@kurrent/kurrentdb-client';

/**
 * The stream families Aduan writes: `complaint-<id>`, `agency-<code>` (the agency tree) and `aduan-…` for
 * anything else of its own. Reading `$all` through this server-side filter leaves out system streams (`$…`)
 * and whatever other applications keep in the same database, without shipping those events to the client.
 * A new stream family must be added here (or named `aduan-…`), or projections will not see it.
 */
export const ADUAN_STREAM_PREFIXES: readonly string[] = ['complaint-', 'agency-', 'aduan-'];

/** The client's stream-name prefix filter for `$all` reads and subscriptions. */
export function aduanStreamFilter(prefixes: readonly string[] = ADUAN_STREAM_PREFIXES): PrefixesFilter {
  if (prefixes.length === 0 || prefixes.some((prefix) => prefix.length === 0)) {
    throw new RangeError('Stream prefixes must be non-empty: an empty prefix would let system streams through');
  }
  return streamNameFilter({ prefixes: [...prefixes] });
}
