import { SignJWT } from 'jose';
import { aComplaint, ESCALATE, FORWARD, RESPOND, SANCTION, SUBMIT, type ComplaintView } from './support/operations.js';
import type { GraphQLResponse } from './support/graphql-client.js';
import { TEST_JWT_SECRET, TestEnvironment, token, type RunningApp } from './support/test-app.js';

/**
 * Every caller × every operation that carries identity, as one table: what each caller gets, and
 * whether any identity of an anonymous reporter (name, email, phone, account id) shows. The table is
 * printed with the test's output (and copied in docs/reliability.md).
 */

const CALLERS = [
  'citizen (own)',
  'citizen (other)',
  'operator',
  'officer (assigned)',
  'officer (other agency)',
  'officer (parent agency)',
  'ombudsman',
  'ombudsman (region)',
  'ombudsman (other region)',
  'auditor',
  'sp4n',
  'no token',
  'expired token',
  'wrong key',
  'unknown role',
] as const;
type CallerName = (typeof CALLERS)[number];

const ANON = { name: 'Rahasia Anonim', email: 'rahasia.anonim@example.id', phone: '+6281299990001' };
const REPORTER_SUB = 'citizen-reporter-matrix';
/** The named complaint is another citizen's, so the anonymous reporter's account id belongs to one complaint only. */
const NAMED_SUB = 'citizen-named-matrix';
const NAMED = { name: 'Siti Terbuka', email: 'siti.terbuka@example.id', phone: '+6281299990002' };

const ONE = `query One($id: ID!) { complaint(id: $id) { id reporter { name email phone } } }`;
const LIST = `query List { complaints(first: 100) { edges { node { id reporter { name email phone } } } } }`;
const HISTORY = `query History($id: ID!) { complaintHistory(id: $id) { type actor { id role } data
  stateAfter { reporter { name email phone } } } }`;
const AS_OF = `query AsOf($id: ID!, $at: DateTime!) { complaintAsOf(id: $id, at: $at) { id reporter { name email phone } } }`;
const BY_CODE = `query ByCode($trackingCode: String!, $accessKey: String!) {
  complaintByTrackingCode(trackingCode: $trackingCode, accessKey: $accessKey) { id reporter { name email phone } } }`;
const FEED = `query Feed { publicComplaints(first: 100) { edges { node { id trackingCode title description } } } }`;
const ESCALATIONS = `query Escalations { escalations(first: 100) { edges { node { complaintId reason agencyCode } } } }`;
const VERIFY = `mutation Verify($input: VerifyComplaintInput!) { verifyComplaint(input: $input) { id } }`;
const ARCHIVE = `mutation Archive($input: ArchiveComplaintInput!) { archiveComplaint(input: $input) { id } }`;
const SUBMIT_ID = `mutation Submit($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }`;
const ACCEPT = `mutation Accept($input: AcceptComplaintForExaminationInput!) {
  acceptComplaintForExamination(input: $input) { id } }`;
const REJECT = `mutation Reject($input: RejectComplaintForExaminationInput!) {
  rejectComplaintForExamination(input: $input) { id } }`;
const RECOMMEND = `mutation Recommend($input: IssueRecommendationInput!) { issueRecommendation(input: $input) { id } }`;
const IMPLEMENTED = `mutation Implemented($input: ReportRecommendationImplementationInput!) {
  reportRecommendationImplementation(input: $input) { id } }`;
const CONCLUDE = `mutation Conclude($input: ConcludeComplaintInput!) { concludeComplaint(input: $input) { id } }`;
const FIELD_CHECK = `mutation FieldCheck($input: OrderFieldCheckInput!) { orderFieldCheck(input: $input) { id } }`;
const REMEDY = `mutation Remedy($input: RecordSanctionRemedyInput!) { recordSanctionRemedy(input: $input) { id } }`;
const ERASE = `mutation Erase($id: ID!) { eraseReporterIdentity(complaintId: $id) { id reporter { name erased } } }`;

