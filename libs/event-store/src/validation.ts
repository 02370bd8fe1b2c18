import { InvalidAppendError } from './event-store.errors.js';
import type { ExpectedRevision, NewEvent } from './event-store.port.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXPECTED_STATES: readonly string[] = ['any', 'no-stream', 'stream-exists'];

/**
 * Checks an append's arguments before any I/O, so every adapter rejects the same mistakes the same way.
 * Ids come back lower-cased: stores answer UUIDs in lower case, and idempotency compares ids, so
 * `ABC…` and `abc…` must be the same event.
 * @throws InvalidAppendError
 */
export function validateAppend(
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): readonly NewEvent[] {
  if (typeof streamName !== 'string' || streamName.length === 0) {
    throw new InvalidAppendError('Stream name must be a non-empty string');
  }
  if (!isExpectedRevision(expected)) {
    throw new InvalidAppendError(`Stream ${streamName}: invalid expected revision ${String(expected)}`);
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidAppendError(`Stream ${streamName}: an append needs at least one event`);
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const where = `Stream ${streamName}, event #${index}`;
    if (typeof event.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidAppendError(`${where}: id ${JSON.stringify(event.id)} is not a UUID`);
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidAppendError(`${where}: id ${id} appears twice in one append`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.trim().length === 0) {
      throw new InvalidAppendError(`${where}: type must be a non-empty string`);
    }
    if (!isPlainObject(event.data)) throw new InvalidAppendError(`${where}: data must be an object`);
    if (!isPlainObject(event.metadata)) throw new InvalidAppendError(`${where}: metadata must be an object`);
    return id === event.id ? event : { ...event, id };
  });
}

function isExpectedRevision(expected: unknown): expected is ExpectedRevision {
  return typeof expected === 'number'
    ? Number.isSafeInteger(expected) && expected >= 0
    : typeof expected === 'string' && EXPECTED_STATES.includes(expected);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** @throws RangeError: a negative or fractional revision is a caller's bug, not a store state. */
export function assertFromRevision(fromRevision: number): void {
  if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
    throw new RangeError(`fromRevision must be a non-negative integer, got ${fromRevision}`);
  }
}

/** @throws RangeError */
export function assertBatchSize(batchSize: number): void {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
}
