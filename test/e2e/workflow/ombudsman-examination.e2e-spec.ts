import { onlyError } from '../support/graphql-client.js';
import { aComplaint } from '../support/operations.js';
import { eventually, TestEnvironment, token } from '../support/test-app.js';
import { startWorkflowApp, TestClock, type WorkflowApp } from './support/workflow-app.js';
import {
  CONCLUDE,
  REOPEN,
  deadline,
  FORWARD_W,
  HISTORY_TYPES,
  STATISTICS,
  SUBMIT_W,
  WORKFLOW_FIELDS,
  type WorkflowComplaint,
} from './support/workflow-operations.js';

const EXAMINATION = `ombudsmanExamination {
  stage office { code } decidedAt grounds note
  preconditions { failed matterOccurredAt reportedAt reportLimit reportLimitEndsAt
    priorComplaint { basis agency { code } statement } }
  recommendations { number office { code } agency { code } recommendation issuedAt receivedAt dueAt status
    implementation { note reportedByAgency { code } implementedAt onTime } } }`;
const FIELDS = `${WORKFLOW_FIELDS} ${EXAMINATION}`;
const mutation = (name: string, input: string) =>
  `mutation ${name[0]?.toUpperCase()}${name.slice(1)}($input: ${input}!) { ${name}(input: $input) { ${FIELDS} } }`;
const ESCALATE = mutation('escalateComplaint', 'EscalateComplaintInput');
const ACCEPT = mutation('acceptComplaintForExamination', 'AcceptComplaintForExaminationInput');
const REJECT = mutation('rejectComplaintForExamination', 'RejectComplaintForExaminationInput');
const RECOMMEND = mutation('issueRecommendation', 'IssueRecommendationInput');
const IMPLEMENTED = mutation('reportRecommendationImplementation', 'ReportRecommendationImplementationInput');
const ONE = `query One($id: ID!) { complaint(id: $id) { ${FIELDS} } }`;
const CHANGES = `query Changes($first: Int) { complaintChanges(first: $first) {
  edges { node { complaintId previousStatus newStatus eventType } } } }`;

interface Recommendation {
  number: number;
  agency: { code: string };
  office: { code: string };
  issuedAt: string;
  receivedAt: string;
  dueAt: string;
  status: string;
  implementation: { reportedByAgency: { code: string } | null; onTime: boolean } | null;
}
interface Examined extends WorkflowComplaint {
  submittedAt: string;
  ombudsmanExamination: {
    stage: string;
    office: { code: string } | null;
    grounds: string[];
    preconditions: {
      failed: string[];
      priorComplaint: { basis: string; agency: { code: string } | null; statement: string | null } | null;
      reportLimit: string;
    } | null;
    recommendations: Recommendation[];
  } | null;
}

const DAY = 86_400_000;

/**
 * The Ombudsman's examination of escalated reports (Law 37/2008) through GraphQL on a real PostgreSQL,
 * with the deadline scanner on a controllable clock. The refusals run first: the walk-through moves the
 * clock two months on, which every complaint of the app feels.
 */
