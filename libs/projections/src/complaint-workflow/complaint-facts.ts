import { deadlinesOf, examinationOf, nextDeadlineCheck, workflowOf, type Complaint } from '#aduan/complaints';

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
  /** Whether the Ombudsman accepted the escalated report for examination; null until it decided. */
  readonly ombudsmanDecision: 'ACCEPTED' | 'REJECTED' | null;
  /** The Ombudsman issued at least one recommendation. */
  readonly recommended: boolean;
  /** Every recommendation issued was reported implemented (in time or late). */
  readonly recommendationImplemented: boolean;
  /** A recommendation's RECOMMENDATION deadline passed without the implementation report. */
  readonly recommendationOverdue: boolean;
  /** When the deadline scanner must look at the complaint next; null when no deadline runs. */
  readonly nextCheckAt: string | null;
}

export function complaintFactsOf(complaint: Complaint): ComplaintFacts {
  const workflow = workflowOf(complaint);
  const first = complaint.responses[0] ?? null;
  const recommendations = examinationOf(complaint)?.recommendations ?? [];
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
    ombudsmanDecision: examinationOf(complaint)?.decision ?? null,
    recommended: recommendations.length > 0,
    recommendationImplemented: recommendations.length > 0 && recommendations.every((r) => r.implementation !== null),
    recommendationOverdue: deadlinesOf(complaint).some((d) => d.kind === 'RECOMMENDATION' && d.status === 'BREACHED'),
    nextCheckAt: nextDeadlineCheck(complaint)?.toISOString() ?? null,
  };
}
