import { COMPLAINT_FIELDS } from '../../support/operations.js';

/** The workflow's fields of a complaint, as a client asks for them. */
export const WORKFLOW_FIELDS = `${COMPLAINT_FIELDS}
  priority category verifiedAt accessKey fieldCheckOrderedAt
  deadlines { kind status rule priority span startedAt dueAt warnAt warnedAt breachedAt closedAt }
  holds { reason heldAt resumedAt }
  information { text addedAt }
  returns { fromAgencyCode toAgencyCode reason returnedAt }
  archive { reason note duplicateOfId archivedAt }
  closure { closedBy closedAt finding reason }
  rating { rating comment ratedAt }
  reopenings { reason reopenedAt toAgencyCode }
  sanctionLadder { stage latestKind recommendedKind remedyDueAt }
  remedies { agencyCode note remediedAt }`;

const mutation = (name: string, input: string) =>
  `mutation ${name[0]?.toUpperCase()}${name.slice(1)}($input: ${input}!) { ${name}(input: $input) { ${WORKFLOW_FIELDS} } }`;

export const SUBMIT_W = mutation('submitComplaint', 'SubmitComplaintInput');
export const FORWARD_W = mutation('forwardComplaint', 'ForwardComplaintInput');
export const RESPOND_W = mutation('respondToComplaint', 'RespondToComplaintInput');
export const ESCALATE_W = mutation('escalateComplaint', 'EscalateComplaintInput');
export const SANCTION_W = mutation('sanctionComplaint', 'SanctionComplaintInput');
export const VERIFY = mutation('verifyComplaint', 'VerifyComplaintInput');
export const CLASSIFY = mutation('classifyComplaint', 'ClassifyComplaintInput');
export const HOLD = mutation('holdComplaint', 'HoldComplaintInput');
export const ADD_INFORMATION = mutation('addComplaintInformation', 'AddComplaintInformationInput');
export const RETURN = mutation('returnComplaint', 'ReturnComplaintInput');
export const ARCHIVE = mutation('archiveComplaint', 'ArchiveComplaintInput');
export const CLOSE = mutation('closeComplaint', 'CloseComplaintInput');
export const RATE = mutation('rateComplaint', 'RateComplaintInput');
export const DISPUTE = mutation('disputeComplaint', 'DisputeComplaintInput');
export const REOPEN = mutation('reopenComplaint', 'ReopenComplaintInput');
export const CONCLUDE = mutation('concludeComplaint', 'ConcludeComplaintInput');
export const ORDER_FIELD_CHECK = mutation('orderFieldCheck', 'OrderFieldCheckInput');
export const RECORD_REMEDY = mutation('recordSanctionRemedy', 'RecordSanctionRemedyInput');
export const COMPLAINT_W = `query One($id: ID!) { complaint(id: $id) { ${WORKFLOW_FIELDS} } }`;
export const BY_TRACKING_CODE = `query ByCode($trackingCode: String!, $accessKey: String!) {
  complaintByTrackingCode(trackingCode: $trackingCode, accessKey: $accessKey) { ${WORKFLOW_FIELDS} } }`;
export const HISTORY_TYPES = `query History($id: ID!) { complaintHistory(id: $id) { type revision actor { id role } data } }`;
export const PUBLIC_FEED = `query Feed($filter: PublicComplaintFilter, $first: Int, $after: String) {
  publicComplaints(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id trackingCode title description type category priority status agency { code name }
      submittedAt dueAt responses { agency { code } message onTime } escalatedAt closedAt } }
    pageInfo { hasNextPage endCursor } } }`;
export const STATISTICS = `query Stats($fromMonth: String!, $toMonth: String, $agencyCode: String) {
  complaintStatistics(fromMonth: $fromMonth, toMonth: $toMonth, agencyCode: $agencyCode) {
    fromMonth toMonth timeZone
    byAgency { agencyCode agency { code } period received verified responded respondedOnTime respondedOnTimePercent
      medianResponseSeconds p90ResponseSeconds escalated sanctioned ratings satisfactionAverage missedResponseDeadline redMark
      ombudsmanAccepted ombudsmanRejected recommended recommendationImplemented recommendationOverdue }
    byCategory { category period received verified responded respondedOnTime respondedOnTimePercent
      medianResponseSeconds p90ResponseSeconds escalated sanctioned ratings satisfactionAverage missedResponseDeadline redMark
      ombudsmanAccepted ombudsmanRejected recommended recommendationImplemented recommendationOverdue } } }`;
export const DEADLINE_POLICY = `query Policy($year: Int!) { deadlinePolicy {
  rules { rule priority setting span { text unit amount } }
  warningFraction reopenWindow { text unit amount } ombudsmanReportLimit { text unit amount } scanInterval timeZone extraHolidays workingDaysPerWeek
  holidays(year: $year) { date name } } }`;

export interface DeadlineView {
  kind: string;
  status: string;
  rule: string;
  priority: string;
  span: string | null;
  startedAt: string;
  dueAt: string;
  warnAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  closedAt: string | null;
}

export interface WorkflowComplaint {
  id: string;
  trackingCode: string;
  status: string;
  version: number;
  dueAt: string;
  priority: string;
  category: string | null;
  verifiedAt: string | null;
  accessKey: string | null;
  anonymous: boolean;
  confidential: boolean;
  assignedAgency: { code: string } | null;
  reporter: { name: string | null; email: string | null; phone: string | null } | null;
  escalation: { reason: string; source: string; agencyCode: string | null } | null;
  deadlines: DeadlineView[];
  closure: { closedBy: string; closedAt: string; finding: string | null } | null;
  rating: { rating: number; comment: string | null } | null;
  sanctionLadder: {
    stage: string;
    latestKind: string | null;
    recommendedKind: string | null;
    remedyDueAt: string | null;
  };
  [field: string]: unknown;
}

/** The deadline of a kind that runs (OPEN), or the last one of that kind. */
export const deadline = (complaint: WorkflowComplaint, kind: string): DeadlineView | undefined =>
  complaint.deadlines.find((d) => d.kind === kind && d.status === 'OPEN') ??
  complaint.deadlines.filter((d) => d.kind === kind).at(-1);
