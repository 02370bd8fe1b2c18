import { canSeeReporter, type OfficerScope } from '../complaints/complaint-access.js';
import { complaintStreamName, replay, toComplaintEvent, type Complaint } from '#aduan/complaints';
import type { EventStore, RecordedEvent } from '#aduan/event-store';
import type { Caller } from '#aduan/identity';
import { redactEvent } from './redact-event.js';

/** One JSON Lines record: an event with its metadata and place in the store. */
export function exportLine(event: RecordedEvent): string {
  return `${JSON.stringify({
    complaintId: event.streamName.replace(/^complaint-/, ''),
    streamName: event.streamName,
    revision: event.revision,
    position: event.position.toString(),
    eventId: event.id,
    type: event.type,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    schemaVersion: event.metadata.schemaVersion,
    hash: event.metadata.hash ?? null,
    previousHash: event.metadata.previousHash ?? null,
    data: event.data,
  })}\n`;
}

export function complaintOf(events: readonly RecordedEvent[]): Complaint | null {
  const state = replay(
    events.flatMap((e) => {
      const decoded = toComplaintEvent({ type: e.type, schemaVersion: e.metadata.schemaVersion ?? 1, data: e.data });
      return decoded ? [decoded] : [];
    }),
  );
  return state.status === 'NONE' ? null : state;
}

/**
 * One complaint's history as JSON Lines, redacted for the caller by the same function as GraphQL's
 * `complaintHistory`, with the caller's visibility scope (a supervising officer sees sub-units'
 * complaints). Streams hold tens of events, so one stream is read at a time; a whole agency's export
 * never holds more than one complaint in memory.
 */
export async function* complaintHistoryLines(
  store: EventStore,
  complaintId: string,
  caller: Caller,
  scope: OfficerScope,
  canView: (complaint: Complaint) => boolean,
): AsyncGenerator<string> {
  const events = await store.readStream(complaintStreamName(complaintId));
  const complaint = complaintOf(events);
  if (!complaint || !canView(complaint)) return;
  const showReporter = canSeeReporter(caller, complaint, scope);
  // Lines keep the data as stored (each names its schemaVersion), not upcast, so they match the store.
  for (const recorded of events) yield exportLine(redactEvent({ recorded, decoded: null }, complaint, showReporter));
}
