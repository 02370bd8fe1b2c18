import type { DeadlineKind, DeadlineWindow, Priority } from './deadlines.js';
import type { OmbudsmanExaminationEvent } from './ombudsman-examination.events.js';
import type { ArchiveReason, ConclusionFinding, ServiceCategory } from './workflow.js';

/** An operator checked the report is complete and a public-service matter (verification, before disposition). */
export interface ComplaintVerified {
  readonly type: 'ComplaintVerified';
  readonly data: {
    readonly complaintId: string;
    readonly note: string | null;
    readonly verifiedAt: string;
  };
}

/**
 * An operator set the service category and/or priority. Marking a complaint URGENT shortens its running
 * deadlines: `deadlines` holds them recomputed, `dueAt` the new response deadline when it changed.
 */
export interface ComplaintClassified {
  readonly type: 'ComplaintClassified';
  readonly data: {
    readonly complaintId: string;
    readonly category: ServiceCategory | null;
    readonly priority: Priority;
    readonly deadlines: readonly DeadlineWindow[];
    readonly dueAt: string | null;
    readonly classifiedAt: string;
  };
}

/** An operator raised the reporter's privacy at triage: anonymity and/or confidentiality are only ever added. */
export interface ComplaintPrivacyChanged {
  readonly type: 'ComplaintPrivacyChanged';
  readonly data: {
    readonly complaintId: string;
    readonly anonymous: boolean;
    readonly confidential: boolean;
    readonly changedAt: string;
  };
}

/** An operator returned the report to the reporter for missing information; its clocks stop until they add it. */
export interface ComplaintPutOnHold {
  readonly type: 'ComplaintPutOnHold';
  readonly data: {
    readonly complaintId: string;
    readonly reason: string;
    readonly heldAt: string;
  };
}

/**
 * The reporter added information. On a complaint on hold it resumes triage: the report counts as
 * received now, so the triage and response deadlines start again (`deadlines`, `dueAt`).
 */
export interface ComplaintInformationAdded {
  readonly type: 'ComplaintInformationAdded';
  readonly data: {
    readonly complaintId: string;
    readonly information: string;
    readonly resumed: boolean;
    readonly deadlines: readonly DeadlineWindow[];
    readonly dueAt: string | null;
    readonly addedAt: string;
  };
}

/**
 * The assigned agency declared the complaint not its authority and handed it back up the agency tree:
 * to its parent (`toAgencyCode`), or to national triage when null.
 */
export interface ComplaintReturned {
  readonly type: 'ComplaintReturned';
  readonly data: {
    readonly complaintId: string;
    readonly fromAgencyCode: string;
    readonly toAgencyCode: string | null;
    readonly reason: string;
    readonly deadlines: readonly DeadlineWindow[];
    readonly returnedAt: string;
  };
}

/** An operator archived the report at triage (duplicate, not a public-service matter, unintelligible, out of scope). */
export interface ComplaintArchived {
  readonly type: 'ComplaintArchived';
  readonly data: {
    readonly complaintId: string;
    readonly reason: ArchiveReason;
    readonly note: string | null;
    readonly duplicateOfId: string | null;
    readonly archivedAt: string;
  };
}

/** The reporter accepted the answer and closed the complaint with a satisfaction rating. */
export interface ComplaintClosedByReporter {
  readonly type: 'ComplaintClosedByReporter';
  readonly data: {
    readonly complaintId: string;
    readonly rating: number;
    readonly comment: string | null;
    readonly closedAt: string;
  };
}

/** The reporter did not reply to an answer within the closure window (CLOSURE): the system closed it. */
export interface ComplaintAutoClosed {
  readonly type: 'ComplaintAutoClosed';
  readonly data: {
    readonly complaintId: string;
    readonly agencyCode: string | null;
    readonly closedAt: string;
  };
}

/** The reporter rated a complaint closed without their rating (closed by the system or the Ombudsman). */
export interface ComplaintRated {
  readonly type: 'ComplaintRated';
  readonly data: {
    readonly complaintId: string;
    readonly rating: number;
    readonly comment: string | null;
    readonly ratedAt: string;
  };
}

