import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../event-store.port.js';

/** Translates the port's expectation into the client's `streamState` append option. */
export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`Expected revision must be a non-negative integer, got ${expected}`);
      }
      return BigInt(expected);
  }
}

/** Translates the client's `streamState` (as found on its WrongExpectedVersionError) back to the port's terms. */
export function fromStreamState(state: AppendStreamState): ExpectedRevision {
  switch (state) {
    case ANY:
      return 'any';
    case NO_STREAM:
      return 'no-stream';
    case STREAM_EXISTS:
      return 'stream-exists';
    default:
      return revisionToNumber(state);
  }
}

/**
 * A stream revision as the port's `number`. Stream revisions are event counts, far below 2^53 in practice;
 * a larger one is refused rather than silently rounded.
 */
export function revisionToNumber(revision: bigint): number {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Stream revision ${revision} does not fit the port's revision range`);
  }
  return Number(revision);
}
