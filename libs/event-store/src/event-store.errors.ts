import type { ExpectedRevision } from './event-store.port.js';

/** An append's expectation about the stream did not hold: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or null when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(
      `Stream ${streamName}: expected ${typeof expected === 'number' ? `revision ${expected}` : expected}, ` +
        `but it is ${actual === null ? 'absent' : `at revision ${actual}`}`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** Events given to append were invalid (empty type, duplicate ids in one call, bad id format…). */
export class InvalidAppendError extends Error {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppendError';
  }
}

/**
 * A checkpoint given to readAll/subscribe was not made by this adapter (or was corrupted in storage).
 * Checkpoints are opaque per adapter, so one from another store type cannot be translated.
 */
export class InvalidCheckpointError extends Error {
  readonly code = 'INVALID_CHECKPOINT';
  constructor(readonly checkpoint: string) {
    super(`Not a checkpoint of this event store: ${JSON.stringify(checkpoint)}`);
    this.name = 'InvalidCheckpointError';
  }
}
