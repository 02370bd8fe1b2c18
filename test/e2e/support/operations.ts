/** The GraphQL documents the end-to-end suites send, written as a client would. */
export const COMPLAINT_FIELDS = `
  id trackingCode title description type channel status anonymous confidential version
  submittedAt dueAt respondedAt escalatedAt
  requestedAgency { code name } assignedAgency { code name }
  responses { agency { code } message respondedAt onTime }
  escalation { reason source agencyCode escalatedAt }
  sanctions { sanctionedAgency { code } officialName kind reason sanctionedAt }
  reporter { name email phone }`;

export const SUBMIT = `mutation Submit($input: SubmitComplaintInput!) { submitComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`;
export const FORWARD = `mutation Forward($input: ForwardComplaintInput!) { forwardComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`;
export const RESPOND = `mutation Respond($input: RespondToComplaintInput!) { respondToComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`;
export const ESCALATE = `mutation Escalate($input: EscalateComplaintInput!) { escalateComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`;
export const SANCTION = `mutation Sanction($input: SanctionComplaintInput!) { sanctionComplaint(input: $input) { ${COMPLAINT_FIELDS} } }`;
export const COMPLAINT = `query One($id: ID!) { complaint(id: $id) { ${COMPLAINT_FIELDS} } }`;
export const COMPLAINTS = `query List($filter: ComplaintFilter, $first: Int, $after: String) {
  complaints(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id status version assignedAgency { code } } }
    pageInfo { hasNextPage endCursor } } }`;
export const HISTORY = `query History($id: ID!) { complaintHistory(id: $id) {
  eventId position revision type schemaVersion occurredAt recordedAt actor { id role agencyCode }
  correlationId causationId data } }`;
export const ESCALATIONS = `query Escalations($after: String, $first: Int) { escalations(after: $after, first: $first) {
  edges { cursor node { complaintId reason source escalatedAt agencyCode } } pageInfo { hasNextPage endCursor } } }`;

export interface ComplaintView {
  id: string;
  trackingCode: string;
  status: string;
  version: number;
  assignedAgency: { code: string } | null;
  reporter: { name: string | null; email: string | null; phone: string | null } | null;
  responses: { agency: { code: string }; message: string; onTime: boolean }[];
  escalation: { reason: string; source: string; agencyCode: string | null } | null;
  sanctions: { sanctionedAgency: { code: string }; kind: string; officialName: string | null }[];
  [field: string]: unknown;
}

export const aComplaint = (overrides: Record<string, unknown> = {}) => ({
  title: 'Jalan rusak di Martapura',
  description: 'Jalan utama di depan pasar Martapura berlubang besar sejak tiga bulan lalu.',
  type: 'COMPLAINT',
  channel: 'WEB',
  agencyCode: 'KAB-BANJAR',
  ...overrides,
});