describe("the Ombudsman's examination", () => {
  let env: TestEnvironment;
  let api: WorkflowApp | undefined;
  let clock: TestClock;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    clock = new TestClock();
    api = await startWorkflowApp(env, { clock });
    const officer = (sub: string, agency: string) => token({ sub, role: 'agency_officer', agency });
    t.citizen = await token({ sub: 'citizen-siti', role: 'citizen' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.auditor = await token({ sub: 'auditor-1', role: 'auditor' });
    t.sp4n = await token({ sub: 'sp4n-national', role: 'sp4n' });
    t.ombudsman = await token({ sub: 'ombudsman-ri', role: 'ombudsman' });
    t.kalsel = await token({ sub: 'ombudsman-kalsel', role: 'ombudsman', agency: 'OMBUDSMAN-KALSEL' });
    t.jabar = await token({ sub: 'ombudsman-jabar', role: 'ombudsman', agency: 'OMBUDSMAN-JABAR' });
    t.notAnOffice = await token({ sub: 'ombudsman-odd', role: 'ombudsman', agency: 'KAB-BANJAR' });
    t.dinkes = await officer('officer-dinkes', 'KAB-BANJAR-DINKES');
    t.diskominfo = await officer('officer-diskominfo', 'KAB-BANJAR-DISKOMINFO');
    t.hsu = await officer('officer-hsu', 'KAB-HSU');
    t.province = await officer('officer-kalsel', 'PROV-KALSEL');
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const app = (): WorkflowApp => {
    if (!api) throw new Error('the app is not running');
    return api;
  };
  const ok = async <T = Examined>(query: string, input: Record<string, unknown>, bearer: string): Promise<T> =>
    Object.values(await app().client.ok<Record<string, T>>(query, { input }, bearer))[0] as T;
  const refused = async (query: string, input: Record<string, unknown>, bearer?: string) =>
    onlyError(await app().client.request(query, { input }, bearer));
  const read = async (id: string, bearer = t.operator) =>
    (await app().client.ok<{ complaint: Examined }>(ONE, { id }, bearer)).complaint;
  const history = async (id: string) =>
    (
      await app().client.ok<{
        complaintHistory: { type: string; actor: { role: string }; data: Record<string, unknown> }[];
      }>(HISTORY_TYPES, { id }, t.operator)
    ).complaintHistory;

  /** Filed by the citizen, forwarded to `agency`, escalated by an operator: with the Ombudsman. */
  const escalatedAt = async (agency: string): Promise<Examined> => {
    const submitted = await ok<Examined>(SUBMIT_W, aComplaint({ agencyCode: agency }), t.citizen);
    await ok(FORWARD_W, { complaintId: submitted.id, toAgencyCode: agency }, t.operator);
    return ok(ESCALATE, { complaintId: submitted.id, reason: 'Tidak ada tindak lanjut dari dinas' }, t.operator);
  };
  /** Addressed to KAB-BANJAR-DINKES but escalated by an operator at triage: no agency ever had it. */
  const escalatedAtTriage = async (): Promise<Examined> => {
    const submitted = await ok<Examined>(SUBMIT_W, aComplaint({ agencyCode: 'KAB-BANJAR-DINKES' }), t.citizen);
    return ok(ESCALATE, { complaintId: submitted.id, reason: 'Langsung diteruskan ke Ombudsman' }, t.operator);
  };
  const accept = (complaintId: string, bearer = t.ombudsman, extra: Record<string, unknown> = {}) =>
    ok(ACCEPT, { complaintId, ...extra }, bearer);

  it('refuses to accept when a precondition of Law 37/2008 art. 24 fails, naming it', async () => {
    const triage = await escalatedAtTriage();
    expect(triage.ombudsmanExamination).toMatchObject({
      stage: 'AWAITING_DECISION',
      office: null,
      preconditions: null,
    });
    const first = await refused(ACCEPT, { complaintId: triage.id }, t.ombudsman);
    expect(first.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'OMBUDSMAN_PRECONDITION_FAILED',
      failedPreconditions: ['COMPLAINED_TO_AGENCY_FIRST'],
    });

    const late = await escalatedAt('KAB-BANJAR-DINKES');
    const threeYearsAgo = new Date(Date.parse(late.submittedAt) - 3 * 365 * DAY).toISOString();
    const old = await refused(ACCEPT, { complaintId: late.id, matterOccurredAt: threeYearsAgo }, t.ombudsman);
    expect(old.extensions).toMatchObject({ code: 'CONFLICT', failedPreconditions: ['WITHIN_REPORT_LIMIT'] });
    expect(old.message).toContain('P24M');
    const future = await refused(
      ACCEPT,
      { complaintId: late.id, matterOccurredAt: new Date(clock.now().getTime() + DAY).toISOString() },
      t.ombudsman,
    );
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    // Nothing was written by the refusals.
    expect(await history(late.id)).toHaveLength(late.version + 1);
    expect(await history(triage.id)).toHaveLength(triage.version + 1);
  });

  it('lets only the Ombudsman decide, a regional office only within its province', async () => {
    const complaint = await escalatedAt('KAB-BANJAR-DINKES');
    for (const bearer of [t.operator, t.dinkes, t.auditor, t.citizen, t.sp4n]) {
      expect((await refused(ACCEPT, { complaintId: complaint.id }, bearer)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await refused(ACCEPT, { complaintId: complaint.id })).extensions?.code).toBe('FORBIDDEN');
    const other = await refused(ACCEPT, { complaintId: complaint.id }, t.jabar);
    expect(other.extensions?.code).toBe('FORBIDDEN');
    expect(other.message).toContain('OMBUDSMAN-JABAR');
    expect((await refused(ACCEPT, { complaintId: complaint.id }, t.notAnOffice)).extensions?.code).toBe('FORBIDDEN');
    expect(
      (await refused(REJECT, { complaintId: complaint.id, grounds: ['OTHER'], explanation: 'Bukan wilayah' }, t.jabar))
        .extensions?.code,
    ).toBe('FORBIDDEN');
    // A recommendation needs the acceptance first.
    const early = await refused(
      RECOMMEND,
      { complaintId: complaint.id, agencyCode: 'KAB-BANJAR-DINKES', recommendation: 'Perbaiki layanan' },
      t.kalsel,
    );
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });

    const stale = await refused(
      ACCEPT,
      { complaintId: complaint.id, expectedVersion: complaint.version - 1 },
      t.kalsel,
    );
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_CONFLICT' });
    const input = { complaintId: complaint.id, expectedVersion: complaint.version, idempotencyKey: 'accept-once' };
    const accepted = await ok(ACCEPT, input, t.kalsel);
    expect(accepted.ombudsmanExamination).toMatchObject({
      stage: 'ACCEPTED',
      office: { code: 'OMBUDSMAN-KALSEL' },
      preconditions: {
        failed: [],
        reportLimit: 'P24M',
        priorComplaint: { basis: 'ASSIGNED_TO_AGENCY', agency: { code: 'KAB-BANJAR-DINKES' }, statement: null },
      },
    });
    // A retry with the key answers the first result and writes nothing.
    expect((await ok(ACCEPT, input, t.kalsel)).version).toBe(accepted.version);
    expect((await history(complaint.id)).filter((e) => e.type === 'ComplaintAcceptedByOmbudsman')).toHaveLength(1);
    const twice = await refused(ACCEPT, { complaintId: complaint.id }, t.ombudsman);
    expect(twice.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('records a report it does not accept and closes it; the SP4N feed shows the closure', async () => {
    const triage = await escalatedAtTriage();
    const tooShort = await refused(REJECT, { complaintId: triage.id, explanation: 'x' }, t.ombudsman);
    expect(tooShort.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const rejected = await ok(
      REJECT,
      { complaintId: triage.id, explanation: 'Pelapor diminta mengadu dahulu ke Dinas Kesehatan Kabupaten Banjar' },
      t.kalsel,
    );
    expect(rejected).toMatchObject({
      status: 'CLOSED',
      closure: { closedBy: 'OMBUDSMAN', finding: null },
      ombudsmanExamination: {
        stage: 'REJECTED',
        office: { code: 'OMBUDSMAN-KALSEL' },
        grounds: [],
        preconditions: { failed: ['COMPLAINED_TO_AGENCY_FIRST'], priorComplaint: null },
      },
    });
    expect(deadline(rejected, 'DISPUTE')?.status).toBe('MET');
    expect(rejected.deadlines.filter((d) => d.status === 'OPEN')).toEqual([]);

    // Both preconditions hold: it takes a ground of art. 36.
    const held = await escalatedAt('KAB-BANJAR-DINKES');
    const missing = await refused(REJECT, { complaintId: held.id, explanation: 'Sedang di pengadilan' }, t.ombudsman);
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    const beforeCourt = await ok(
      REJECT,
      { complaintId: held.id, grounds: ['BEFORE_COURT'], explanation: 'Perkara sedang diperiksa pengadilan' },
      t.ombudsman,
    );
    expect(beforeCourt.ombudsmanExamination).toMatchObject({ stage: 'REJECTED', grounds: ['BEFORE_COURT'] });
    // The reporter cannot reopen a report the Ombudsman did not accept, and is told so in its own words.
    const reopen = await refused(REOPEN, { complaintId: held.id, reason: 'Belum selesai juga' }, t.citizen);
    expect(reopen.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REJECTED_BY_OMBUDSMAN' });
    expect(reopen.message).toContain('OMBUDSMAN-RI did not accept the report for examination');
    expect(reopen.message).toContain('BEFORE_COURT');
    expect(await history(held.id)).toHaveLength(beforeCourt.version + 1);

    const change = await eventually(async () => {
      const { complaintChanges } = await app().client.ok<{
        complaintChanges: {
          edges: { node: { complaintId: string; previousStatus: string; newStatus: string; eventType: string } }[];
        };
      }>(CHANGES, { first: 100 }, t.sp4n);
      return complaintChanges.edges
        .map((e) => e.node)
        .find((n) => n.complaintId === triage.id && n.newStatus === 'CLOSED');
    });
    expect(change).toEqual({
      complaintId: triage.id,
      previousStatus: 'ESCALATED',
      newStatus: 'CLOSED',
      eventType: 'ComplaintRejectedByOmbudsman',
    });
  });

  it('shows a recommendation to the agency it is addressed to, which reports its implementation', async () => {
    const complaint = await escalatedAt('KAB-BANJAR-DINKES');
    await accept(complaint.id);
    expect((await app().client.request(ONE, { id: complaint.id }, t.diskominfo)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const recommended = await ok(
      RECOMMEND,
      {
        complaintId: complaint.id,
        agencyCode: 'KAB-BANJAR-DISKOMINFO',
        recommendation: 'Umumkan jadwal layanan puskesmas di kanal informasi kabupaten',
      },
      t.ombudsman,
    );
    expect(recommended.ombudsmanExamination?.recommendations).toEqual([
      expect.objectContaining({
        number: 1,
        agency: { code: 'KAB-BANJAR-DISKOMINFO' },
        status: 'AWAITING_IMPLEMENTATION',
      }),
    ]);
    await eventually(async () => {
      const response = await app().client.request<{ complaint: Examined }>(ONE, { id: complaint.id }, t.diskominfo);
      return response.data?.complaint?.ombudsmanExamination?.recommendations.length === 1 ? true : undefined;
    });
    const sibling = await refused(IMPLEMENTED, { complaintId: complaint.id, note: 'Sudah kami umumkan' }, t.dinkes);
    expect(sibling.extensions?.code).toBe('FORBIDDEN');
    const reported = await ok(
      IMPLEMENTED,
      { complaintId: complaint.id, note: 'Jadwal sudah diumumkan di situs kabupaten' },
      t.diskominfo,
    );
    expect(reported.ombudsmanExamination?.recommendations[0]).toMatchObject({
      status: 'IMPLEMENTED',
      implementation: { reportedByAgency: { code: 'KAB-BANJAR-DISKOMINFO' }, onTime: true },
    });
    expect(deadline(reported, 'RECOMMENDATION')?.status).toBe('MET');
  });

  it('walks escalate → accept → recommend → warning → breach on the clock → late report → RESOLVED', async () => {
    const complaint = await escalatedAt('KAB-HSU');
    expect(deadline(complaint, 'DISPUTE')).toMatchObject({ status: 'OPEN' });
    await accept(complaint.id, t.kalsel, { note: 'Memenuhi syarat' });
    const recommended = await ok(
      RECOMMEND,
      {
        complaintId: complaint.id,
        agencyCode: 'KAB-HSU',
        recommendation: 'Tambal jalan di depan pasar dan laporkan hasilnya',
        idempotencyKey: 'recommend-hsu',
      },
      t.kalsel,
    );
    const [recommendation] = recommended.ombudsmanExamination?.recommendations ?? [];
    expect(recommendation).toMatchObject({
      number: 1,
      office: { code: 'OMBUDSMAN-KALSEL' },
      status: 'AWAITING_IMPLEMENTATION',
    });
    expect(Date.parse(recommendation?.dueAt ?? '') - Date.parse(recommendation?.receivedAt ?? '')).toBe(60 * DAY);
    const window = deadline(recommended, 'RECOMMENDATION');
    expect(window).toMatchObject({
      status: 'OPEN',
      rule: 'RECOMMENDATION',
      span: 'P60D',
      dueAt: recommendation?.dueAt,
    });
    expect(deadline(recommended, 'DISPUTE')?.status).toBe('MET');

    clock.moveTo(window?.warnAt ?? '');
    await eventually(
      async () =>
        (await read(complaint.id)).deadlines.some((d) => d.kind === 'RECOMMENDATION' && d.warnedAt) ? true : undefined,
      15_000,
    );

    clock.moveTo(new Date(Date.parse(window?.dueAt ?? '') + 1000));
    const overdue = await eventually(async () => {
      const current = await read(complaint.id);
      return current.ombudsmanExamination?.recommendations[0]?.status === 'OVERDUE' ? current : undefined;
    }, 15_000);
    expect(overdue.status).toBe('ESCALATED');
    expect(deadline(overdue, 'RECOMMENDATION')).toMatchObject({ status: 'BREACHED', closedAt: null });
    const events = await history(complaint.id);
    const breaches = events.filter((e) => e.type === 'ComplaintDeadlineBreached' && e.data.kind === 'RECOMMENDATION');
    expect(breaches).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ role: 'system' }),
        data: expect.objectContaining({ agencyCode: 'KAB-HSU' }),
      }),
    ]);
    await app().scan();
    await app().scan();
    expect(await history(complaint.id)).toHaveLength(events.length);

    // Not RESOLVED while the recommendation awaits its report; the superior's late report counts.
    const early = await refused(
      CONCLUDE,
      { complaintId: complaint.id, finding: 'RESOLVED', reason: 'Sudah ditindaklanjuti' },
      t.kalsel,
    );
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    const reported = await ok(
      IMPLEMENTED,
      { complaintId: complaint.id, note: 'Jalan sudah ditambal oleh dinas PUPR' },
      t.province,
    );
    expect(reported.ombudsmanExamination?.recommendations[0]).toMatchObject({
      status: 'IMPLEMENTED_LATE',
      implementation: { reportedByAgency: { code: 'PROV-KALSEL' }, onTime: false },
    });
    expect(deadline(reported, 'RECOMMENDATION')).toMatchObject({ status: 'BREACHED', closedAt: expect.any(String) });
    const resolved = await ok(
      CONCLUDE,
      { complaintId: complaint.id, finding: 'RESOLVED', reason: 'Rekomendasi sudah dilaksanakan' },
      t.kalsel,
    );
    expect(resolved).toMatchObject({ status: 'CLOSED', closure: { closedBy: 'OMBUDSMAN', finding: 'RESOLVED' } });
    // A conclusion keeps its meaning for a reopening: INVALID_TRANSITION, "the Ombudsman concluded it".
    const reopen = await refused(REOPEN, { complaintId: complaint.id, reason: 'Jalan rusak lagi' }, t.citizen);
    expect(reopen.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(reopen.message).toContain('the Ombudsman concluded it');

    // Statistics count by the month of receipt in the working calendar's time zone (WIB).
    const month = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Jakarta',
      year: 'numeric',
      month: '2-digit',
    }).format(new Date(complaint.submittedAt));
    const stats = await eventually(async () => {
      const { complaintStatistics } = await app().client.ok<{
        complaintStatistics: { byAgency: Record<string, unknown>[] };
      }>(STATISTICS, { fromMonth: month, toMonth: month, agencyCode: 'KAB-HSU' });
      const row = complaintStatistics.byAgency.find((r) => r.agencyCode === 'KAB-HSU');
      return row?.recommendationImplemented === 1 ? row : undefined;
    });
    expect(stats).toMatchObject({
      received: 1,
      escalated: 1,
      ombudsmanAccepted: 1,
      ombudsmanRejected: 0,
      recommended: 1,
      recommendationImplemented: 1,
      recommendationOverdue: 1,
    });
  });
});
