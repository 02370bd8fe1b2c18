/**
 * The two conditions of Law 37/2008 art. 24 for the Ombudsman to examine a report:
 * - COMPLAINED_TO_AGENCY_FIRST: the reporter first complained to the agency concerned (or its superior)
 *   and it was not settled;
 * - WITHIN_REPORT_LIMIT: the matter is less than two years old (OMBUDSMAN_REPORT_LIMIT, `P24M`) when it
 *   is reported to the Ombudsman.
 */
export const OMBUDSMAN_PRECONDITIONS = ['COMPLAINED_TO_AGENCY_FIRST', 'WITHIN_REPORT_LIMIT'] as const;
export type OmbudsmanPrecondition = (typeof OMBUDSMAN_PRECONDITIONS)[number];

/**
 * Grounds on which the Ombudsman declines a report although both preconditions hold (Law 37/2008
 * art. 36): the matter is or was before a court; the agency is still settling it within a reasonable
 * time; the reporter already obtained a settlement from the agency; it is not within the Ombudsman's
 * authority; OTHER, said in the explanation.
 */
export const OMBUDSMAN_REJECTION_GROUNDS = [
  'BEFORE_COURT',
  'AGENCY_STILL_HANDLING',
  'SETTLED_BY_AGENCY',
  'OUTSIDE_AUTHORITY',
  'OTHER',
] as const;
export type OmbudsmanRejectionGround = (typeof OMBUDSMAN_REJECTION_GROUNDS)[number];

/**
 * How the reporter is known to have complained to the agency first: the complaint was assigned to an
 * agency in Aduan; the legal RESPONSE deadline passed unanswered (they complained through SP4N-LAPOR!
 * and were not answered in time); or the Ombudsman states a complaint made outside Aduan.
 */
export type PriorComplaintBasis = 'ASSIGNED_TO_AGENCY' | 'RESPONSE_DEADLINE_PASSED' | 'STATED_BY_OMBUDSMAN';

export interface PriorAgencyComplaint {
  readonly basis: PriorComplaintBasis;
  /** The agency complained to, when known. */
  readonly agencyCode: string | null;
  /** The Ombudsman's statement of a complaint made outside Aduan (kept even when the history suffices). */
  readonly statement: string | null;
}

/** The preconditions as decided, with the facts they were decided on: recorded in the decision's event. */
export interface OmbudsmanPreconditionCheck {
  /** Null when nothing shows that the reporter complained to the agency first. */
  readonly priorComplaint: PriorAgencyComplaint | null;
  /** When the matter complained of happened or became known (defaults to the receipt of the report). */
  readonly matterOccurredAt: string;
  /** When the report reached the Ombudsman (the escalation): the report limit is measured to it. */
  readonly reportedAt: string;
  /** The limit as configured then, e.g. P24M. */
  readonly reportLimit: string;
  /** The last instant a report of the matter was in time. */
  readonly reportLimitEndsAt: string;
  /** The preconditions that do not hold; empty for an accepted report. */
  readonly failed: readonly OmbudsmanPrecondition[];
}

/** The Ombudsman office acting, and the agencies whose complaints it handles (null: every one). */
export interface OmbudsmanOffice {
  readonly code: string;
  readonly jurisdiction: readonly string[] | null;
}

export interface RecommendationImplementation {
  /** What the agency did. */
  readonly note: string;
  /** The officer's agency that reported it; null when the Ombudsman recorded a report received outside Aduan. */
  readonly reportedByAgencyCode: string | null;
  readonly implementedAt: string;
  /** Reported by the recommendation's due time. */
  readonly onTime: boolean;
}

/** A recommendation (rekomendasi) of the Ombudsman and what became of it. */
export interface OmbudsmanRecommendation {
  /** 1 for the complaint's first recommendation, 2 for the next… */
  readonly number: number;
  readonly officeCode: string;
  /** The agency it is addressed to, which must implement it and report (art. 38). */
  readonly agencyCode: string;
  readonly text: string;
  readonly issuedAt: string;
  /** When the agency received it; the RECOMMENDATION deadline counts from it. */
  readonly receivedAt: string;
  readonly dueAt: string;
  readonly implementation: RecommendationImplementation | null;
}

/** The Ombudsman's decision on an escalated report, and its recommendations once accepted. */
export interface OmbudsmanExamination {
  readonly decision: 'ACCEPTED' | 'REJECTED';
  readonly officeCode: string;
  readonly decidedAt: string;
  readonly preconditions: OmbudsmanPreconditionCheck;
  /** Why it was not accepted, beyond the failed preconditions; empty for an accepted report. */
  readonly grounds: readonly OmbudsmanRejectionGround[];
  /** The acceptance note, or the explanation of not accepting. */
  readonly note: string | null;
  readonly recommendations: readonly OmbudsmanRecommendation[];
}

/**
 * Where a recommendation stands: AWAITING_IMPLEMENTATION until its report or its deadline; OVERDUE once
 * the deadline scanner recorded the breach; IMPLEMENTED (in time) or IMPLEMENTED_LATE once reported.
 */
export const RECOMMENDATION_STATUSES = [
  'AWAITING_IMPLEMENTATION',
  'OVERDUE',
  'IMPLEMENTED',
  'IMPLEMENTED_LATE',
] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];
