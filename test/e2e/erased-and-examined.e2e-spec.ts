import { replayCommand } from '../../apps/cli/src/commands/replay.command.js';
import { verifyCommand } from '../../apps/cli/src/commands/verify.command.js';
import { aComplaint, ESCALATE, FORWARD, SUBMIT, type ComplaintView } from './support/operations.js';
import { databaseText, personalDataIn } from './support/personal-data.js';
import { countEvents, readModelSnapshot, rebuildReadModels } from './support/read-model-snapshot.js';
import { eventually, storeSelection, TestEnvironment, token, type RunningApp } from './support/test-app.js';

/** Contacts of the reporters whose identity is erased below: none may show anywhere afterwards. */
const ERASED_CONTACTS = {
  accepted: { name: 'Rahmawati Nur Aisyah', email: 'rahmawati.aisyah@contoh.id', phone: '+62 812 5550 1101' },
  midway: { name: 'Bambang Sutrisno Adi', email: 'bambang.adi@contoh.id', phone: '0812-5550-1102' },
  rejected: { name: 'Fitri Handayani Putri', email: 'fitri.putri@contoh.id', phone: '081255501103' },
};
/** A reporter not erased: sealed like the others, shown to those allowed. */
const KEPT = { name: 'Agus Salim Harahap', email: 'agus.harahap@contoh.id', phone: '081255501104' };
const ERASED_ALL = { name: '[erased]', email: '[erased]', phone: '[erased]', erased: true };
const ERASED_VALUES = Object.values(ERASED_CONTACTS).flatMap((contact) => Object.values(contact));

const REPORTER = 'reporter { name email phone erased }';
const COMPLAINT_FIELDS = `id version status ${REPORTER} closure { closedBy finding }
  ombudsmanExamination { stage office { code } recommendations { number status } }`;
const mutation = (name: string, input: string) =>
  `mutation M($input: ${input}!) { ${name}(input: $input) { ${COMPLAINT_FIELDS} } }`;
const ACCEPT = mutation('acceptComplaintForExamination', 'AcceptComplaintForExaminationInput');
const REJECT = mutation('rejectComplaintForExamination', 'RejectComplaintForExaminationInput');
const RECOMMEND = mutation('issueRecommendation', 'IssueRecommendationInput');
const IMPLEMENTED = mutation('reportRecommendationImplementation', 'ReportRecommendationImplementationInput');
const CONCLUDE = mutation('concludeComplaint', 'ConcludeComplaintInput');
const ERASE = `mutation Erase($id: ID!) { eraseReporterIdentity(complaintId: $id) { ${COMPLAINT_FIELDS} } }`;
const ONE = `query One($id: ID!) { complaint(id: $id) { ${COMPLAINT_FIELDS} integrity { ok eventsChecked } } }`;
const HISTORY = `query History($id: ID!) { complaintHistory(id: $id) { type actor { id role agencyCode } data
  stateAfter { status ${REPORTER} ombudsmanExamination { stage } } } }`;
const LIST = `query List { complaints(first: 100) { edges { node { id ${REPORTER} } } } }`;
const CHANGES = `query Changes { complaintChanges(first: 100) { edges { node {
  complaintId trackingCode nationalTrackingId previousStatus newStatus eventType changedAt } } } }`;
const ESCALATIONS = `query Escalations { escalations(first: 100) { edges { node { complaintId reason agencyCode } } } }`;
const PENDING = `query Pending { pendingEscalations { complaintId reason agencyCode } }`;
const FEED = `query Feed { publicComplaints(first: 100) { edges { node {
  id trackingCode title description status agency { code } escalatedAt closedAt } } } }`;

interface Examined {
  id: string;
  version: number;
  status: string;
  reporter: unknown;
  closure: { closedBy: string; finding: string | null } | null;
  ombudsmanExamination: {
    stage: string;
    office: { code: string } | null;
    recommendations: { number: number; status: string }[];
  } | null;
}

const quiet = { log: () => undefined, error: () => undefined };

/**
 * The two features together: reporters' identities erased before, during and without the Ombudsman's
 * examination. Every step of the examination works on an erased complaint, every view shows "[erased]",
 * the chain verifies, nothing of an erased contact is left in the database or in any feed, and read
 * models rebuilt from the store equal the live ones, table by table.
 */
