import { toComplaintEvent, type Complaint, type ComplaintEvent } from '#aduan/complaints';
import type { RecordedEvent } from '#aduan/event-store';
import type { ContactView } from '#aduan/reporter-vault';

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
 *
 * The submit's `reporter` is never passed on as stored: sealed (v2) it would name the reporter's key,
 * which links an account's complaints; in clear (v1) it would outlive an erasure. Callers who may see
 * the reporter get `contact`, opened from the complaint as it stands now (`{ name, email, phone }`,
 * "[erased]" after an erasure); everyone else gets null.
 */
export function redactEvent(
  { recorded, decoded }: ReadableEvent,
  complaint: Complaint,
  showReporter: boolean,
  contact: ContactView | null,
): RecordedEvent {
  const actor = recorded.metadata.actor;
  const revealsReporter = !showReporter && complaint.reporterId !== null && actor.id === complaint.reporterId;
  const data: Record<string, unknown> = { ...(decoded?.data ?? recorded.data) };
  if (recorded.type === 'ComplaintSubmitted') {
    delete data.accessKeyHash;
    const shown = showReporter && contact ? { name: contact.name, email: contact.email, phone: contact.phone } : null;
    Object.assign(data, { reporter: shown }, showReporter ? {} : { reporterId: null });
  }
  return {
    ...recorded,
    data,
    metadata: revealsReporter ? { ...recorded.metadata, actor: { ...actor, id: 'redacted' } } : recorded.metadata,
  };
}
