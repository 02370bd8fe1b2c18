import {
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  NO_STREAM,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
  type CurrentStreamState,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import type { ExpectedRevision } from '../event-store.port.js';
import { fromStreamState, revisionToNumber } from './expected-revision.js';

/**
 * gRPC status codes (fixed by the gRPC spec) that mean "this call failed, the next one may not": the node went
 * away, the call timed out, the server cancelled it (shutdown, leader change) or aborted it.
 */
const TRANSIENT_GRPC_CODES: ReadonlySet<number> = new Set([
  1, // CANCELLED — never our own cancellation: the client swallows "Cancelled on client"
  4, // DEADLINE_EXCEEDED
  10, // ABORTED
  14, // UNAVAILABLE
]);

/**
 * The port's revision conflict for the client's WrongExpectedVersionError.
 * `expected` is what the caller asked for, when known: the adapter sometimes sends a sharper expectation
 * than the caller's (an exact revision for 'any'), and the caller should see its own words back.
 */
export function toWrongExpectedRevision(
  error: WrongExpectedVersionError,
  expected: ExpectedRevision = fromStreamState(error.expectedState),
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(error.streamName, expected, actualRevision(error.actualState));
}

/**
 * The revision of a stream's last event, or null when it has none: the client says `no_stream`, and
 * negative revisions stand for deleted (-5) or tombstoned (-6) streams, which have no readable last event.
 */
export function actualRevision(state: CurrentStreamState): number | null {
  if (state === NO_STREAM || state < 0n) return null;
  return revisionToNumber(state);
}

/** Reading a stream that was never written (or was deleted) raises this; the port reads it as empty. */
export function isStreamNotFound(error: unknown): error is StreamNotFoundError {
  return error instanceof StreamNotFoundError;
}

/**
 * Whether retrying the same call later can succeed: a dropped connection, an unreachable or restarting node,
 * a timeout, or a follower answering a leader-only call. Conflicts, access denial and bad input are not.
 * The client reports some of these as its own error classes and some (the gRPC append path) as raw gRPC
 * errors carrying only a numeric `code`, so both are recognised.
 */
export function isTransient(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError
  ) {
    return true;
  }
  if (error instanceof WrongExpectedVersionError || error instanceof StreamNotFoundError) return false;
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code);
}
