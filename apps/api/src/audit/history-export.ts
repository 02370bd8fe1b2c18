import { canSeeReporter, type OfficerScope } from '../complaints/complaint-access.js';
import { complaintStreamName, replay, toComplaintEvent, type Complaint, type ComplaintEvent } from '#aduan/complaints';
import type { EventStore, RecordedEvent } from '#aduan/event-store';
import type { Caller } from '#aduan/identity';
import { contactToOpen, type ReporterIdentities } from '#aduan/reporter-vault';
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

const decodeAll = (events: readonly RecordedEvent[]): ComplaintEvent[] =>
  events.flatMap((e) => {
    const decoded = toComplaintEvent({ type: e.type, schemaVersion: e.metadata.schemaVersion ?? 1, data: e.data });
    return decoded ? [decoded] : [];
  });

/**
 * One complaint's history as JSON Lines, redacted for the caller by the same function as GraphQL's
 * `complaintHistory`, with the caller's visibility scope (a supervising officer sees sub-units'
 * complaints). Streams hold tens of events, so one stream is read at a time; a whole agency's export
 * never holds more than one complaint in memory.
 */
export async function* complaintHistoryLines(
  store: EventStore,
  identities: ReporterIdentities,
  complaintId: string,
  caller: Caller,
  scope: OfficerScope,
  canView: (complaint: Complaint) => boolean,
): AsyncGenerator<string> {
  const events = await store.readStream(complaintStreamName(complaintId));
  const decoded = decodeAll(events);
  const state = replay(decoded);
  const complaint = state.status === 'NONE' ? null : state;
  if (!complaint || !canView(complaint)) return;
  const showReporter = canSeeReporter(caller, complaint, scope);
  const [contact = null] = showReporter ? await identities.open([contactToOpen(complaint, decoded)]) : [];
  // Lines keep the data as stored (each names its schemaVersion), not upcast, so they match the store;
  // only the submit's contact is replaced, by the opened one or null (redactEvent).
  for (const recorded of events) {
    yield exportLine(redactEvent({ recorded, decoded: null }, complaint, showReporter, contact));
  }
}
