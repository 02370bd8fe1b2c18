import type { DeadlineRecord, Priority } from './deadlines.js';
import type { OmbudsmanExamination } from './ombudsman.js';

/** LAPOR!'s service categories, for statistics and routing; OTHER when none fits. */
export const SERVICE_CATEGORIES = [
  'HEALTH',
  'EDUCATION',
  'INFRASTRUCTURE',
  'POPULATION_ADMINISTRATION',
  'SOCIAL_ASSISTANCE',
  'TRANSPORTATION',
  'ENVIRONMENT',
  'PUBLIC_ORDER',
  'LICENSING',
  'ECONOMY',
  'OTHER',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/**
 * Why an operator archives a report at triage. OUT_OF_SCOPE covers what goes elsewhere: court cases,
 * criminal reports (police) and corruption (KPK); the note says where.
 */
export const ARCHIVE_REASONS = ['DUPLICATE', 'NOT_PUBLIC_SERVICE', 'UNINTELLIGIBLE', 'OUT_OF_SCOPE'] as const;
export type ArchiveReason = (typeof ARCHIVE_REASONS)[number];

/** How the Ombudsman settles an escalated complaint without a sanction. */
export const CONCLUSION_FINDINGS = ['NO_MALADMINISTRATION', 'RESOLVED'] as const;
export type ConclusionFinding = (typeof CONCLUSION_FINDINGS)[number];

/** Who closed a complaint: the reporter (with a rating), the system (no reply in time), or the Ombudsman. */
export type ClosedBy = 'REPORTER' | 'SYSTEM' | 'OMBUDSMAN';

export interface ComplaintHold {
  /** What the reporter is asked to add. */
  readonly reason: string;
  readonly heldAt: string;
  readonly resumedAt: string | null;
}

export interface AddedInformation {
  readonly text: string;
  readonly addedAt: string;
}

/** An agency handed the complaint back as not its authority (to its parent, or to national triage when null). */
export interface ComplaintReturn {
  readonly fromAgencyCode: string;
  readonly toAgencyCode: string | null;
  readonly reason: string;
  readonly returnedAt: string;
}

export interface ComplaintArchive {
  readonly reason: ArchiveReason;
  readonly note: string | null;
  readonly duplicateOfId: string | null;
  readonly archivedAt: string;
}

export interface ComplaintClosure {
  readonly closedBy: ClosedBy;
  readonly closedAt: string;
  /** The Ombudsman's finding when the Ombudsman closed it. */
  readonly finding: ConclusionFinding | null;
  readonly reason: string | null;
}

export interface ComplaintRating {
  /** 1 (very unsatisfied) to 5 (very satisfied). */
  readonly rating: number;
  readonly comment: string | null;
  readonly ratedAt: string;
}

export interface ComplaintReopening {
  readonly reason: string;
  readonly reopenedAt: string;
  readonly toAgencyCode: string;
}

export interface SanctionRemedy {
  readonly agencyCode: string;
  readonly note: string;
  readonly remediedAt: string;
}

/**
 * The SP4N-LAPOR! workflow's facts about a complaint, beside the lifecycle facts. Absent on a
 * complaint whose history has none of them (it predates the workflow): read it with `workflowOf`.
 */
export interface ComplaintWorkflow {
  readonly priority: Priority;
  readonly category: ServiceCategory | null;
  /** SHA-256 of the reporter's access key, for following the complaint without an account. */
  readonly accessKeyHash: string | null;
  readonly verifiedAt: string | null;
  readonly holds: readonly ComplaintHold[];
  readonly information: readonly AddedInformation[];
  readonly returns: readonly ComplaintReturn[];
  readonly archive: ComplaintArchive | null;
  /** The current closure; null while the complaint is open (again). */
  readonly closure: ComplaintClosure | null;
  readonly closures: readonly ComplaintClosure[];
  /** The reporter's latest rating. */
  readonly rating: ComplaintRating | null;
  readonly reopenings: readonly ComplaintReopening[];
  readonly fieldCheckOrderedAt: string | null;
  readonly remedies: readonly SanctionRemedy[];
  readonly deadlines: readonly DeadlineRecord[];
  /**
   * The Ombudsman's decision on the escalated report and its recommendations; absent until it decides
   * (so states folded before the examination existed keep their shape). Read it with `examinationOf`.
   */
  readonly examination?: OmbudsmanExamination;
}

export const EMPTY_WORKFLOW: ComplaintWorkflow = {
  priority: 'NORMAL',
  category: null,
  accessKeyHash: null,
  verifiedAt: null,
  holds: [],
  information: [],
  returns: [],
  archive: null,
  closure: null,
  closures: [],
  rating: null,
  reopenings: [],
  fieldCheckOrderedAt: null,
  remedies: [],
  deadlines: [],
};