/** What each caller gets, in CALLERS order. `+ANON-ID`: an identity of the anonymous reporter shows (only to the reporter, operators and the access key's holder); `+reporter`: the named reporter's contact shows. */
const EXPECTED: Record<string, readonly string[]> = {
  'complaint (named)': [
    'FORBIDDEN',
    'FORBIDDEN',
    'ok+reporter',
    'ok+reporter',
    'FORBIDDEN',
    'ok+reporter',
    'ok+reporter',
    'ok+reporter',
    'ok+reporter',
    'ok+reporter',
    'ok+reporter',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  'complaint (anonymous)': [
    'ok+ANON-ID',
    'FORBIDDEN',
    'ok+ANON-ID',
    'ok',
    'FORBIDDEN',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  complaints: [
    'ok+ANON-ID (1/2)',
    'ok (0/2)',
    'ok+ANON-ID+reporter (2/2)',
    'ok+reporter (2/2)',
    'ok (0/2)',
    'ok+reporter (2/2)',
    'ok+reporter (2/2)',
    'ok+reporter (2/2)',
    'ok+reporter (2/2)',
    'ok+reporter (2/2)',
    'ok+reporter (2/2)',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  'complaintHistory (named)': [
    'FORBIDDEN',
    'FORBIDDEN',
    'ok+reporter',
    'ok+reporter',
    'FORBIDDEN',
    'ok+reporter',
    'ok+reporter',
    'ok+reporter',
    'ok+reporter',
    'ok+reporter',
    'ok+reporter',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  'complaintHistory (anonymous)': [
    'ok+ANON-ID',
    'FORBIDDEN',
    'ok+ANON-ID',
    'ok',
    'FORBIDDEN',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  'complaintAsOf (anonymous)': [
    'FORBIDDEN',
    'FORBIDDEN',
    'ok+ANON-ID',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'ok',
    'ok',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  'complaintByTrackingCode (key)': [
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'ok+ANON-ID',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  'complaintByTrackingCode (wrong key)': [
    'null',
    'null',
    'null',
    'null',
    'null',
    'null',
    'null',
    'null',
    'null',
    'null',
    'null',
    'null',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  publicComplaints: [
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'ok',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  escalations: [
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'ok',
    'ok',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  'GET /export/complaints/:id (anonymous)': [
    '200 (4)+ANON-ID',
    '404',
    '200 (4)+ANON-ID',
    '200 (4)',
    '404',
    '200 (4)',
    '200 (4)',
    '200 (4)',
    '200 (4)',
    '200 (4)',
    '200 (4)',
    '401',
    '401',
    '401',
    '401',
  ],
  'GET /export/agencies/KAB-BANJAR-DINKES': [
    '403',
    '403',
    '200 (8)+ANON-ID+reporter',
    '200 (8)+reporter',
    '403',
    '403',
    '200 (8)+reporter',
    '200 (8)+reporter',
    '200 (8)+reporter',
    '200 (8)+reporter',
    '403',
    '401',
    '401',
    '401',
    '401',
  ],
  submitComplaint: [
    'ok',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  verifyComplaint: [
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  archiveComplaint: [
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  forwardComplaint: [
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  respondToComplaint: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  escalateComplaint: [
    'ok',
    'FORBIDDEN',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  sanctionComplaint: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  acceptComplaintForExamination: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  rejectComplaintForExamination: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  issueRecommendation: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  // The recommended agency's officers and those of an agency above it (the superior), or the Ombudsman.
  reportRecommendationImplementation: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'FORBIDDEN',
    'ok',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  // The Ombudsman's other decisions follow the examination's rule: a regional office within its province.
  concludeComplaint: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  orderFieldCheck: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  recordSanctionRemedy: [
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
  // Not even the reporter: erasure is an operator's act on the reporter's request (Law 27/2022).
  eraseReporterIdentity: [
    'FORBIDDEN',
    'FORBIDDEN',
    'ok',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'FORBIDDEN',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
    'UNAUTHENTICATED',
  ],
};

/** Who is never to see an anonymous reporter: agencies, the Ombudsman, auditors, the national feed and everyone without a key. */
const NEVER_ANONYMOUS_IDENTITY: readonly CallerName[] = [
  'citizen (other)',
  'officer (assigned)',
  'officer (other agency)',
  'officer (parent agency)',
  'ombudsman',
  'ombudsman (region)',
  'ombudsman (other region)',
  'auditor',
  'sp4n',
  'no token',
];

describe('authorization matrix', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  const bearer = {} as Record<CallerName, string | undefined>;
  const t: Record<string, string> = {};
  let named: ComplaintView;
  let anonymous: ComplaintView & { accessKey: string };
  const matrix = new Map<string, Map<CallerName, string>>();

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    const sign = (claims: Record<string, unknown>, secret: string, exp: number | string = '1h') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setIssuer('aduan')
        .setAudience('aduan-api')
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    Object.assign(bearer, {
      'citizen (own)': await token({ sub: REPORTER_SUB, role: 'citizen' }),
      'citizen (other)': await token({ sub: 'citizen-other', role: 'citizen' }),
      operator: await token({ sub: 'operator-1', role: 'operator' }),
      'officer (assigned)': await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' }),
      'officer (other agency)': await token({ sub: 'officer-kendari', role: 'agency_officer', agency: 'KOTA-KENDARI' }),
      'officer (parent agency)': await token({ sub: 'officer-banjar', role: 'agency_officer', agency: 'KAB-BANJAR' }),
      ombudsman: await token({ sub: 'ombudsman-1', role: 'ombudsman' }),
      // KAB-BANJAR-DINKES, which handles every complaint here, lies in South Kalimantan.
      'ombudsman (region)': await token({ sub: 'ombudsman-kalsel', role: 'ombudsman', agency: 'OMBUDSMAN-KALSEL' }),
      'ombudsman (other region)': await token({ sub: 'ombudsman-jabar', role: 'ombudsman', agency: 'OMBUDSMAN-JABAR' }),
      auditor: await token({ sub: 'auditor-1', role: 'auditor' }),
      sp4n: await token({ sub: 'sp4n-national', role: 'sp4n' }),
      'no token': undefined,
      'expired token': await sign({ role: 'operator' }, TEST_JWT_SECRET, Math.floor(Date.now() / 1000) - 10),
      'wrong key': await sign({ role: 'operator' }, 'a-completely-different-secret-0123456789'),
      'unknown role': await sign({ role: 'president' }, TEST_JWT_SECRET),
    });
    t.reporter = bearer['citizen (own)'] as string;
    t.operator = bearer.operator as string;
    t.dinkes = bearer['officer (assigned)'] as string;
    t.ombudsman = bearer.ombudsman as string;
    t.named = await token({ sub: NAMED_SUB, role: 'citizen' });
    named = await handled({ reporter: NAMED }, 'escalated', t.named);
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView & { accessKey: string } }>(
      `mutation Submit($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id trackingCode accessKey } }`,
      { input: aComplaint({ anonymous: true, reporter: ANON, agencyCode: 'KAB-BANJAR-DINKES' }) },
      t.reporter,
    );
    anonymous = submitComplaint as ComplaintView & { accessKey: string };
    await progress(anonymous.id, 'escalated');
    await waitForProjection();
  });
  afterAll(async () => {
    printMatrix();
    await api?.close();
    await env?.stop();
  });

  /** A complaint by the reporter, taken to `stage`. */
  async function handled(
    overrides: Record<string, unknown> = {},
    stage: Stage = 'escalated',
    reporter = t.reporter,
  ): Promise<ComplaintView> {
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(
      SUBMIT,
      { input: aComplaint({ agencyCode: 'KAB-BANJAR-DINKES', ...overrides }) },
      reporter,
    );
    await progress(submitComplaint.id, stage);
    return submitComplaint;
  }
  type Stage = 'submitted' | 'forwarded' | 'responded' | 'escalated' | 'sanctioned' | 'accepted' | 'recommended';
  async function progress(id: string, stage: Stage): Promise<void> {
    if (stage === 'submitted') return;
    await api.client.ok(FORWARD, { input: { complaintId: id, toAgencyCode: 'KAB-BANJAR-DINKES' } }, t.operator);
    if (stage === 'forwarded') return;
    await api.client.ok(RESPOND, { input: { complaintId: id, message: 'Sudah ditangani dinas.' } }, t.dinkes);
    if (stage === 'responded') return;
    await api.client.ok(ESCALATE, { input: { complaintId: id, reason: 'Pelapor belum puas' } }, t.operator);
    if (stage === 'escalated') return;
    if (stage === 'sanctioned') {
      await api.client.ok(
        SANCTION,
        {
          input: {
            complaintId: id,
            sanctionedAgencyCode: 'KAB-BANJAR-DINKES',
            kind: 'WRITTEN_REPRIMAND',
            reason: 'Lalai',
          },
        },
        t.ombudsman,
      );
      return;
    }
    await api.client.ok(ACCEPT, { input: { complaintId: id } }, t.ombudsman);
    if (stage === 'accepted') return;
    await api.client.ok(
      RECOMMEND,
      { input: { complaintId: id, agencyCode: 'KAB-BANJAR-DINKES', recommendation: 'Pulihkan jam layanan' } },
      t.ombudsman,
    );
  }
  async function waitForProjection(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const listed = await api.client.ok<{ complaints: { edges: { node: { id: string } }[] } }>(LIST, {}, t.operator);
      if (listed.complaints.edges.some((e) => e.node.id === anonymous.id)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Whether any identity of the anonymous reporter appears in `text`. */
  const leaksAnonymous = (text: string) =>
    [ANON.name, ANON.email, ANON.phone, REPORTER_SUB].some((secret) => text.includes(secret));

  /** ok, null, [] or the error code; `+id` when an anonymous identity shows, `+reporter` when a named one does. */
  function outcome(response: GraphQLResponse<Record<string, unknown>>): string {
    const code = response.errors?.[0]?.extensions?.code;
    if (code) return String(code);
    const value = Object.values(response.data ?? {})[0];
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value) && value.length === 0) return '[]';
    const text = JSON.stringify(value);
    return `ok${leaksAnonymous(text) ? '+ANON-ID' : ''}${text.includes(NAMED.email) ? '+reporter' : ''}`;
  }
  function record(operation: string, caller: CallerName, result: string): void {
    if (!matrix.has(operation)) matrix.set(operation, new Map());
    matrix.get(operation)?.set(caller, result);
  }
  const ask = async (query: string, variables: Record<string, unknown>, caller: CallerName) =>
    outcome(await api.client.request(query, variables, bearer[caller]));

  async function exportOutcome(path: string, caller: CallerName): Promise<string> {
    const response = await fetch(`${api.url}${path}`, {
      headers: bearer[caller] ? { authorization: `Bearer ${bearer[caller]}` } : {},
    });
    const text = await response.text();
    if (response.status !== 200) return String(response.status);
    const lines = text.split('\n').filter(Boolean).length;
    return `200 (${lines})${leaksAnonymous(text) ? '+ANON-ID' : ''}${text.includes(NAMED.email) ? '+reporter' : ''}`;
  }

  const QUERIES: Record<string, (caller: CallerName) => Promise<string>> = {
    'complaint (named)': (c) => ask(ONE, { id: named.id }, c),
    'complaint (anonymous)': (c) => ask(ONE, { id: anonymous.id }, c),
    complaints: async (c) => {
      const response = await api.client.request<{ complaints: { edges: { node: { id: string } }[] } }>(
        LIST,
        {},
        bearer[c],
      );
      const result = outcome(response);
      if (!result.startsWith('ok')) return result;
      const ids = new Set(response.data?.complaints.edges.map((e) => e.node.id));
      return `${result} (${[named.id, anonymous.id].filter((id) => ids.has(id)).length}/2)`;
    },
    'complaintHistory (named)': (c) => ask(HISTORY, { id: named.id }, c),
    'complaintHistory (anonymous)': (c) => ask(HISTORY, { id: anonymous.id }, c),
    'complaintAsOf (anonymous)': (c) => ask(AS_OF, { id: anonymous.id, at: new Date().toISOString() }, c),
    'complaintByTrackingCode (key)': (c) =>
      ask(BY_CODE, { trackingCode: anonymous.trackingCode, accessKey: anonymous.accessKey }, c),
    'complaintByTrackingCode (wrong key)': (c) =>
      ask(BY_CODE, { trackingCode: anonymous.trackingCode, accessKey: 'AAAAA-AAAAA-AAAAA-AAAAA' }, c),
    publicComplaints: (c) => ask(FEED, {}, c),
    escalations: (c) => ask(ESCALATIONS, {}, c),
    'GET /export/complaints/:id (anonymous)': (c) => exportOutcome(`/export/complaints/${anonymous.id}`, c),
    'GET /export/agencies/KAB-BANJAR-DINKES': (c) => exportOutcome('/export/agencies/KAB-BANJAR-DINKES', c),
  };

  const MUTATIONS: Record<string, { stage: Stage; run: (id: string, caller: CallerName) => Promise<string> }> = {
    submitComplaint: { stage: 'submitted', run: (_id, c) => ask(SUBMIT_ID, { input: aComplaint() }, c) },
    verifyComplaint: { stage: 'submitted', run: (id, c) => ask(VERIFY, { input: { complaintId: id } }, c) },
    archiveComplaint: {
      stage: 'submitted',
      run: (id, c) => ask(ARCHIVE, { input: { complaintId: id, reason: 'UNINTELLIGIBLE' } }, c),
    },
    forwardComplaint: {
      stage: 'submitted',
      run: (id, c) => ask(FORWARD, { input: { complaintId: id, toAgencyCode: 'KAB-BANJAR-DINKES' } }, c),
    },
    respondToComplaint: {
      stage: 'forwarded',
      run: (id, c) => ask(RESPOND, { input: { complaintId: id, message: 'Jawaban dinas.' } }, c),
    },
    escalateComplaint: {
      stage: 'responded',
      run: (id, c) => ask(ESCALATE, { input: { complaintId: id, reason: 'Belum puas' } }, c),
    },
    sanctionComplaint: {
      stage: 'escalated',
      run: (id, c) =>
        ask(
          SANCTION,
          {
            input: {
              complaintId: id,
              sanctionedAgencyCode: 'KAB-BANJAR-DINKES',
              kind: 'WRITTEN_REPRIMAND',
              reason: 'Terlambat menjawab',
            },
          },
          c,
        ),
    },
    acceptComplaintForExamination: {
      stage: 'escalated',
      run: (id, c) => ask(ACCEPT, { input: { complaintId: id } }, c),
    },
    rejectComplaintForExamination: {
      stage: 'escalated',
      run: (id, c) =>
        ask(REJECT, { input: { complaintId: id, grounds: ['OTHER'], explanation: 'Bukan kewenangan' } }, c),
    },
    issueRecommendation: {
      stage: 'accepted',
      run: (id, c) =>
        ask(
          RECOMMEND,
          { input: { complaintId: id, agencyCode: 'KAB-BANJAR-DINKES', recommendation: 'Pulihkan jam layanan' } },
          c,
        ),
    },
    reportRecommendationImplementation: {
      stage: 'recommended',
      run: (id, c) => ask(IMPLEMENTED, { input: { complaintId: id, note: 'Sudah dipulihkan' } }, c),
    },
    concludeComplaint: {
      stage: 'escalated',
      run: (id, c) => ask(CONCLUDE, { input: { complaintId: id, finding: 'RESOLVED', reason: 'Sudah selesai' } }, c),
    },
    orderFieldCheck: {
      stage: 'escalated',
      run: (id, c) => ask(FIELD_CHECK, { input: { complaintId: id, reason: 'Perlu cek lapangan' } }, c),
    },
    recordSanctionRemedy: {
      stage: 'sanctioned',
      run: (id, c) => ask(REMEDY, { input: { complaintId: id, note: 'Sudah diperbaiki' } }, c),
    },
    eraseReporterIdentity: { stage: 'escalated', run: (id, c) => ask(ERASE, { id }, c) },
  };

  it('answers every query to every caller as the access rules say, and never shows an anonymous reporter to agencies, the public or exports', async () => {
    for (const [operation, run] of Object.entries(QUERIES)) {
      for (const caller of CALLERS) record(operation, caller, await run(caller));
    }
    for (const [operation, { stage, run }] of Object.entries(MUTATIONS)) {
      for (const caller of CALLERS) {
        const id = (await handled({}, stage)).id;
        record(operation, caller, await run(id, caller));
      }
    }
    const actual = Object.fromEntries([...matrix].map(([op, row]) => [op, CALLERS.map((c) => row.get(c) ?? '')]));
    expect(actual).toEqual(EXPECTED);
    // The point of the exercise, independent of the table: no anonymous identity where it must not be.
    for (const [operation, row] of matrix) {
      for (const caller of NEVER_ANONYMOUS_IDENTITY) {
        if (operation.startsWith('complaintByTrackingCode (key)')) continue; // the key's holder is the reporter
        expect(`${operation} × ${caller}: ${row.get(caller)}`).not.toContain('ANON-ID');
      }
    }
    for (const caller of CALLERS) expect(matrix.get('publicComplaints')?.get(caller)).not.toContain('ANON-ID');
  });

  function printMatrix(): void {
    const header = ['operation', ...CALLERS];
    const rows = [...matrix].map(([operation, row]) => [operation, ...CALLERS.map((c) => row.get(c) ?? '')]);
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    console.log([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n'));
  }
});
