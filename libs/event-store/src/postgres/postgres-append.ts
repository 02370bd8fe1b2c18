import type { Pool } from '#aduan/postgres';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port.js';
import { isKeyTaken, isRevisionTaken, toAppendError } from './postgres-errors.js';

/*
 * An append takes one of two routes. The checked route is the aduan_append function: the stream lock,
 * the head read under it, the idempotency probe, the expectation, the write. The direct route serves
 * the two expectations that name the revisions the events will get, 'no-stream' (0…n-1) and an exact
 * revision h (h+1…h+n); it only writes, and leaves every answer but "written" to the checked route:
 *
 * - 'no-stream': a plain INSERT at revisions 0…n-1, no lock, no function. The (stream_name,
 *   stream_revision) key lets it succeed only if the stream has no revision 0, i.e. does not exist;
 *   the event_id key, only if no id is stored. Any refusal aborts the statement (several events are
 *   all written or none; ON CONFLICT DO NOTHING would skip single rows). A key held by a transaction
 *   still running makes the insert wait for it, so a refusal always concerns committed rows.
 * - exact revision h: aduan_append_after, under the stream lock, writes only if revision h is stored,
 *   and the keys refuse it if h+1 or an id is.
 *
 * Written or not, the direct route is exact. What it refuses (a key, or h not stored) goes to
 * aduan_append, which then answers as it would have alone: events are never deleted, so what made the
 * direct write fail is still there, committed, when aduan_append reads under the lock (a retry of
 * the same append answers its first result; otherwise a wrong expected revision with the actual one,
 * or conflicting ids).
 *
 * Why readers still see each stream in revision order. Readers order by (transaction_id, position),
 * so the writer of revision r ≥ 1 must get a larger transaction id than the writer of r-1. Ids are
 * handed out in increasing order, at a transaction's first write. A writer of r ≥ 1 either wrote r-1
 * itself (the same transaction, a larger position), or saw r-1 committed before its first write:
 * aduan_append and aduan_append_after read the head after taking the lock, in a statement whose
 * snapshot follows the previous holder's commit, and both refuse to run in a transaction that already
 * has an id (aduan_append_after's probe sees h only once h's writer has committed, lock or not).
 * Revision 0 has no predecessor, which is why the 'no-stream' insert can skip the lock. Every route is
 * an ordinary transaction, so the gap-free read below pg_snapshot_xmin holds for all of them.
 *
 * What skipping the lock costs the locked appenders: their head read is final against each other, but
 * not against a stream's creation. An aduan_append that read the stream as absent ('any', 'no-stream')
 * and writes revision 0 collides on the (stream, 0) key with a direct insert that got there first
 * (committed since the head read, or still running: then it waits, and the collision comes with the
 * creator's commit); it fails with a unique violation and writes nothing. Its
 * transaction id may be older than the creator's, so it must not go on in the same transaction: the
 * store runs it again, in a new one, which reads the created stream under the lock and writes after
 * it. Once a stream exists, no direct insert can write to it again (and aduan_append_after holds the
 * lock), so one more round suffices.
 *
 * Plans: the direct insert scans nothing (its key checks are index insertions); aduan_append_after's
 * head probe is forced onto the index by its SET clause, like aduan_append's reads.
 */

/** 'no-stream', one event: the API's submit. Scalar parameters spare the client an array literal. */
export const INSERT_NEW_STREAM_ONE_SQL = /* sql */ `
  INSERT INTO events (stream_name, stream_revision, event_id, event_type, data, metadata)
  VALUES ($1, 0, $2, $3, $4, $5)
  RETURNING position AS last_position`;

/** 'no-stream', several events: unnest's identity values follow the ORDER BY, as in aduan_append. */
export const INSERT_NEW_STREAM_SQL = /* sql */ `
  WITH inserted AS (
    INSERT INTO events (stream_name, stream_revision, event_id, event_type, data, metadata)
    SELECT $1, g.n - 1, g.id, g.type, g.data, g.metadata
      FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::jsonb[]) WITH ORDINALITY AS g(id, type, data, metadata, n)
     ORDER BY g.n
    RETURNING position
  )
  SELECT max(position) AS last_position FROM inserted`;

/** An exact revision, one event: every command after the submit. No row when nothing was written. */
export const APPEND_AFTER_ONE_SQL = /* sql */ `
  SELECT position AS last_position
    FROM aduan_append_after($1, $2::bigint, $3::uuid, $4::text, $5::jsonb, $6::jsonb) AS position`;

/** An exact revision, several events; last_position is NULL when nothing was written. */
const APPEND_AFTER_SQL = /* sql */ `
  SELECT max(position) AS last_position
    FROM aduan_append_after($1, $2::bigint, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[]) AS position`;

