import type { CommandActor } from './actor.js';
import type { AgencyDirectory } from './agency-directory.js';
import { InvalidComplaintInput, InvalidComplaintTransition, UnknownAgency } from './complaint.errors.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { openWindow, type DeadlineSchedule } from './deadlines.js';
import type { ComplaintRecommendationIssued } from './ombudsman-examination.events.js';
import {
  awaitedRecommendationOf,
  examinationOf,
  isWithOmbudsman,
  requireOmbudsmanOffice,
} from './ombudsman-examination.js';
import type { OmbudsmanOffice } from './ombudsman.js';
import { requiredText } from './validation.js';
import { existing } from './workflow-rules.js';

export interface IssueRecommendation {
  readonly complaintId: string;
  /** The agency that must implement it and report (the reported party or its superior). */
  readonly agencyCode: string;
  /** What the agency is to do, 5–4000 characters. */
  readonly recommendation: string;
  /** When the agency received it, if before now (delivered on paper); defaults to now. */
  readonly receivedAt?: Date | null;
  readonly actor: CommandActor;
  readonly office: OmbudsmanOffice | null;
  readonly now: Date;
  readonly agencies: AgencyDirectory;
  readonly schedule: DeadlineSchedule;
}

/**
 * An Ombudsman office issues a recommendation on a report it accepted (Law 37/2008 art. 37–38). The
 * agency must implement it and report within the RECOMMENDATION deadline (RECOMMENDATION_DEADLINE, 60
 * calendar days from receipt by default); when that passes unreported, the deadline scanner records the
 * breach. One recommendation awaits its report at a time; the next may follow once it is reported.
 */
export function issueRecommendation(
  command: IssueRecommendation,
  state: ComplaintState,
): ComplaintRecommendationIssued {
  const complaint = existing(state, command.complaintId);
  const office = requireOmbudsmanOffice(command.actor, command.office, complaint, 'issue a recommendation');
  const examination = examinationOf(complaint);
  if (!isWithOmbudsman(complaint)) {
    throw new InvalidComplaintTransition(
      'issue a recommendation on',
      complaint.status,
      'only a complaint with the Ombudsman gets one',
    );
  }
  if (examination?.decision !== 'ACCEPTED') {
    throw new InvalidComplaintTransition(
      'issue a recommendation on',
      complaint.status,
      'the Ombudsman has not accepted the report for examination',
    );
  }
  const awaited = awaitedRecommendationOf(complaint);
  if (awaited) {
    throw new InvalidComplaintTransition(
      'issue a recommendation on',
      complaint.status,
      `recommendation ${awaited.number} to ${awaited.agencyCode} awaits its implementation report (due ${awaited.dueAt})`,
    );
  }
  const agencyCode = requiredText('agencyCode', command.agencyCode, 1, 64);
  if (!command.agencies.exists(agencyCode)) throw new UnknownAgency('agencyCode', agencyCode);
  const text = requiredText('recommendation', command.recommendation, 5, 4000);
  const receivedAt = receiptOf(command.receivedAt, command.now, examination.decidedAt);
  return {
    type: 'ComplaintRecommendationIssued',
    data: {
      complaintId: complaint.id,
      officeCode: office.code,
      recommendationNumber: examination.recommendations.length + 1,
      agencyCode,
      recommendation: text,
      receivedAt: receivedAt.toISOString(),
      issuedAt: command.now.toISOString(),
      deadlines: [
        openWindow('RECOMMENDATION', 'RECOMMENDATION', receivedAt, workflowOf(complaint).priority, command.schedule),
      ],
    },
  };
}

function receiptOf(value: Date | null | undefined, now: Date, acceptedAt: string): Date {
  if (value === null || value === undefined) return now;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidComplaintInput('receivedAt', 'must be a date and time');
  }
  if (value.getTime() > now.getTime()) throw new InvalidComplaintInput('receivedAt', 'must not be in the future');
  if (value.getTime() < Date.parse(acceptedAt)) {
    throw new InvalidComplaintInput('receivedAt', `must not be before the report was accepted (${acceptedAt})`);
  }
  return value;
}
