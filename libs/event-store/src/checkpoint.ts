import { START, type Checkpoint } from './event-store.port.js';

/**
 * Turns a checkpoint read back from storage (e.g. a projector's checkpoint column) into a Checkpoint.
 * The brand only says "came from a store": the adapter still validates it when reading.
 */
export function toCheckpoint(stored: string | null | undefined): Checkpoint {
  return (stored ?? START) as Checkpoint;
}

/** True for the place before the first event. */
export function isStart(checkpoint: Checkpoint): boolean {
  return checkpoint === START;
}