/** The checked route: one round trip, one implicit transaction (see aduan_append in the schema). */
const APPEND_SQL = /* sql */ `
  SELECT next_expected_revision, last_position
    FROM aduan_append($1, $2, $3::uuid[], $4::text[], $5::jsonb[], $6::jsonb[])`;

/** The same for one event: scalar parameters spare the client an array literal per JSON document. */
export const APPEND_ONE_SQL = /* sql */ `
  SELECT next_expected_revision, last_position
    FROM aduan_append($1, $2, ARRAY[$3::uuid], ARRAY[$4::text], ARRAY[$5::jsonb], ARRAY[$6::jsonb])`;

/** Rounds of the checked route: a second is needed at most once per stream, when it was created beside it. */
const CHECKED_ATTEMPTS = 2;

interface QueryConfig {
  readonly name: string;
  readonly text: string;
  readonly values: unknown[];
}

/** int8 arrives as number or string depending on the pool's type parsers; both convert. */
interface DirectRow {
  readonly last_position: number | string | null;
}

interface CheckedRow {
  readonly next_expected_revision: number | string;
  readonly last_position: number | string;
}

/** Appends validated events (see validateAppend) by the direct route where it applies, else the checked one. */
export async function appendToPostgres(
  pool: Pool,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  if (expected === 'no-stream' || typeof expected === 'number') {
    const written = await appendDirect(pool, streamName, events, expected);
    if (written) return written;
  }
  return appendChecked(pool, streamName, events, expected);
}

/** The direct route; null when it wrote nothing and the checked route must answer. */
async function appendDirect(
  pool: Pool,
  streamName: string,
  events: readonly NewEvent[],
  expected: 'no-stream' | number,
): Promise<AppendResult | null> {
  let row: DirectRow | undefined;
  try {
    row = (await pool.query<DirectRow>(directQuery(streamName, events, expected))).rows[0];
  } catch (error) {
    if (isKeyTaken(error)) return null;
    throw toAppendError(error, streamName, expected);
  }
  if (row?.last_position === null || row?.last_position === undefined) return null;
  const first = expected === 'no-stream' ? 0 : expected + 1;
  return { nextExpectedRevision: first + events.length - 1, position: BigInt(row.last_position) };
}

function directQuery(streamName: string, events: readonly NewEvent[], expected: 'no-stream' | number): QueryConfig {
  const [only] = events;
  if (expected === 'no-stream') {
    return events.length === 1 && only
      ? {
          name: 'aduan_event_store_insert_new_stream_one',
          text: INSERT_NEW_STREAM_ONE_SQL,
          values: [streamName, only.id, only.type, JSON.stringify(only.data), JSON.stringify(only.metadata)],
        }
      : {
          name: 'aduan_event_store_insert_new_stream',
          text: INSERT_NEW_STREAM_SQL,
          values: [streamName, ...columns(events)],
        };
  }
  return events.length === 1 && only
    ? {
        name: 'aduan_event_store_append_after_one',
        text: APPEND_AFTER_ONE_SQL,
        values: [streamName, expected, only.id, only.type, JSON.stringify(only.data), JSON.stringify(only.metadata)],
      }
    : {
        name: 'aduan_event_store_append_after',
        text: APPEND_AFTER_SQL,
        values: [streamName, expected, ...columns(events)],
      };
}

/** The checked route, run again in a new transaction if a stream's creation slipped past its head read. */
async function appendChecked(
  pool: Pool,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const [only] = events;
  const query: QueryConfig =
    events.length === 1 && only
      ? {
          name: 'aduan_event_store_append_one',
          text: APPEND_ONE_SQL,
          values: [
            streamName,
            String(expected),
            only.id,
            only.type,
            JSON.stringify(only.data),
            JSON.stringify(only.metadata),
          ],
        }
      : {
          name: 'aduan_event_store_append',
          text: APPEND_SQL,
          values: [streamName, String(expected), ...columns(events)],
        };
  for (let attempt = 1; ; attempt++) {
    let row: CheckedRow | undefined;
    try {
      row = (await pool.query<CheckedRow>(query)).rows[0];
    } catch (error) {
      if (isRevisionTaken(error) && attempt < CHECKED_ATTEMPTS) continue;
      throw toAppendError(error, streamName, expected);
    }
    if (!row) throw new Error(`aduan_append answered no row for stream ${streamName}`);
    return { nextExpectedRevision: Number(row.next_expected_revision), position: BigInt(row.last_position) };
  }
}

/** The events as the four parallel arrays the statements for several events take. */
function columns(events: readonly NewEvent[]): [string[], string[], string[], string[]] {
  return [
    events.map((event) => event.id),
    events.map((event) => event.type),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => JSON.stringify(event.metadata)),
  ];
}
