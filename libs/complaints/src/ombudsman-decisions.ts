import type { CommandActor } from './actor.js';
import type {
  ComplaintConcluded,
  ComplaintFieldCheckOrdered,
  ComplaintSanctionRemedied,
} from './complaint-workflow.events.js';
import { InvalidComplaintTransition } from './complaint.errors.js';
import { deadlinesOf, workflowOf, type ComplaintState } from './complaint.js';
import { openDeadline, openWindow, type DeadlineSchedule } from './deadlines.js';
import { awaitedRecommendationOf, examinationOf, requireOmbudsmanOffice } from './ombudsman-examination.js';
import type { OmbudsmanOffice } from './ombudsman.js';
import { oneOf, requiredText } from './validation.js';
import { existing } from './workflow-rules.js';
import { CONCLUSION_FINDINGS, type ConclusionFinding } from './workflow.js';

export interface ConcludeComplaint {
  readonly complaintId: string;
  readonly finding: ConclusionFinding | string;
  /** 5–2000 characters. */
  readonly reason: string;
  readonly actor: CommandActor;
  /** The office the Ombudsman acts for (from the caller's token); null for callers who are not the Ombudsman. */
  readonly office: OmbudsmanOffice | null;
  readonly now: Date;
}

/**
 * The Ombudsman settles an escalated complaint without a sanction (no maladministration, or resolved) and
 * closes it. After a recommendation it finds maladministration, so NO_MALADMINISTRATION is refused, and
 * it is RESOLVED only once the recommendation's implementation is reported.
 */
export function concludeComplaint(command: ConcludeComplaint, state: ComplaintState): ComplaintConcluded {
  const complaint = existing(state, command.complaintId);
  requireOmbudsmanOffice(command.actor, command.office, complaint, 'conclude a complaint');
  if (complaint.status !== 'ESCALATED') {
    throw new InvalidComplaintTransition(
      'conclude',
      complaint.status,
      complaint.status === 'SANCTIONED'
        ? 'a sanctioned complaint stays open for further tiers'
        : 'only an escalated complaint is concluded',
    );
  }
  const finding = oneOf('finding', command.finding, CONCLUSION_FINDINGS);
  const recommendations = examinationOf(complaint)?.recommendations ?? [];
  if (finding === 'NO_MALADMINISTRATION' && recommendations.length > 0) {
    throw new InvalidComplaintTransition(
      'conclude',
      complaint.status,
      'the Ombudsman issued a recommendation on it, so it found maladministration',
    );
  }
  const awaited = awaitedRecommendationOf(complaint);
  if (awaited) {
    throw new InvalidComplaintTransition(
      'conclude',
      complaint.status,
      `recommendation ${awaited.number} awaits the implementation report of ${awaited.agencyCode} (due ${awaited.dueAt})`,
    );
  }
  return {
    type: 'ComplaintConcluded',
    data: {
      complaintId: complaint.id,
      finding,
      reason: requiredText('reason', command.reason, 5, 2000),
      concludedAt: command.now.toISOString(),
    },
  };
}

export interface OrderFieldCheck {
  readonly complaintId: string;
  /** 5–2000 characters. */
  readonly reason: string;
  readonly actor: CommandActor;
  /** The office the Ombudsman acts for (from the caller's token); null for callers who are not the Ombudsman. */
  readonly office: OmbudsmanOffice | null;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

/**
 * The Ombudsman orders a field check on a dispute: its DISPUTE deadline becomes the longer
 * DISPUTE_FIELD_CHECK one, counted from the same start (the escalation).
 */
export function orderFieldCheck(command: OrderFieldCheck, state: ComplaintState): ComplaintFieldCheckOrdered {
  const complaint = existing(state, command.complaintId);
  requireOmbudsmanOffice(command.actor, command.office, complaint, 'order a field check');
  if (complaint.status !== 'ESCALATED' || complaint.escalation === null) {
    throw new InvalidComplaintTransition('order a field check on', complaint.status, 'only an open dispute is checked');
  }
  if (workflowOf(complaint).fieldCheckOrderedAt !== null) {
    throw new InvalidComplaintTransition(
      'order a field check on',
      complaint.status,
      'a field check is already ordered',
    );
  }
  if ((examinationOf(complaint)?.recommendations.length ?? 0) > 0) {
    throw new InvalidComplaintTransition(
      'order a field check on',
      complaint.status,
      'the Ombudsman already issued a recommendation: the examination is done',
    );
  }
  const start = new Date(
    openDeadline(deadlinesOf(complaint), 'DISPUTE')?.startedAt ?? complaint.escalation.escalatedAt,
  );
  return {
    type: 'ComplaintFieldCheckOrdered',
    data: {
      complaintId: complaint.id,
      reason: requiredText('reason', command.reason, 5, 2000),
      deadlines: [
        openWindow('DISPUTE', 'DISPUTE_FIELD_CHECK', start, workflowOf(complaint).priority, command.schedule),
      ],
      orderedAt: command.now.toISOString(),
    },
  };
}

export interface RecordSanctionRemedy {
  readonly complaintId: string;
  /** What the agency did, 5–2000 characters. */
  readonly note: string;
  readonly actor: CommandActor;
  /** The office the Ombudsman acts for (from the caller's token); null for callers who are not the Ombudsman. */
  readonly office: OmbudsmanOffice | null;
  readonly now: Date;
}

/** The Ombudsman records that the sanctioned agency remedied its failure: no further tier is due. */
export function recordSanctionRemedy(command: RecordSanctionRemedy, state: ComplaintState): ComplaintSanctionRemedied {
  const complaint = existing(state, command.complaintId);
  requireOmbudsmanOffice(command.actor, command.office, complaint, 'record a remedy');
  const last = complaint.sanctions.at(-1);
  if (complaint.status !== 'SANCTIONED' || !last) {
    throw new InvalidComplaintTransition(
      'record a remedy on',
      complaint.status,
      'only a sanctioned complaint is remedied',
    );
  }
  const remedy = deadlinesOf(complaint).findLast((r) => r.kind === 'REMEDY');
  if (!remedy || !(remedy.status === 'OPEN' || (remedy.status === 'BREACHED' && remedy.closedAt === null))) {
    throw new InvalidComplaintTransition('record a remedy on', complaint.status, 'no sanction awaits a remedy');
  }
  return {
    type: 'ComplaintSanctionRemedied',
    data: {
      complaintId: complaint.id,
      agencyCode: last.sanctionedAgencyCode,
      note: requiredText('note', command.note, 5, 2000),
      remediedAt: command.now.toISOString(),
    },
  };
}