describe("the Ombudsman's examination of complaints whose reporter was erased", () => {
  let env: TestEnvironment;
  let databaseUrl: string;
  let api: RunningApp | undefined;
  const t: Record<string, string> = {};
  const ids: Record<keyof typeof ERASED_CONTACTS | 'kept', string> = {
    accepted: '',
    midway: '',
    rejected: '',
    kept: '',
  };

  const app = (): RunningApp => {
    if (!api) throw new Error('the app is not running');
    return api;
  };
  const ok = async (query: string, variables: Record<string, unknown>, bearer: string): Promise<Examined> =>
    Object.values(await app().client.ok<Record<string, Examined>>(query, variables, bearer))[0] as Examined;
  const run = (query: string, input: Record<string, unknown>, bearer: string) => ok(query, { input }, bearer);
  const read = async (id: string, bearer = t.operator) =>
    (await app().client.ok<{ complaint: Examined & { integrity: { ok: boolean } } }>(ONE, { id }, bearer)).complaint;
  const escalated = async (reporter: object, bearer?: string, forward = true): Promise<string> => {
    const { submitComplaint } = await app().client.ok<{ submitComplaint: ComplaintView }>(
      SUBMIT,
      { input: aComplaint({ reporter, agencyCode: 'KAB-BANJAR-DINKES' }) },
      bearer,
    );
    const id = submitComplaint.id;
    if (forward) {
      await app().client.ok(FORWARD, { input: { complaintId: id, toAgencyCode: 'KAB-BANJAR-DINKES' } }, t.operator);
    }
    await app().client.ok(ESCALATE, { input: { complaintId: id, reason: 'Tidak ada tindak lanjut' } }, t.operator);
    return id;
  };
  const cli = async (command: typeof replayCommand | typeof verifyCommand, args: string[]) => {
    const lines: string[] = [];
    const result = await command(args, quiet, (line) => lines.push(line), {
      ...storeSelection(),
      DATABASE_URL: databaseUrl,
    });
    return { result, output: lines.join('\n') };
  };
  const projected = async () => {
    const events = await countEvents(app().runtime.eventStore);
    await eventually(async () => (app().runtime.projector.status().ordinal >= events ? true : undefined));
  };
  const ours = () => Object.values(ids);

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    api = await env.startApp({ databaseUrl });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.reporter = await token({ sub: 'citizen-erased-examined', role: 'citizen' });
    t.kalsel = await token({ sub: 'ombudsman-kalsel', role: 'ombudsman', agency: 'OMBUDSMAN-KALSEL' });
    t.national = await token({ sub: 'ombudsman-ri', role: 'ombudsman' });
    t.dinkes = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    t.auditor = await token({ sub: 'auditor-1', role: 'auditor' });
    t.sp4n = await token({ sub: 'sp4n-national', role: 'sp4n' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('examines a complaint erased before the decision: accept, recommend, report, conclude', async () => {
    ids.accepted = await escalated(ERASED_CONTACTS.accepted, t.reporter);
    expect((await ok(ERASE, { id: ids.accepted }, t.operator)).reporter).toEqual(ERASED_ALL);

    const accepted = await run(ACCEPT, { complaintId: ids.accepted }, t.kalsel);
    expect(accepted).toMatchObject({ reporter: ERASED_ALL, ombudsmanExamination: { stage: 'ACCEPTED' } });
    const recommended = await run(
      RECOMMEND,
      { complaintId: ids.accepted, agencyCode: 'KAB-BANJAR-DINKES', recommendation: 'Pulihkan jam layanan' },
      t.kalsel,
    );
    expect(recommended.ombudsmanExamination?.recommendations).toEqual([
      { number: 1, status: 'AWAITING_IMPLEMENTATION' },
    ]);
    // The recommended agency's officer sees the erased reporter too, and reports.
    const reported = await run(IMPLEMENTED, { complaintId: ids.accepted, note: 'Jam layanan dipulihkan' }, t.dinkes);
    expect(reported).toMatchObject({
      reporter: ERASED_ALL,
      ombudsmanExamination: { recommendations: [{ number: 1, status: 'IMPLEMENTED' }] },
    });
    const concluded = await run(
      CONCLUDE,
      { complaintId: ids.accepted, finding: 'RESOLVED', reason: 'Rekomendasi dilaksanakan' },
      t.kalsel,
    );
    expect(concluded).toMatchObject({
      status: 'CLOSED',
      reporter: ERASED_ALL,
      closure: { closedBy: 'OMBUDSMAN', finding: 'RESOLVED' },
    });
    expect((await read(ids.accepted, t.reporter)).reporter).toEqual(ERASED_ALL);
  });

  it('goes on when the identity is erased midway, and a decision taken before the erasure still stands', async () => {
    ids.midway = await escalated(ERASED_CONTACTS.midway);
    const accepted = await run(ACCEPT, { complaintId: ids.midway }, t.national);
    expect(accepted.reporter).toMatchObject({ name: ERASED_CONTACTS.midway.name, erased: false });
    const erased = await ok(ERASE, { id: ids.midway }, t.operator);
    expect(erased).toMatchObject({ version: accepted.version + 1, reporter: ERASED_ALL });
    // Decided on the version before the erasure: decided again, not a CONFLICT (concurrency.ts).
    const recommended = await run(
      RECOMMEND,
      {
        complaintId: ids.midway,
        agencyCode: 'KAB-BANJAR-DINKES',
        recommendation: 'Tetapkan jadwal layanan tetap',
        expectedVersion: accepted.version,
      },
      t.national,
    );
    expect(recommended).toMatchObject({ version: accepted.version + 2, reporter: ERASED_ALL });
  });

  it('records a rejection of an erased complaint, and keeps a reporter who was not erased', async () => {
    ids.rejected = await escalated(ERASED_CONTACTS.rejected, undefined, false);
    await ok(ERASE, { id: ids.rejected }, t.operator);
    const rejected = await run(
      REJECT,
      { complaintId: ids.rejected, explanation: 'Pelapor diminta mengadu dahulu ke dinas' },
      t.kalsel,
    );
    expect(rejected).toMatchObject({
      status: 'CLOSED',
      reporter: ERASED_ALL,
      ombudsmanExamination: { stage: 'REJECTED', office: { code: 'OMBUDSMAN-KALSEL' } },
    });

    ids.kept = await escalated(KEPT);
    const kept = await run(ACCEPT, { complaintId: ids.kept }, t.kalsel);
    expect(kept.reporter).toEqual({ ...KEPT, erased: false });
  });

  it('shows [erased] in every history and state, verifies, and leaves no erased contact anywhere', async () => {
    for (const id of [ids.accepted, ids.midway, ids.rejected]) {
      const { complaintHistory } = await app().client.ok<{
        complaintHistory: { type: string; data: Record<string, unknown>; stateAfter: { reporter: unknown } }[];
      }>(HISTORY, { id }, t.operator);
      expect(complaintHistory[0]?.data.reporter).toEqual({ name: '[erased]', email: '[erased]', phone: '[erased]' });
      expect(complaintHistory.map((e) => e.stateAfter.reporter)).toEqual(
        Array(complaintHistory.length).fill(ERASED_ALL),
      );
      expect(complaintHistory.map((e) => e.type)).toContain('ReporterIdentityErased');
      expect(personalDataIn(JSON.stringify(complaintHistory), ERASED_VALUES)).toEqual([]);
      expect((await read(id, t.auditor)).integrity).toMatchObject({ ok: true });

      const exported = await fetch(`${app().url}/export/complaints/${id}`, {
        headers: { authorization: `Bearer ${t.operator}` },
      });
      expect(exported.status).toBe(200);
      const lines = await exported.text();
      expect(lines).toContain('"reporter":{"name":"[erased]","email":"[erased]","phone":"[erased]"}');
      expect(personalDataIn(lines, ERASED_VALUES)).toEqual([]);

      const replay = await cli(replayCommand, ['--complaint', id, '--show-reporter']);
      expect(replay.output).toContain('reporter: [erased]');
      expect(replay.output).toMatch(/did not accept it for examination|accepted it for examination/);
      expect(replay.output).not.toMatch(/\{"/);
      expect(personalDataIn(replay.output, ERASED_VALUES)).toEqual([]);
    }
    expect((await cli(verifyCommand, [])).result).toBe(true);

    await projected();
    const [list, changes, escalations, pending, publicFeed] = (
      await Promise.all([
        app().client.ok(LIST, {}, t.operator),
        app().client.ok(CHANGES, {}, t.sp4n),
        app().client.ok(ESCALATIONS, {}, t.national),
        app().client.ok(PENDING, {}, t.kalsel),
        app().client.ok(FEED, {}),
      ])
    ).map((answer) => JSON.stringify(answer));
    for (const feed of [list, changes, escalations, pending, publicFeed]) {
      expect(personalDataIn(feed ?? '', ERASED_VALUES)).toEqual([]);
    }
    // The feeds hold these complaints: the SP4N feed the rejection, the others the escalations and reports.
    expect(changes).toContain(`"complaintId":"${ids.rejected}","trackingCode"`);
    expect(changes).toContain('ComplaintRejectedByOmbudsman');
    for (const id of Object.values(ids)) expect(escalations).toContain(id);
    expect(pending).toContain(ids.kept);
    expect(publicFeed).toContain(ids.accepted);
    // Every row of every table, as a dump would hold it: the erased contacts are gone; the kept one is sealed.
    const dump = await databaseText(databaseUrl);
    expect(personalDataIn(dump, ERASED_VALUES)).toEqual([]);
    expect(personalDataIn(dump, Object.values(KEPT))).toEqual([]);
  });

  it('rebuilds every read model of these complaints exactly as it was live, erasures and examinations included', async () => {
    await projected();
    const live = await readModelSnapshot(databaseUrl, ours());
    expect(live.complaints).toHaveLength(4);
    expect(live.workflow.map((row) => row['ombudsman_decision']).sort()).toEqual([
      'ACCEPTED',
      'ACCEPTED',
      'ACCEPTED',
      'REJECTED',
    ]);
    expect(live.changes.length).toBeGreaterThanOrEqual(12);
    const events = await countEvents(app().runtime.eventStore);
    await app().close();
    api = undefined;
    expect(await rebuildReadModels(databaseUrl)).toBe(events);
    expect(await readModelSnapshot(databaseUrl, ours())).toEqual(live);

    api = await env.startApp({ databaseUrl });
    expect((await read(ids.accepted)).reporter).toEqual(ERASED_ALL);
    expect((await read(ids.kept)).reporter).toEqual({ ...KEPT, erased: false });
  });
});
