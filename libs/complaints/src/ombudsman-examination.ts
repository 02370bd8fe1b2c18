import type { CommandActor } from './actor.js';
import { ActionNotAllowed, InvalidComplaintInput, InvalidComplaintTransition } from './complaint.errors.js';
import {
  deadlinesOf,
  workflowOf,
  type Complaint,
  type EscalatedComplaint,
  type SanctionedComplaint,
} from './complaint.js';
import { spanEnd, type DeadlineSchedule } from './deadlines.js';
import type {
  OmbudsmanExamination,
  OmbudsmanOffice,
  OmbudsmanPrecondition,
  OmbudsmanPreconditionCheck,
  OmbudsmanRecommendation,
  PriorAgencyComplaint,
  RecommendationStatus,
} from './ombudsman.js';
import { optionalText, requiredText } from './validation.js';

/** The Ombudsman's decision on the report and its recommendations; null until it decides. */
export const examinationOf = (complaint: Complaint): OmbudsmanExamination | null =>
  workflowOf(complaint).examination ?? null;

/** The recommendation still awaiting its implementation report, if any: at most one at a time. */
export const awaitedRecommendationOf = (complaint: Complaint): OmbudsmanRecommendation | null =>
  examinationOf(complaint)?.recommendations.find((r) => r.implementation === null) ?? null;

/** Where a recommendation stands, from its report and its deadline's record. */
export function recommendationStatusOf(
  complaint: Complaint,
  recommendation: OmbudsmanRecommendation,
): RecommendationStatus {
  if (recommendation.implementation) return recommendation.implementation.onTime ? 'IMPLEMENTED' : 'IMPLEMENTED_LATE';
  const record = deadlinesOf(complaint).findLast(
    (d) => d.kind === 'RECOMMENDATION' && d.dueAt === recommendation.dueAt,
  );
  return record?.status === 'BREACHED' ? 'OVERDUE' : 'AWAITING_IMPLEMENTATION';
}

/** A complaint with the Ombudsman: escalated, and maybe sanctioned since. */
export type ComplaintWithOmbudsman = EscalatedComplaint | SanctionedComplaint;

export const isWithOmbudsman = (complaint: Complaint): complaint is ComplaintWithOmbudsman =>
  complaint.status === 'ESCALATED' || complaint.status === 'SANCTIONED';

/**
 * The agency an escalated report concerns, for an office's jurisdiction: the one holding the complaint
 * when it was escalated, else the one the reporter addressed (the rule of the escalation feed).
 */
export const reportedAgencyOf = (complaint: Complaint): string | null =>
  complaint.escalation?.agencyCode ?? complaint.requestedAgencyCode;

/**
 * The Ombudsman acts through an office; a regional office only on reports about agencies in its
 * jurisdiction (its province and the agencies below it), the national office on every one.
 */
export function requireOmbudsmanOffice(
  actor: CommandActor,
  office: OmbudsmanOffice | null | undefined,
  complaint: Complaint,
  action: string,
): OmbudsmanOffice {
  if (actor.role !== 'ombudsman' || !office) throw new ActionNotAllowed(`Only the Ombudsman can ${action}`);
  requireJurisdiction(office, complaint);
  return office;
}

export function requireJurisdiction(office: OmbudsmanOffice, complaint: Complaint): void {
  if (office.jurisdiction === null) return;
  const agency = reportedAgencyOf(complaint);
  if (agency === null || !office.jurisdiction.includes(agency)) {
    throw new ActionNotAllowed(
      `${office.code} handles reports on agencies in its jurisdiction; this one concerns ${agency ?? 'no agency'} (the national office handles it)`,
    );
  }
}

/** Why the Ombudsman did not accept a report, for people: each failed precondition, then each ground of art. 36. */
export const rejectionReasonsOf = (decision: {
  readonly preconditions: Pick<OmbudsmanPreconditionCheck, 'failed'>;
  readonly grounds: readonly string[];
}): string[] => [...decision.preconditions.failed.map((precondition) => `${precondition} failed`), ...decision.grounds];

/** The Ombudsman decides on a report once. */
export function requireUndecided(complaint: Complaint, action: string): void {
  const examination = examinationOf(complaint);
  if (!examination) return;
  throw new InvalidComplaintTransition(
    action,
    complaint.status,
    `${examination.officeCode} already ${examination.decision === 'ACCEPTED' ? 'accepted' : 'did not accept'} it on ${examination.decidedAt}`,
  );
}

