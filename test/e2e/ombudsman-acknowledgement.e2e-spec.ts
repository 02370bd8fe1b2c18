import { createConfiguredEventStore, createReadModelProjector, loadConfig } from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';
import { onlyError } from './support/graphql-client.js';
import { aComplaint, ESCALATE, SUBMIT, type ComplaintView } from './support/operations.js';
import { storeSelection, TestEnvironment, token, type RunningApp } from './support/test-app.js';

const quietLogger = { log: () => undefined, error: () => undefined };

const PENDING = `query { pendingEscalations { id complaintId reason source escalatedAt agencyCode } }`;
const ACKNOWLEDGE = `mutation Ack($ids: [ID!]!) { acknowledgeEscalations(ids: $ids) }`;
const FEED = `query { escalations(first: 100) { edges { node { id complaintId } } } }`;

interface Pending {
  pendingEscalations: { id: string; complaintId: string; agencyCode: string | null }[];
}

describe('the Ombudsman feed with acknowledgement', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let databaseUrl: string;
  let operator: string;
  let national: string;
  let kalsel: string;
  let sultra: string;
  const kalselComplaints: string[] = [];
  const sultraComplaints: string[] = [];

  /** Escalates a complaint requested of this agency (never forwarded: the escalation names no agency). */
  const escalate = async (agencyCode: string): Promise<string> => {
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint({ agencyCode }),
    });
    await api.client.ok(ESCALATE, { input: { complaintId: submitComplaint.id, reason: 'Tidak ditanggapi' } }, operator);
    return submitComplaint.id;
  };

  /** This suite's own pending escalations (a shared store may hold other suites' too). */
  const pending = async (bearer: string) => {
    const ours = new Set([...kalselComplaints, ...sultraComplaints]);
    const { pendingEscalations } = await api.client.ok<Pending>(PENDING, {}, bearer);
    return pendingEscalations.filter((e) => ours.has(e.complaintId));
  };

  /** Waits for the projector to show `count` of them. */
  const pendingOnce = async (bearer: string, count: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = await pending(bearer);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    api = await env.startApp({ databaseUrl });
    operator = await token({ sub: 'operator-1', role: 'operator' });
    national = await token({ sub: 'ombudsman-ri-1', role: 'ombudsman' });
    kalsel = await token({ sub: 'ombudsman-kalsel-1', role: 'ombudsman', agency: 'OMBUDSMAN-KALSEL' });
    sultra = await token({ sub: 'ombudsman-sultra-1', role: 'ombudsman', agency: 'OMBUDSMAN-SULTRA' });
    kalselComplaints.push(await escalate('KAB-BANJAR'), await escalate('KAB-HSU'));
    sultraComplaints.push(await escalate('KAB-BOMBANA'));
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('loses nothing when a client crashes between fetching and acknowledging', async () => {
    const fetched = await pendingOnce(kalsel, 2);
    expect(fetched.map((e) => e.complaintId)).toEqual(kalselComplaints); // oldest first
    // The client "crashes" here, before acknowledging; on restart it fetches the same ones.
    const again = await pending(kalsel);
    expect(again).toEqual(fetched);

    const ids = again.map((e) => e.id);
    expect(
      (await api.client.ok<{ acknowledgeEscalations: number }>(ACKNOWLEDGE, { ids }, kalsel)).acknowledgeEscalations,
    ).toBe(2);
    expect(await pending(kalsel)).toEqual([]);
    // Acknowledging twice is harmless.
    expect(
      (await api.client.ok<{ acknowledgeEscalations: number }>(ACKNOWLEDGE, { ids }, kalsel)).acknowledgeEscalations,
    ).toBe(0);
    expect(await pending(kalsel)).toEqual([]);
  });

  it('gives each escalation a stable id, the same in the paged feed', async () => {
    const { escalations } = await api.client.ok<{
      escalations: { edges: { node: { id: string; complaintId: string } }[] };
    }>(FEED, {}, national);
    const fromFeed = new Map(escalations.edges.map(({ node }) => [node.complaintId, node.id]));
    const fromPending = await pendingOnce(national, 3);
    for (const e of fromPending) expect(fromFeed.get(e.complaintId)).toBe(e.id);
  });

  it('keeps acknowledgements per office, and filters regional offices by province', async () => {
    // OMBUDSMAN-RI sees all three, whatever KALSEL acknowledged.
    const all = await pendingOnce(national, 3);
    expect(new Set(all.map((e) => e.complaintId))).toEqual(new Set([...kalselComplaints, ...sultraComplaints]));
    // SULTRA sees its own province's only.
    const inSultra = await pendingOnce(sultra, 1);
    expect(inSultra.map((e) => e.complaintId)).toEqual(sultraComplaints);
    // An office cannot acknowledge what lies outside its province: ignored, counted 0.
    const kalselIds = all.filter((e) => kalselComplaints.includes(e.complaintId)).map((e) => e.id);
    expect(
      (await api.client.ok<{ acknowledgeEscalations: number }>(ACKNOWLEDGE, { ids: kalselIds }, sultra))
        .acknowledgeEscalations,
    ).toBe(0);
    // Unknown ids are ignored too.
    const unknown = ['00000000-0000-4000-8000-000000000000'];
    expect(
      (await api.client.ok<{ acknowledgeEscalations: number }>(ACKNOWLEDGE, { ids: unknown }, national))
        .acknowledgeEscalations,
    ).toBe(0);
    expect(
      (await api.client.ok<{ acknowledgeEscalations: number }>(ACKNOWLEDGE, { ids: all.map((e) => e.id) }, national))
        .acknowledgeEscalations,
    ).toBe(3);
    expect(await pending(national)).toEqual([]);
    expect(await pending(sultra)).toHaveLength(1);
  });

  it('is for the Ombudsman only', async () => {
    const auditor = await token({ sub: 'auditor-1', role: 'auditor' });
    const notAnOffice = await token({ sub: 'ombudsman-x', role: 'ombudsman', agency: 'KAB-BANJAR' });
    for (const bearer of [operator, auditor, notAnOffice]) {
      expect(onlyError(await api.client.request(PENDING, {}, bearer)).extensions?.code).toBe('FORBIDDEN');
      expect(onlyError(await api.client.request(ACKNOWLEDGE, { ids: [] }, bearer)).extensions?.code).toBe('FORBIDDEN');
    }
    expect(onlyError(await api.client.request(PENDING, {})).extensions?.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await api.client.request(ACKNOWLEDGE, { ids: ['not-a-uuid'] }, national)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('keeps acknowledgements and escalation ids through a read-model rebuild', async () => {
    const before = await pendingOnce(sultra, 1);
    await api.close();
    const pool = createPool({ connectionString: databaseUrl, max: 4 });
    const store = await createConfiguredEventStore(
      loadConfig({ ...storeSelection(), DATABASE_URL: databaseUrl }),
      pool,
      quietLogger,
    );
    try {
      await createReadModelProjector(store, pool, quietLogger).rebuild();
    } finally {
      await store.close();
      await pool.end();
    }
    api = await env.startApp({ databaseUrl });
    expect(await pending(kalsel)).toEqual([]);
    expect(await pending(national)).toEqual([]);
    expect(await pending(sultra)).toEqual(before);
  });
});
