import { deadlinesOf, nextDeadlineCheck, workflowOf, type Complaint } from '#aduan/complaints';

/**
 * What statistics count about one complaint, derived from its state alone, so the read model and a
 * replay of the store cannot disagree. A complaint counts for the agency holding it (the last one
 * assigned), or for national triage (null) while none has; its period is the month of receipt.
 */
export interface ComplaintFacts {
  readonly complaintId: string;
  readonly agencyCode: string | null;
  readonly category: string | null;
  readonly complaintType: string;
  readonly channel: string;
  readonly status: string;
  readonly priority: string;
  readonly receivedAt: string;
  readonly verifiedAt: string | null;
  readonly firstResponseAt: string | null;
  /** Seconds from receipt to the first answer. */
  readonly responseSeconds: number | null;
  readonly respondedOnTime: boolean | null;
  /** A RESPONSE deadline passed without an answer (answered late, escalated by the system, or breached). */
  readonly missedResponseDeadline: boolean;
  readonly escalated: boolean;
  readonly sanctionCount: number;
  /** The reporter's latest satisfaction rating, 1–5. */
  readonly rating: number | null;
  /** When the deadline scanner must look at the complaint next; null when no deadline runs. */
  readonly nextCheckAt: string | null;
}

export function complaintFactsOf(complaint: Complaint): ComplaintFacts {
  const workflow = workflowOf(complaint);
  const first = complaint.responses[0] ?? null;
  return {
    complaintId: complaint.id,
    agencyCode: complaint.assignedAgencyCode ?? complaint.assignmentTrail.at(-1) ?? null,
    category: workflow.category,
    complaintType: complaint.complaintType,
    channel: complaint.channel,
    status: complaint.status,
    priority: workflow.priority,
    receivedAt: complaint.submittedAt,
    verifiedAt: workflow.verifiedAt,
    firstResponseAt: first?.respondedAt ?? null,
    responseSeconds: first ? (Date.parse(first.respondedAt) - Date.parse(complaint.submittedAt)) / 1000 : null,
    respondedOnTime: first?.onTime ?? null,
    missedResponseDeadline: deadlinesOf(complaint).some((d) => d.kind === 'RESPONSE' && d.status === 'BREACHED'),
    escalated: complaint.escalation !== null,
    sanctionCount: complaint.sanctions.length,
    rating: workflow.rating?.rating ?? null,
    nextCheckAt: nextDeadlineCheck(complaint)?.toISOString() ?? null,
  };
}
