import type { Complaint } from '#aduan/complaints';
import type { RecordedEvent } from '#aduan/event-store';

/**
 * An event as a caller who may not see the reporter must receive it: the submit's contact and
 * account id removed, and the reporter's own actions attributed to "redacted".
 */
export function redactReporter(event: RecordedEvent, complaint: Complaint): RecordedEvent {
  const actor = event.metadata.actor;
  const reporterActed = complaint.reporterId !== null && actor.id === complaint.reporterId;
  const data = event.type === 'ComplaintSubmitted' ? { ...event.data, reporter: null, reporterId: null } : event.data;
  return {
    ...event,
    data,
    metadata: reporterActed ? { ...event.metadata, actor: { ...actor, id: 'redacted' } } : event.metadata,
  };
}
