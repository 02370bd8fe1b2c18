import { randomUUID } from 'node:crypto';
import { addDuration, complaintStreamName, parseIsoDuration, trackingCodeFor } from '#aduan/complaints';
import { createPool } from '#aduan/postgres';
import pg from 'pg';
import { replayCommand } from '../../apps/cli/src/commands/replay.command.js';
import { verifyCommand } from '../../apps/cli/src/commands/verify.command.js';
import { onlyError } from './support/graphql-client.js';
import { aComplaint, FORWARD, RESPOND, SUBMIT, type ComplaintView } from './support/operations.js';
import { databaseText, personalDataIn } from './support/personal-data.js';
import { rebuildReadModels } from './support/read-model-snapshot.js';
import { eventually, storeSelection, TestEnvironment, token, type RunningApp } from './support/test-app.js';

const REPORTER_SUB = 'citizen-erasure-1';
const FIRST = { name: 'Dewi Anggraini Lestari', email: 'dewi.lestari@contoh.id', phone: '+62 811 9876 5401' };
const SECOND = { name: 'Dewi Anggraini Lestari', email: null, phone: '0811-9876-5402' };
const OTHER = { name: 'Yusuf Hidayat Ramadhan', email: 'yusuf.ramadhan@contoh.id', phone: '081198765403' };
const LEGACY = { name: 'Slamet Riyadi Wibowo', email: 'slamet.wibowo@contoh.id', phone: '081198765404' };
const ERASED_ALL = { name: '[erased]', email: '[erased]', phone: '[erased]', erased: true };

const REPORTER = 'reporter { name email phone erased }';
const ERASE = `mutation Erase($id: ID!, $key: String) { eraseReporterIdentity(complaintId: $id, idempotencyKey: $key) {
  id version status ${REPORTER} } }`;
const ONE = `query One($id: ID!) { complaint(id: $id) { id version integrity { ok eventsChecked } ${REPORTER} } }`;
const LIST = `query List { complaints(first: 100) { edges { node { id ${REPORTER} } } } }`;
const HISTORY = `query History($id: ID!) { complaintHistory(id: $id) { type revision actor { id role } data
  stateAfter { status ${REPORTER} } } }`;
const AS_OF = `query AsOf($id: ID!, $at: DateTime!) { complaintAsOf(id: $id, at: $at) { id version status ${REPORTER} } }`;

interface Erased {
  eraseReporterIdentity: { id: string; version: number; status: string; reporter: unknown };
}
interface HistoryEvent {
  type: string;
  revision: number;
  actor: { id: string; role: string };
  data: Record<string, unknown>;
  stateAfter: { status: string; reporter: unknown } | null;
}

const quiet = { log: () => undefined, error: () => undefined };

