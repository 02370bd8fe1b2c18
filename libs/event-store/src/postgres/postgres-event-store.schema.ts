import type { Pool } from '#aduan/postgres';

/** SQLSTATEs raised by aduan_append; class "AD" is unused by PostgreSQL. */
export const SQLSTATE = {
  /** DETAIL holds the stream's actual revision, or "absent". */
  wrongExpectedRevision: 'AD001',
  /** Some ids are stored, but not as this exact append to this stream. */
  conflictingEventIds: 'AD002',
} as const;

/** First key of the per-stream append locks ("adua" in ASCII); the second is the stream name's hash. */
const STREAM_LOCK_CLASS = 1633973601;

/** Key of the transaction-scoped advisory lock that serialises migrations ("aduan-es" in ASCII). */
const MIGRATION_LOCK_KEY = '7017863180670821747';

/**
 * The event store's table and append function. Every statement is idempotent, so migrate() can run
 * on every start, and it upgrades a store made by earlier code in place (see the upgrade block).
 * Design:
 * - `events.position` is a global sequence; it is assigned at insert, not at commit, so positions
 *   alone have holes that fill late. `transaction_id` (xid8) lets readers order by transaction and
 *   stop below the oldest transaction still running (see readAll), which never skips a late commit.
 *   `(transaction_id, position)` is the primary key: the one index that serves that read, and unique
 *   because positions are.
 * - A stream's head is its last event, found through the `(stream_name, stream_revision)` key.
 *   Appends to an existing stream are serialised by an advisory lock on the stream name (see
 *   aduan_append and aduan_append_after), so the head read under that lock is final; only a stream's
 *   creation by a direct 'no-stream' insert skips it (see postgres-append.ts for why that is safe).
 *   Each event is one row and three index entries.
 */
