import {
  jsonEvent,
  type AllStreamResolvedEvent,
  type EventData,
  type Position,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, NewEvent, RecordedEvent } from '../event-store.port.js';
import { encodeCheckpoint } from './checkpoint.js';
import { revisionToNumber } from './expected-revision.js';

/**
 * KurrentDB's reserved metadata names for correlation and causation. Storing the ids under these names lets
 * the server's own tooling (the `$by_correlation_id` projection, the web UI) follow a conversation.
 */
export const CORRELATION_ID = '$correlationId';
export const CAUSATION_ID = '$causationId';

/** What KurrentDB stores as an Aduan event's metadata: the port's metadata with the ids renamed. */
export interface StoredMetadata extends Omit<EventMetadata, 'correlationId' | 'causationId'> {
  readonly [CORRELATION_ID]: string;
  readonly [CAUSATION_ID]: string;
}

/** The client's event to append for a port event: JSON data, the writer's id, renamed metadata ids. */
export function toEventData(event: NewEvent): EventData {
  const { correlationId, causationId, ...rest } = event.metadata;
  const metadata: StoredMetadata = { ...rest, [CORRELATION_ID]: correlationId, [CAUSATION_ID]: causationId };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: { ...metadata } });
}

/**
 * The port's metadata for what KurrentDB returned, with the reserved names turned back into the port's keys.
 * Metadata without them (written by another tool, or by a writer that left the ids out) is returned as it is,
 * as the other adapters would: refusing it here would make every `$all` read past that event fail.
 */
export function toEventMetadata(stored: unknown, where: string): EventMetadata {
  if (stored === undefined) return {} as EventMetadata;
  if (!isJsonObject(stored)) throw new TypeError(`${where} has metadata that is not a JSON object`);
  const { [CORRELATION_ID]: correlationId, [CAUSATION_ID]: causationId, ...rest } = stored;
  return {
    ...rest,
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
  } as EventMetadata;
}

/**
 * The port's recorded event for one the client read from a stream, `$all` or a subscription.
 * `position` is the commit position (unique per event outside legacy TCP transactions); the checkpoint keeps
 * commit and prepare. Events whose data is not a JSON object are refused loudly: skipping one silently would
 * leave a read model wrong with no trace.
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent {
  const event = resolved.event;
  if (!event) throw new TypeError('KurrentDB returned a link to a deleted event; Aduan reads no links');
  const where = `Event ${event.id} at ${event.streamId}@${event.revision}`;
  if (!event.isJson || !isJsonObject(event.data)) throw new TypeError(`${where} is not a JSON object event`);
  const position = eventPosition(resolved);
  if (!position) throw new TypeError(`${where} came without its $all position (KurrentDB 22.6 or later is needed)`);
  return {
    streamName: event.streamId,
    id: event.id,
    type: event.type,
    revision: revisionToNumber(event.revision),
    position: position.commit,
    checkpoint: encodeCheckpoint(position),
    recordedAt: event.created,
    data: event.data,
    metadata: toEventMetadata(event.metadata, where),
  };
}

/**
 * The event's `$all` position. Reads of `$all` always carry it; stream reads carry it on servers since 22.6.
 * The resolved event's commit position is the fallback: outside legacy transactions commit = prepare.
 */
export function eventPosition(resolved: ResolvedEvent | AllStreamResolvedEvent): Position | undefined {
  if (resolved.event?.position) return resolved.event.position;
  if (resolved.commitPosition !== undefined)
    return { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  return undefined;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