/** What the Ombudsman may add to the history when deciding on the preconditions. */
export interface PreconditionInputs {
  /** When the matter happened or became known; defaults to the receipt of the report. Not after the escalation. */
  readonly matterOccurredAt?: Date | null;
  /** A complaint the reporter made to the agency outside Aduan (when, to whom, how), 5–2000 characters. */
  readonly agencyComplaintOutsideAduan?: string | null;
}

/**
 * Decides the preconditions of Law 37/2008 art. 24 from the complaint's history and the inputs:
 * - the reporter complained to the agency first when the complaint was ever assigned to an agency, or
 *   its legal RESPONSE deadline passed unanswered, or the Ombudsman states a complaint made outside Aduan;
 * - the report is in time when it reached the Ombudsman (the escalation) within the report limit
 *   (OMBUDSMAN_REPORT_LIMIT, two years) of when the matter occurred.
 */
export function checkPreconditions(
  complaint: ComplaintWithOmbudsman,
  inputs: PreconditionInputs,
  schedule: DeadlineSchedule,
): OmbudsmanPreconditionCheck {
  const reportedAt = new Date(complaint.escalation.escalatedAt);
  const matter = matterDateOf(inputs.matterOccurredAt, complaint, reportedAt);
  const stated = optionalText('agencyComplaintOutsideAduan', inputs.agencyComplaintOutsideAduan, 2000);
  const statement = stated === null ? null : requiredText('agencyComplaintOutsideAduan', stated, 5, 2000);
  const priorComplaint = priorComplaintOf(complaint, statement);
  const limit = schedule.policy.ombudsmanReportLimit;
  const limitEnd = spanEnd(matter, limit, schedule.calendar);
  const failed: OmbudsmanPrecondition[] = [];
  if (priorComplaint === null) failed.push('COMPLAINED_TO_AGENCY_FIRST');
  if (reportedAt.getTime() > limitEnd.getTime()) failed.push('WITHIN_REPORT_LIMIT');
  return {
    priorComplaint,
    matterOccurredAt: matter.toISOString(),
    reportedAt: reportedAt.toISOString(),
    reportLimit: limit.text,
    reportLimitEndsAt: limitEnd.toISOString(),
    failed,
  };
}

/** A readable account of the failed preconditions, for refusals. */
export function describeFailedPreconditions(check: OmbudsmanPreconditionCheck): string {
  return check.failed
    .map((precondition) =>
      precondition === 'COMPLAINED_TO_AGENCY_FIRST'
        ? 'COMPLAINED_TO_AGENCY_FIRST: nothing shows the reporter complained to the agency first (the complaint was never with an agency and its response deadline did not pass; state a complaint made outside Aduan in agencyComplaintOutsideAduan)'
        : `WITHIN_REPORT_LIMIT: the matter (${check.matterOccurredAt}) was reported to the Ombudsman on ${check.reportedAt}, after the ${check.reportLimit} limit ended on ${check.reportLimitEndsAt}`,
    )
    .join('; ');
}

function matterDateOf(value: Date | null | undefined, complaint: Complaint, reportedAt: Date): Date {
  if (value === null || value === undefined) return new Date(complaint.submittedAt);
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new InvalidComplaintInput('matterOccurredAt', 'must be a date and time');
  }
  if (value.getTime() > reportedAt.getTime()) {
    throw new InvalidComplaintInput(
      'matterOccurredAt',
      `must not be later than the report to the Ombudsman (${reportedAt.toISOString()})`,
    );
  }
  return value;
}

function priorComplaintOf(complaint: Complaint, statement: string | null): PriorAgencyComplaint | null {
  const held = complaint.escalation?.agencyCode ?? complaint.assignmentTrail.at(-1) ?? null;
  if (held !== null) return { basis: 'ASSIGNED_TO_AGENCY', agencyCode: held, statement };
  const responseMissed = deadlinesOf(complaint).some((d) => d.kind === 'RESPONSE' && d.status === 'BREACHED');
  if (responseMissed) {
    return { basis: 'RESPONSE_DEADLINE_PASSED', agencyCode: complaint.requestedAgencyCode, statement };
  }
  if (statement !== null) {
    return { basis: 'STATED_BY_OMBUDSMAN', agencyCode: complaint.requestedAgencyCode, statement };
  }
  return null;
}
