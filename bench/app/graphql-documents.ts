/**
 * The GraphQL requests the benchmark sends, as JSON bodies, with the fragment a good answer must
 * contain. Written as a client would, against the committed schema.
 */
export interface GraphQLRequest {
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly body: string;
  /** Present in every successful answer (the load generator counts an answer without it as an error). */
  readonly expect: string;
}

const request = (query: string, variables: Record<string, unknown>, expect: string): GraphQLRequest => ({
  query,
  variables,
  body: JSON.stringify({ query, variables }),
  expect,
});

export const SUBMITTED_COMPLAINT = {
  title: 'Puskesmas tutup',
  description: 'Puskesmas Martapura tutup pada jam pelayanan, warga tidak bisa berobat.',
  type: 'COMPLAINT',
  channel: 'SMS',
  agencyCode: 'KAB-BANJAR',
};

/** Ceiling A: the cheapest operation the server can answer, through the same HTTP and GraphQL stack. */
export const TYPENAME: GraphQLRequest = request('{ __typename }', {}, '"__typename":"Query"');

/** Load 1: an anonymous citizen files a complaint (the README's example, with the fields it shows). */
export const SUBMIT: GraphQLRequest = request(
  'mutation Submit($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id trackingCode status version dueAt } }',
  { input: SUBMITTED_COMPLAINT },
  '"submitComplaint":{"id":"',
);

export const complaintById = (id: string): GraphQLRequest =>
  request(
    'query One($id: ID!) { complaint(id: $id) { id trackingCode title status version dueAt assignedAgency { code name } } }',
    { id },
    '"complaint":{"id":"',
  );

export const COMPLAINTS_PAGE: GraphQLRequest = request(
  'query Page { complaints(first: 50) { edges { cursor node { id title status version } } pageInfo { hasNextPage endCursor } } }',
  {},
  '"complaints":{"edges":[{',
);

export const FORWARD =
  'mutation Forward($input: ForwardComplaintInput!) { forwardComplaint(input: $input) { id version } }';
export const RESPOND =
  'mutation Respond($input: RespondToComplaintInput!) { respondToComplaint(input: $input) { id version } }';
export const ESCALATE =
  'mutation Escalate($input: EscalateComplaintInput!) { escalateComplaint(input: $input) { id version } }';