describe('eraseReporterIdentity (crypto-shredding)', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let databaseUrl: string;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let beforeErasure: string;

  const submit = async (reporter: object, bearer?: string) =>
    (
      await api.client.ok<{ submitComplaint: ComplaintView }>(
        SUBMIT,
        { input: aComplaint({ reporter, agencyCode: 'KAB-BANJAR-DINKES' }) },
        bearer,
      )
    ).submitComplaint.id;
  const reporterOf = async (id: string | undefined, bearer = t.operator) =>
    (await api.client.ok<{ complaint: { reporter: unknown } }>(ONE, { id }, bearer)).complaint.reporter;
  const historyOf = async (id: string | undefined, bearer = t.operator) =>
    (await api.client.ok<{ complaintHistory: HistoryEvent[] }>(HISTORY, { id }, bearer)).complaintHistory;
  const exported = async (path: string, bearer = t.operator) => {
    const response = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(response.status).toBe(200);
    return response.text();
  };
  const cli = async (run: typeof replayCommand | typeof verifyCommand, args: string[]) => {
    const lines: string[] = [];
    const result = await run(args, quiet, (line) => lines.push(line), {
      ...storeSelection(),
      DATABASE_URL: databaseUrl,
    });
    return { result, output: lines.join('\n') };
  };
  const rawEvents = async (id: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ text: string }>(
        `SELECT data::text AS text FROM events WHERE stream_name = $1`,
        [complaintStreamName(id)],
      );
      return rows.map((r) => r.text).join('\n');
    } finally {
      await client.end();
    }
  };

  /** A complaint written before contacts were sealed: ComplaintSubmitted v1, its contact in clear. */
  async function writeLegacyComplaint(): Promise<string> {
    const id = randomUUID();
    const receivedAt = new Date(Date.now() - 86_400_000);
    await api.runtime.eventStore.append(
      complaintStreamName(id),
      [
        {
          id: randomUUID(),
          type: 'ComplaintSubmitted',
          data: {
            complaintId: id,
            trackingCode: trackingCodeFor(id),
            title: 'Jembatan desa rusak',
            description: 'Jembatan penghubung desa rusak sejak banjir bulan lalu.',
            complaintType: 'COMPLAINT',
            channel: 'WEB',
            requestedAgencyCode: 'KAB-BANJAR-DINKES',
            anonymous: false,
            confidential: false,
            reporter: LEGACY,
            reporterId: 'citizen-legacy',
            receivedAt: receivedAt.toISOString(),
            dueAt: addDuration(receivedAt, parseIsoDuration('P14D')).toISOString(),
          },
          metadata: {
            correlationId: randomUUID(),
            causationId: randomUUID(),
            actor: { id: 'citizen-legacy', role: 'citizen', agencyCode: null },
            occurredAt: receivedAt.toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      'no-stream',
    );
    return id;
  }

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    api = await env.startApp({ databaseUrl });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.reporter = await token({ sub: REPORTER_SUB, role: 'citizen' });
    t.otherCitizen = await token({ sub: 'citizen-other', role: 'citizen' });
    t.officer = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    t.ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
    t.auditor = await token({ sub: 'auditor-1', role: 'auditor' });
    t.sp4n = await token({ sub: 'sp4n-national', role: 'sp4n' });

    ids.first = await submit(FIRST, t.reporter);
    await api.client.ok(FORWARD, { input: { complaintId: ids.first, toAgencyCode: 'KAB-BANJAR-DINKES' } }, t.operator);
    await api.client.ok(
      RESPOND,
      { input: { complaintId: ids.first, message: 'Sudah kami tindak lanjuti.' } },
      t.officer,
    );
    ids.second = await submit(SECOND, t.reporter);
    ids.other = await submit(OTHER);
    ids.legacy = await writeLegacyComplaint();
    await api.client.ok(FORWARD, { input: { complaintId: ids.legacy, toAgencyCode: 'KAB-BANJAR-DINKES' } }, t.operator);
    await eventually(async () => {
      const listed = await api.client.ok<{ complaints: { edges: unknown[] } }>(LIST, {}, t.operator);
      return listed.complaints.edges.length === 4 ? true : undefined;
    });
    beforeErasure = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it("erases through one complaint, and every view of the account's complaints shows [erased]", async () => {
    const { eraseReporterIdentity: answer } = await api.client.ok<Erased>(ERASE, { id: ids.first }, t.operator);
    expect(answer).toMatchObject({ id: ids.first, version: 3, status: 'RESPONDED', reporter: ERASED_ALL });

    // complaint, for the operator and for the reporter; the account's other complaint too.
    expect(await reporterOf(ids.first)).toEqual(ERASED_ALL);
    expect(await reporterOf(ids.first, t.reporter)).toEqual(ERASED_ALL);
    expect(await reporterOf(ids.second)).toEqual({ name: '[erased]', email: null, phone: '[erased]', erased: true });
    expect(await reporterOf(ids.first, t.officer)).toEqual(ERASED_ALL);
    // Another reporter's complaint is untouched.
    expect(await reporterOf(ids.other)).toEqual({ ...OTHER, phone: '081198765403', erased: false });

    // The list, once the read model has the erasure.
    await eventually(async () => {
      const listed = await api.client.ok<{ complaints: { edges: { node: { id: string; reporter: unknown } }[] } }>(
        LIST,
        {},
        t.operator,
      );
      const byId = new Map(listed.complaints.edges.map((e) => [e.node.id, e.node.reporter]));
      return (byId.get(ids.first) as { erased?: boolean } | undefined)?.erased ? byId : undefined;
    }).then((byId) => {
      expect(byId.get(ids.second)).toMatchObject({ erased: true });
      expect(byId.get(ids.other)).toMatchObject({ name: OTHER.name, erased: false });
    });

    // The history still replays: every event, the erasure last, every state after it erased.
    const history = await historyOf(ids.first);
    expect(history.map((e) => e.type)).toEqual([
      'ComplaintSubmitted',
      'ComplaintForwarded',
      'ComplaintResponded',
      'ReporterIdentityErased',
    ]);
    expect(history[0]?.data.reporter).toEqual({ name: '[erased]', email: '[erased]', phone: '[erased]' });
    expect(history.map((e) => e.stateAfter?.reporter)).toEqual(Array(4).fill(ERASED_ALL));
    expect(history.map((e) => e.stateAfter?.status)).toEqual(['SUBMITTED', 'FORWARDED', 'RESPONDED', 'RESPONDED']);
    expect(history[3]).toMatchObject({
      actor: { id: 'operator-1', role: 'operator' },
      data: { complaintId: ids.first },
    });
    expect(Object.keys(history[3]?.data ?? {}).sort()).toEqual(['complaintId', 'erasedAt']);
    expect(personalDataIn(JSON.stringify(history), [...Object.values(FIRST)])).toEqual([]);

    // As of an instant before the erasure: the state then, the identity as it is now.
    const { complaintAsOf } = await api.client.ok<{ complaintAsOf: { version: number; reporter: unknown } }>(
      AS_OF,
      { id: ids.first, at: beforeErasure },
      t.auditor,
    );
    expect(complaintAsOf).toMatchObject({ version: 2, reporter: ERASED_ALL });

    // Exports: the complaint's and the agency's.
    const lines = await exported(`/export/complaints/${ids.first}`);
    expect(lines.split('\n').filter(Boolean)).toHaveLength(4);
    expect(lines).toContain('"reporter":{"name":"[erased]","email":"[erased]","phone":"[erased]"}');
    const agency = await exported('/export/agencies/KAB-BANJAR-DINKES');
    expect(
      personalDataIn(lines + agency, [...Object.values(FIRST), ...Object.values(SECOND).filter(Boolean)] as string[]),
    ).toEqual([]);
    // The agency's other complaint (the v1 one, not erased yet) still shows its reporter.
    expect(agency).toContain(LEGACY.name);

    // Tamper evidence still holds: the events were not touched.
    const { complaint } = await api.client.ok<{ complaint: { integrity: { ok: boolean; eventsChecked: number } } }>(
      ONE,
      { id: ids.first },
      t.auditor,
    );
    expect(complaint.integrity).toEqual({ ok: true, eventsChecked: 4 });
    expect((await cli(verifyCommand, [])).result).toBe(true);
    const replay = await cli(replayCommand, ['--complaint', ids.first ?? '', '--show-reporter']);
    expect(replay.output).toContain('reporter: [erased]');
    expect(replay.output).toContain("the reporter's identity erased");
    expect(replay.output).toContain('now: RESPONDED at version 3');

    // Nothing of the two erased contacts remains readable anywhere in the database.
    const values = [...Object.values(FIRST), ...Object.values(SECOND)].filter((v): v is string => v !== null);
    expect(personalDataIn(await databaseText(databaseUrl), values)).toEqual([]);
  });

  it('is harmless twice: the same answer, no second event, no key touched', async () => {
    const before = (await api.runtime.eventStore.readStream(complaintStreamName(ids.first ?? ''))).length;
    const identities = api.runtime.reporterIdentities;
    const erase = identities.erase.bind(identities);
    let erasures = 0;
    identities.erase = (...args) => {
      erasures++;
      return erase(...args);
    };
    try {
      const again = await api.client.ok<Erased>(ERASE, { id: ids.first }, t.operator);
      expect(again.eraseReporterIdentity).toMatchObject({ version: 3, reporter: ERASED_ALL });
      expect(erasures).toBe(0);
    } finally {
      identities.erase = erase;
    }
    // Through the account's other complaint, already erased by its key: its own erasure is recorded once.
    const second = await api.client.ok<Erased>(ERASE, { id: ids.second, key: 'erase-second' }, t.operator);
    const retried = await api.client.ok<Erased>(ERASE, { id: ids.second, key: 'erase-second' }, t.operator);
    expect(retried).toEqual(second);
    expect(second.eraseReporterIdentity.version).toBe(1);
    expect((await api.runtime.eventStore.readStream(complaintStreamName(ids.first ?? ''))).length).toBe(before);
    expect((await api.runtime.eventStore.readStream(complaintStreamName(ids.second ?? ''))).length).toBe(2);
  });

  it('is for operators only; unknown complaints are NOT_FOUND', async () => {
    const refused = [t.reporter, t.otherCitizen, t.officer, t.ombudsman, t.auditor, t.sp4n, undefined] as (
      string | undefined
    )[];
    for (const bearer of refused) {
      const answer = await api.client.request(ERASE, { id: ids.other }, bearer);
      expect(onlyError(answer).extensions?.code).toBe('FORBIDDEN');
    }
    expect(onlyError(await api.client.request(ERASE, { id: randomUUID() }, t.operator)).extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(onlyError(await api.client.request(ERASE, { id: 'not-a-complaint' }, t.operator)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(await reporterOf(ids.other)).toMatchObject({ name: OTHER.name, erased: false });
    expect((await api.runtime.eventStore.readStream(complaintStreamName(ids.other ?? ''))).length).toBe(1);
  });

  it("gives the account a new key afterwards: the reporter's next complaint reads as given", async () => {
    ids.next = await submit({ name: 'Dewi A. Lestari', phone: '081198765406' }, t.reporter);
    expect(await reporterOf(ids.next)).toEqual({
      name: 'Dewi A. Lestari',
      email: null,
      phone: '081198765406',
      erased: false,
    });
    expect(await reporterOf(ids.first)).toEqual(ERASED_ALL);
  });

  it('reads v1 complaints (contact in clear in the event) as before, and erases them in every view', async () => {
    expect(await reporterOf(ids.legacy)).toEqual({ ...LEGACY, erased: false });
    expect((await historyOf(ids.legacy))[0]?.data.reporter).toEqual(LEGACY);
    expect(await exported(`/export/complaints/${ids.legacy}`)).toContain(LEGACY.email);
    // The read model never held it: only which parts there are.
    const summary = await new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const { rows } = await summary.query<{ state: string }>(
        `SELECT state::text FROM complaint_summary WHERE id = $1`,
        [ids.legacy],
      );
      expect(rows[0]?.state).toContain('"legacy"');
      expect(personalDataIn(rows[0]?.state ?? '', Object.values(LEGACY))).toEqual([]);
    } finally {
      await summary.end();
    }

    await api.client.ok(ERASE, { id: ids.legacy }, t.operator);
    expect(await reporterOf(ids.legacy)).toEqual(ERASED_ALL);
    const history = await historyOf(ids.legacy);
    expect(history[0]?.data.reporter).toEqual({ name: '[erased]', email: '[erased]', phone: '[erased]' });
    expect(history.map((e) => e.stateAfter?.reporter)).toEqual(Array(3).fill(ERASED_ALL));
    const lines = await exported(`/export/complaints/${ids.legacy}`);
    expect(personalDataIn(lines, Object.values(LEGACY))).toEqual([]);
    const replay = await cli(replayCommand, ['--complaint', ids.legacy ?? '', '--show-reporter']);
    expect(replay.output).toContain('reporter: [erased]');
    expect(personalDataIn(replay.output, Object.values(LEGACY))).toEqual([]);
    expect((await cli(verifyCommand, ['--complaint', ids.legacy ?? ''])).result).toBe(true);
    // The documented limit: the v1 event itself cannot be edited, and still holds the contact in clear.
    expect(await rawEvents(ids.legacy ?? '')).toContain(LEGACY.name);
  });

  it('still shows [erased] after the read models are rebuilt from the store, and keeps the key vault', async () => {
    await api.close();
    await rebuildReadModels(databaseUrl);
    const pool = createPool({ connectionString: databaseUrl, max: 1 });
    try {
      const { rows } = await pool.query<{ erased: number; live: number }>(
        `SELECT count(*) FILTER (WHERE erased_at IS NOT NULL)::int AS erased, count(*) FILTER (WHERE erased_at IS NULL)::int AS live
           FROM reporter_identity_keys`,
      );
      expect(rows[0]).toEqual({ erased: 1, live: 2 });
    } finally {
      await pool.end();
    }
    api = await env.startApp({ databaseUrl });
    const listed = await api.client.ok<{ complaints: { edges: { node: { id: string; reporter: unknown } }[] } }>(
      LIST,
      {},
      t.operator,
    );
    const byId = new Map(listed.complaints.edges.map((e) => [e.node.id, e.node.reporter]));
    expect(byId.get(ids.first)).toEqual(ERASED_ALL);
    expect(byId.get(ids.second)).toMatchObject({ erased: true });
    expect(byId.get(ids.legacy)).toEqual(ERASED_ALL);
    expect(byId.get(ids.other)).toMatchObject({ name: OTHER.name, erased: false });
    expect(byId.get(ids.next)).toMatchObject({ name: 'Dewi A. Lestari', erased: false });
  });
});
