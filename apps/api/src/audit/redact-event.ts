import { toComplaintEvent, type Complaint, type ComplaintEvent } from '#aduan/complaints';
import type { RecordedEvent } from '#aduan/event-store';

/** A stored event decoded for readers: its data upcast to the current schema where the type is known. */
export interface ReadableEvent {
  readonly recorded: RecordedEvent;
  /** Null for a type this version does not know. */
  readonly decoded: ComplaintEvent | null;
}

export const readableEvents = (recorded: readonly RecordedEvent[]): ReadableEvent[] =>
  recorded.map((r) => ({
    recorded: r,
    decoded: toComplaintEvent({ type: r.type, schemaVersion: r.metadata.schemaVersion ?? 1, data: r.data }),
  }));

/**
 * An event as a caller must receive it, wherever histories are shown (GraphQL `complaintHistory` and
 * the JSON Lines exports): the data upcast; the access key's hash removed for everyone (it serves no
 * reader); and, when the caller may not see the reporter, the submit's contact and account id removed
 * and the reporter's own actions attributed to "redacted".
 */
export function redactEvent(
  { recorded, decoded }: ReadableEvent,
  complaint: Complaint,
  showReporter: boolean,
): RecordedEvent {
  const actor = recorded.metadata.actor;
  const revealsReporter = !showReporter && complaint.reporterId !== null && actor.id === complaint.reporterId;
  const data: Record<string, unknown> = { ...(decoded?.data ?? recorded.data) };
  if (recorded.type === 'ComplaintSubmitted') {
    delete data.accessKeyHash;
    if (!showReporter) Object.assign(data, { reporter: null, reporterId: null });
  }
  return {
    ...recorded,
    data,
    metadata: revealsReporter ? { ...recorded.metadata, actor: { ...actor, id: 'redacted' } } : recorded.metadata,
  };
}
