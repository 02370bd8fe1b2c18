import { START as CLIENT_START, type Position } from '@kurrent/kurrentdb-client';
import { InvalidCheckpointError } from '../event-store.errors.js';
import { START, type Checkpoint } from '../event-store.port.js';

/** Where a read of KurrentDB's `$all` begins: the very start, or a `{ commit, prepare }` log position. */
export type AllPosition = typeof CLIENT_START | Position;

/**
 * `kurrentdb:` first: the PostgreSQL adapter's checkpoints are also two decimals joined by a colon, and a
 * projector moved to another store must be refused its old checkpoint, not resumed at a meaningless place.
 * Canonical unsigned decimals only, so one position has exactly one checkpoint string.
 */
const PREFIX = 'kurrentdb:';
const FORMAT = /^kurrentdb:(0|[1-9]\d*):(0|[1-9]\d*)$/;
const MAX_U64 = (1n << 64n) - 1n;

/**
 * Encodes a `$all` position as the port's opaque checkpoint: `"kurrentdb:<commit>:<prepare>"` in decimal.
 * Both halves are kept because events written by the legacy TCP transactions share a commit position and
 * differ only by prepare position; decimal strings keep the full unsigned 64-bit range that `number` loses.
 */
export function encodeCheckpoint(position: Position): Checkpoint {
  if (!isU64(position.commit) || !isU64(position.prepare)) {
    throw new RangeError(`KurrentDB positions are unsigned 64-bit, got ${position.commit}:${position.prepare}`);
  }
  return `${PREFIX}${position.commit}:${position.prepare}` as Checkpoint;
}

/**
 * Reads a checkpoint made by {@link encodeCheckpoint}; the port's START (`''`) means the start of `$all`.
 * Anything else (e.g. a checkpoint made by the PostgreSQL adapter) is refused rather than guessed at.
 * @throws InvalidCheckpointError
 */
export function decodeCheckpoint(checkpoint: Checkpoint): AllPosition {
  if (checkpoint === START) return CLIENT_START;
  const match = FORMAT.exec(checkpoint);
  if (!match) throw new InvalidCheckpointError(checkpoint);
  const position = { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
  if (!isU64(position.commit) || !isU64(position.prepare)) throw new InvalidCheckpointError(checkpoint);
  return position;
}

function isU64(value: bigint): boolean {
  return value >= 0n && value <= MAX_U64;
}

/** Orders two `$all` positions the way the log does: by commit position, then by prepare position. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** True when an event at `position` comes after `from`, i.e. has not been read by whoever holds `from`. */
export function isAfter(position: Position, from: AllPosition): boolean {
  return from === CLIENT_START || comparePositions(position, from) > 0;
}
