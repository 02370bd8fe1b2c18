import pg from 'pg';
import { InvalidAppendError, InvalidCheckpointError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { SQLSTATE } from './postgres-event-store.schema.js';

/**
 * Translates what the append statements raise into the port's errors; anything else (connection refused,
 * missing table…) is returned unchanged so callers see PostgreSQL's own diagnosis.
 */
export function toAppendError(error: unknown, streamName: string, expected: ExpectedRevision): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  switch (error.code) {
    case SQLSTATE.wrongExpectedRevision:
      return new WrongExpectedRevisionError(
        streamName,
        expected,
        error.detail === undefined || error.detail === 'absent' ? null : Number(error.detail),
      );
    case SQLSTATE.conflictingEventIds:
      return new InvalidAppendError(error.message);
    case UNIQUE_VIOLATION: // two appends raced to store one id in different streams
      return error.constraint === 'events_event_id_key'
        ? new InvalidAppendError(
            `Stream ${streamName}: an event id is being stored in another stream (${error.detail})`,
          )
        : error;
    default:
      return error;
  }
}

const UNIQUE_VIOLATION = '23505';

/**
 * Whether a write was refused because another append already stored one of its revisions or ids
 * (committed: an insert meeting a key of a running transaction waits for its outcome).
 */
export function isKeyTaken(error: unknown): boolean {
  return (
    error instanceof pg.DatabaseError &&
    error.code === UNIQUE_VIOLATION &&
    (error.constraint === 'events_stream_revision_key' || error.constraint === 'events_event_id_key')
  );
}

/** Whether a write was refused because another append already stored one of its revisions. */
export function isRevisionTaken(error: unknown): boolean {
  return (
    error instanceof pg.DatabaseError &&
    error.code === UNIQUE_VIOLATION &&
    error.constraint === 'events_stream_revision_key'
  );
}

/**
 * SQLSTATE classes worth retrying: connection exception, transaction rollback (serialization,
 * deadlock), insufficient resources, operator intervention (shutdown, cancel), system error.
 */
const TRANSIENT_SQLSTATE_CLASSES: ReadonlySet<string> = new Set(['08', '40', '53', '57', '58']);

/**
 * Whether a subscription should retry a failed read. Errors PostgreSQL answered are judged by class;
 * errors without an answer (socket reset, connect timeout, "Connection terminated") are network
 * trouble and retried; caller bugs and a pool that was ended are not.
 */
export function isTransientPostgresError(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return TRANSIENT_SQLSTATE_CLASSES.has(String(error.code).slice(0, 2));
  if (error instanceof InvalidCheckpointError || error instanceof RangeError || error instanceof TypeError)
    return false;
  if (error instanceof Error && /after calling end on the pool/i.test(error.message)) return false;
  return true;
}