/** The reporter reopened a closed complaint within the reopen window; it goes back to the agency that answered. */
export interface ComplaintReopened {
  readonly type: 'ComplaintReopened';
  readonly data: {
    readonly complaintId: string;
    readonly reason: string;
    readonly toAgencyCode: string;
    readonly deadlines: readonly DeadlineWindow[];
    readonly dueAt: string;
    readonly reopenedAt: string;
  };
}

/** The Ombudsman settled an escalated complaint without a sanction and closed it. */
export interface ComplaintConcluded {
  readonly type: 'ComplaintConcluded';
  readonly data: {
    readonly complaintId: string;
    readonly finding: ConclusionFinding;
    readonly reason: string;
    readonly concludedAt: string;
  };
}

/** The Ombudsman ordered a field check: the dispute deadline becomes the longer DISPUTE_FIELD_CHECK one. */
export interface ComplaintFieldCheckOrdered {
  readonly type: 'ComplaintFieldCheckOrdered';
  readonly data: {
    readonly complaintId: string;
    readonly reason: string;
    readonly deadlines: readonly DeadlineWindow[];
    readonly orderedAt: string;
  };
}

/** The Ombudsman recorded that a sanctioned agency remedied what it was sanctioned for: no further tier is due. */
export interface ComplaintSanctionRemedied {
  readonly type: 'ComplaintSanctionRemedied';
  readonly data: {
    readonly complaintId: string;
    readonly agencyCode: string;
    readonly note: string;
    readonly remediedAt: string;
  };
}

/** A deadline reached its warning point (DEADLINE_WARNING_FRACTION of its length) with its action still awaited. */
export interface ComplaintDeadlineWarned {
  readonly type: 'ComplaintDeadlineWarned';
  readonly data: {
    readonly complaintId: string;
    readonly kind: DeadlineKind;
    readonly dueAt: string;
    /** The agency holding the complaint, whom the warning concerns; null at triage. */
    readonly agencyCode: string | null;
    readonly warnedAt: string;
  };
}

/** A deadline passed with its action still awaited (the RESPONSE deadline escalates instead). */
export interface ComplaintDeadlineBreached {
  readonly type: 'ComplaintDeadlineBreached';
  readonly data: {
    readonly complaintId: string;
    readonly kind: DeadlineKind;
    readonly dueAt: string;
    readonly agencyCode: string | null;
    readonly breachedAt: string;
  };
}

export type WorkflowEvent =
  | ComplaintVerified
  | ComplaintClassified
  | ComplaintPrivacyChanged
  | ComplaintPutOnHold
  | ComplaintInformationAdded
  | ComplaintReturned
  | ComplaintArchived
  | ComplaintClosedByReporter
  | ComplaintAutoClosed
  | ComplaintRated
  | ComplaintReopened
  | ComplaintConcluded
  | ComplaintFieldCheckOrdered
  | ComplaintSanctionRemedied
  | ComplaintDeadlineWarned
  | ComplaintDeadlineBreached
  | OmbudsmanExaminationEvent;

export type WorkflowEventType = WorkflowEvent['type'];

/** Schema version of each workflow event's data; bump together with an upcaster. */
export const WORKFLOW_SCHEMA_VERSION: Readonly<Record<WorkflowEventType, number>> = {
  ComplaintVerified: 1,
  ComplaintClassified: 1,
  ComplaintPrivacyChanged: 1,
  ComplaintPutOnHold: 1,
  ComplaintInformationAdded: 1,
  ComplaintReturned: 1,
  ComplaintArchived: 1,
  ComplaintClosedByReporter: 1,
  ComplaintAutoClosed: 1,
  ComplaintRated: 1,
  ComplaintReopened: 1,
  ComplaintConcluded: 1,
  ComplaintFieldCheckOrdered: 1,
  ComplaintSanctionRemedied: 1,
  ComplaintDeadlineWarned: 1,
  ComplaintDeadlineBreached: 1,
  ComplaintAcceptedByOmbudsman: 1,
  ComplaintRejectedByOmbudsman: 1,
  ComplaintRecommendationIssued: 1,
  ComplaintRecommendationImplemented: 1,
};

export const WORKFLOW_EVENT_TYPES = Object.keys(WORKFLOW_SCHEMA_VERSION) as readonly WorkflowEventType[];
