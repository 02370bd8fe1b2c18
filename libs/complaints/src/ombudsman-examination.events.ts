import type { DeadlineWindow } from './deadlines.js';
import type { OmbudsmanPreconditionCheck, OmbudsmanRejectionGround } from './ombudsman.js';

/**
 * An Ombudsman office accepted an escalated report for examination: both preconditions of Law 37/2008
 * art. 24 hold, on the facts recorded in `preconditions`. Recommendations may follow.
 */
export interface ComplaintAcceptedByOmbudsman {
  readonly type: 'ComplaintAcceptedByOmbudsman';
  readonly data: {
    readonly complaintId: string;
    /** The office that decided, e.g. OMBUDSMAN-RI or OMBUDSMAN-KALSEL. */
    readonly officeCode: string;
    readonly preconditions: OmbudsmanPreconditionCheck;
    readonly note: string | null;
    readonly acceptedAt: string;
  };
}

/**
 * An Ombudsman office did not accept an escalated report for examination (Law 37/2008 art. 36): a
 * precondition failed (`preconditions.failed`) and/or on the `grounds` given. The complaint closes
 * (closed by the Ombudsman, without a finding); its DISPUTE deadline is met.
 */
export interface ComplaintRejectedByOmbudsman {
  readonly type: 'ComplaintRejectedByOmbudsman';
  readonly data: {
    readonly complaintId: string;
    readonly officeCode: string;
    readonly preconditions: OmbudsmanPreconditionCheck;
    readonly grounds: readonly OmbudsmanRejectionGround[];
    readonly explanation: string;
    readonly rejectedAt: string;
  };
}

/**
 * The Ombudsman issued a recommendation on an accepted report (Law 37/2008 art. 37–38) to an agency,
 * which must implement it and report within the RECOMMENDATION deadline (60 days of receiving it). It
 * settles the DISPUTE deadline, like a sanction or a conclusion.
 */
export interface ComplaintRecommendationIssued {
  readonly type: 'ComplaintRecommendationIssued';
  readonly data: {
    readonly complaintId: string;
    readonly officeCode: string;
    /** 1 for the complaint's first recommendation, 2 for the next… */
    readonly recommendationNumber: number;
    readonly agencyCode: string;
    readonly recommendation: string;
    /** When the agency received it: the deadline counts from it (the issue, unless delivered earlier on paper). */
    readonly receivedAt: string;
    readonly issuedAt: string;
    /** The RECOMMENDATION deadline. */
    readonly deadlines: readonly DeadlineWindow[];
  };
}

/**
 * The agency a recommendation is addressed to (or an agency above it) reported implementing it, or the
 * Ombudsman recorded such a report received outside Aduan (art. 38(2)). Late reports are recorded too:
 * `onTime` compares with the recommendation's due time.
 */
export interface ComplaintRecommendationImplemented {
  readonly type: 'ComplaintRecommendationImplemented';
  readonly data: {
    readonly complaintId: string;
    readonly recommendationNumber: number;
    /** The agency the recommendation is addressed to. */
    readonly agencyCode: string;
    /** The reporting officer's agency; null when the Ombudsman recorded it. */
    readonly reportedByAgencyCode: string | null;
    readonly note: string;
    readonly dueAt: string;
    readonly onTime: boolean;
    readonly implementedAt: string;
  };
}

/** The Ombudsman's examination: its decision on the report and its recommendations. */
export type OmbudsmanExaminationEvent =
  | ComplaintAcceptedByOmbudsman
  | ComplaintRejectedByOmbudsman
  | ComplaintRecommendationIssued
  | ComplaintRecommendationImplemented;