export const EVENT_STORE_DDL = /* sql */ `
CREATE TABLE IF NOT EXISTS events (
  position        bigint GENERATED ALWAYS AS IDENTITY,
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  stream_name     text        NOT NULL,
  stream_revision bigint      NOT NULL,
  event_id        uuid        NOT NULL,
  event_type      text        NOT NULL,
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT events_pkey PRIMARY KEY (transaction_id, position),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_name, stream_revision),
  CONSTRAINT events_stream_revision_check CHECK (stream_revision >= 0),
  CONSTRAINT events_event_type_check CHECK (event_type <> '')
);

-- Upgrade of a store made by the first schema: its primary key was (position) beside a plain index on
-- (transaction_id, position), and a table streams kept each stream's head revision (one more row and
-- index entry per append, now read from events instead). Rows and their order are untouched.
DO $upgrade$
BEGIN
  IF EXISTS (SELECT FROM pg_index WHERE indrelid = 'events'::regclass AND indisprimary AND indnatts = 1) THEN
    CREATE UNIQUE INDEX events_pkey_upgrade ON events (transaction_id, position);
    ALTER TABLE events DROP CONSTRAINT events_pkey;
    ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey_upgrade;
  END IF;
  DROP INDEX IF EXISTS events_transaction_id_position_idx;
  -- Only the first schema's own head table (its key and two columns), never another table of that name.
  IF EXISTS (SELECT FROM pg_constraint WHERE conname = 'streams_pkey' AND conrelid = to_regclass('streams'))
     AND (SELECT array_agg(attname::text ORDER BY attnum) FROM pg_attribute
           WHERE attrelid = to_regclass('streams') AND attnum > 0 AND NOT attisdropped) = ARRAY['stream_name', 'revision'] THEN
    DROP TABLE streams;
  END IF;
END
$upgrade$;

CREATE OR REPLACE FUNCTION aduan_append(
  p_stream   text,
  p_expected text,     -- 'any' | 'no-stream' | 'stream-exists' | a revision in decimal
  p_ids      uuid[],
  p_types    text[],
  p_data     jsonb[],
  p_metadata jsonb[]
) RETURNS TABLE (next_expected_revision bigint, last_position bigint)
-- Every lookup here has an index. Plans are cached per connection from the table's statistics at
-- the time: on a young store they are sequential scans, which each append then keeps paying for as
-- the table grows until autovacuum analyzes it (measured: 0.8 ms instead of 0.25 ms per append after
-- the first 6,000 events). Forbidding sequential scans keeps every append at index cost.
LANGUAGE plpgsql SET enable_seqscan = off AS $fn$
DECLARE
  v_count     int := cardinality(p_ids);
  v_current   bigint;
  v_found     int;
  v_same      boolean;
  v_last_rev  bigint;
  v_last_pos  bigint;
  v_mismatch  boolean;
  v_known     boolean;
BEGIN
  IF v_count IS NULL OR v_count = 0
     OR cardinality(p_types) IS DISTINCT FROM v_count
     OR cardinality(p_data) IS DISTINCT FROM v_count
     OR cardinality(p_metadata) IS DISTINCT FROM v_count THEN
    RAISE EXCEPTION 'aduan_append: ids, types, data and metadata must be non-empty arrays of one length'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  -- 1. Serialise appends to this stream, before this transaction writes anything. Readers order by
  --    transaction id, so the writer of revision n+1 must get a larger id than the writer of n.
  --    Queued on a row lock (SELECT ... FOR UPDATE, ON CONFLICT DO UPDATE), a waiter can be given
  --    its id while still waiting, and commit after an appender with a larger id: revisions then
  --    come out of order (seen under load). An advisory lock needs no id: ours is assigned by the
  --    first write below, after the previous appender of this stream committed.
  --    Two-key form: its key space is apart from single-bigint advisory locks used elsewhere.
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION 'aduan_append must be the first write of its transaction, or events could be read out of order'
      USING ERRCODE = 'invalid_transaction_state';
  END IF;
  PERFORM pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext(p_stream));

  -- 2. Idempotency before the expectation: a retry of a committed append answers its first result,
  --    even though its expectation no longer holds. Done under the lock, so a retry racing its own
  --    uncommitted original waits for it and then finds it, instead of failing. The head and whether
  --    any id is already stored are read in one statement; the full comparison runs only then.
  SELECT coalesce((SELECT max(h.stream_revision) FROM events h WHERE h.stream_name = p_stream), -1),
         EXISTS (SELECT FROM events e WHERE e.event_id = ANY (p_ids))
    INTO v_current, v_known;
  IF v_known THEN
    SELECT count(*),
           coalesce(bool_and(e.stream_name = p_stream), false)
             AND count(DISTINCT e.stream_revision - g.n) = 1,
           max(e.stream_revision),
           max(e.position)
      INTO v_found, v_same, v_last_rev, v_last_pos
      FROM unnest(p_ids) WITH ORDINALITY AS g(id, n)
      JOIN events e ON e.event_id = g.id;
    IF v_found = v_count AND v_same THEN
      next_expected_revision := v_last_rev;
      last_position := v_last_pos;
      RETURN NEXT;
      RETURN;
    END IF;
    RAISE EXCEPTION 'Stream %: % of % event ids are already stored elsewhere or at other revisions; a retry must repeat the original append exactly',
      p_stream, v_found, v_count
      USING ERRCODE = '${SQLSTATE.conflictingEventIds}';
  END IF;

  -- 3. The expectation, checked against the head read under the lock (-1 = no stream).
  v_mismatch := CASE p_expected
                  WHEN 'any' THEN false
                  WHEN 'no-stream' THEN v_current >= 0
                  WHEN 'stream-exists' THEN v_current < 0
                  ELSE v_current <> p_expected::bigint
                END;
  IF v_mismatch THEN
    RAISE EXCEPTION 'Stream %: expected %, actual %', p_stream, p_expected,
      CASE WHEN v_current < 0 THEN 'absent' ELSE v_current::text END
      USING ERRCODE = '${SQLSTATE.wrongExpectedRevision}',
            DETAIL = CASE WHEN v_current < 0 THEN 'absent' ELSE v_current::text END;
  END IF;

  -- 4. Write. One event (what the API appends) is a plain INSERT … VALUES; several go through
  --    unnest, whose identity values follow the ORDER BY, so positions rise with revisions. Under
  --    the lock the head read above is final, so the revisions cannot collide.
  IF v_count = 1 THEN
    INSERT INTO events (stream_name, stream_revision, event_id, event_type, data, metadata)
    VALUES (p_stream, v_current + 1, p_ids[1], p_types[1], p_data[1], p_metadata[1])
    RETURNING position INTO v_last_pos;
  ELSE
    WITH inserted AS (
      INSERT INTO events (stream_name, stream_revision, event_id, event_type, data, metadata)
      SELECT p_stream, v_current + g.n, g.id, g.type, g.data, g.metadata
        FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS g(id, type, data, metadata, n)
       ORDER BY g.n
      RETURNING position
    )
    SELECT max(position) INTO v_last_pos FROM inserted;
  END IF;
  next_expected_revision := v_current + v_count;
  last_position := v_last_pos;
  RETURN NEXT;
END
$fn$;

-- The append at an exact expected revision without aduan_append's checks: under the same stream lock,
-- it writes the events after revision p_after when that revision is stored, and the unique keys refuse
-- the write when a later revision or one of the ids is. It answers the positions written, none when
-- it wrote nothing; a refusal by a key is an error. Either way the caller then asks aduan_append,
-- which gives the exact answer (the retry's first result, the actual revision, conflicting ids). The
-- lock is taken before the transaction has an id, as in aduan_append, and the head probe is the
-- statement after it, so its snapshot sees the previous holder's commit. The probe is uncorrelated,
-- so it runs once, before the first row is written; inside it, a transaction that already has an id
-- (and could order its events before the head's) writes nothing. SQL, not PL/pgSQL: that
-- interpreter's cost is what this saves; the SET clause keeps the probe on the index (see
-- aduan_append). One event (what the API appends) takes scalars, which spare the unnest.
CREATE OR REPLACE FUNCTION aduan_append_after(
  p_stream   text,
  p_after    bigint,
  p_id       uuid,
  p_type     text,
  p_data     jsonb,
  p_metadata jsonb
) RETURNS SETOF bigint
LANGUAGE sql SET enable_seqscan = off AS $fn$
  SELECT pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext(p_stream));
  INSERT INTO events (stream_name, stream_revision, event_id, event_type, data, metadata)
  SELECT p_stream, p_after + 1, p_id, p_type, p_data, p_metadata
   WHERE EXISTS (SELECT FROM events h
                  WHERE h.stream_name = p_stream AND h.stream_revision = p_after
                    AND pg_current_xact_id_if_assigned() IS NULL)
  RETURNING position;
$fn$;

CREATE OR REPLACE FUNCTION aduan_append_after(
  p_stream   text,
  p_after    bigint,
  p_ids      uuid[],
  p_types    text[],
  p_data     jsonb[],
  p_metadata jsonb[]
) RETURNS SETOF bigint
LANGUAGE sql SET enable_seqscan = off AS $fn$
  SELECT pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext(p_stream));
  INSERT INTO events (stream_name, stream_revision, event_id, event_type, data, metadata)
  SELECT p_stream, p_after + g.n, g.id, g.type, g.data, g.metadata
    FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS g(id, type, data, metadata, n)
   WHERE EXISTS (SELECT FROM events h
                  WHERE h.stream_name = p_stream AND h.stream_revision = p_after
                    AND pg_current_xact_id_if_assigned() IS NULL)
   ORDER BY g.n
  RETURNING position;
$fn$;
`;

/**
 * Creates or updates the schema. Safe to run concurrently from several processes: the advisory lock
 * makes them take turns (concurrent CREATE ... IF NOT EXISTS can otherwise still collide).
 */
export async function migrateEventStore(pool: Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    await client.query(EVENT_STORE_DDL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    // A client whose rollback failed may still be mid-transaction; giving release the error discards it.
    client.release(broken);
  }
}
