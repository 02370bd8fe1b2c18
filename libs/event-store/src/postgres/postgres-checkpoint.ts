import { InvalidCheckpointError } from '../event-store.errors.js';
import { START, type Checkpoint } from '../event-store.port.js';

/**
 * A place in the PostgreSQL adapter's global order, which is (transaction id, position) and not the
 * position alone: a transaction that took a lower position can commit after a higher one.
 * Both parts stay decimal strings because xid8 is an unsigned 64-bit integer.
 */
export interface PostgresCheckpoint {
  readonly transactionId: string;
  readonly position: string;
}

/** Before every event: real transaction ids start at 3 and positions at 1. */
const BEFORE_ALL: PostgresCheckpoint = { transactionId: '0', position: '0' };
const FORMAT = /^(\d{1,20}):(\d{1,19})$/;

/** Encodes as `"<xid8>:<position>"`. */
export function encodePostgresCheckpoint(transactionId: string, position: bigint | number | string): Checkpoint {
  return `${transactionId}:${position}` as Checkpoint;
}

/** @throws InvalidCheckpointError for anything encodePostgresCheckpoint did not make (START aside). */
export function decodePostgresCheckpoint(checkpoint: Checkpoint): PostgresCheckpoint {
  if (checkpoint === START) return BEFORE_ALL;
  const match = typeof checkpoint === 'string' ? FORMAT.exec(checkpoint) : null;
  if (!match) throw new InvalidCheckpointError(String(checkpoint));
  return { transactionId: match[1]!, position: match[2]! };
}
