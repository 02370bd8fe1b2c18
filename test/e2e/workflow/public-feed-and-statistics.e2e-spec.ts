import { complaintStreamName, replay, toComplaintEvent, type Complaint, type ComplaintEvent } from '#aduan/complaints';
import { START } from '#aduan/event-store';
import { complaintFactsOf, figuresOf, groupFacts, type ComplaintFacts } from '#aduan/projections';
import { LocalTime } from '#aduan/workflow';
import { onlyError } from '../support/graphql-client.js';
import { aComplaint, COMPLAINT } from '../support/operations.js';
import { eventually, TestEnvironment, token } from '../support/test-app.js';
import { startWorkflowApp, TestClock, type WorkflowApp } from './support/workflow-app.js';
import {
  CLASSIFY,
  CLOSE,
  DISPUTE,
  FORWARD_W,
  PUBLIC_FEED,
  RESPOND_W,
  SANCTION_W,
  STATISTICS,
  SUBMIT_W,
  VERIFY,
  type WorkflowComplaint,
} from './support/workflow-operations.js';

interface FeedPage {
  publicComplaints: {
    edges: { cursor: string; node: { id: string; status: string; type: string; agency: { code: string } | null } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('privacy, the public feed and statistics', () => {
  let env: TestEnvironment;
  let api: WorkflowApp;
  let clock: TestClock;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    clock = new TestClock();
    api = await startWorkflowApp(env, { clock });
    t.citizen = await token({ sub: 'citizen-rina', role: 'citizen' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.dinkes = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    t.hsu = await token({ sub: 'officer-hsu', role: 'agency_officer', agency: 'KAB-HSU' });
    t.ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const call = async (query: string, name: string, input: Record<string, unknown>, bearer?: string) =>
    (await api.client.ok<Record<string, WorkflowComplaint>>(query, { input }, bearer))[name] as WorkflowComplaint;
  const submit = (overrides: Record<string, unknown> = {}) =>
    call(SUBMIT_W, 'submitComplaint', aComplaint(overrides), t.citizen);
  const forward = (id: string, to: string) =>
    call(FORWARD_W, 'forwardComplaint', { complaintId: id, toAgencyCode: to }, t.operator);
  const feed = async (variables: Record<string, unknown> = {}) =>
    (await api.client.ok<FeedPage>(PUBLIC_FEED, variables)).publicComplaints;

  describe('privacy', () => {
    it('hides a reporter from the agency once an operator makes the report anonymous at triage', async () => {
      const { id } = await submit({ reporter: { name: 'Rina Wulandari', email: 'rina@example.id' } });
      await call(VERIFY, 'verifyComplaint', { complaintId: id, anonymous: true }, t.operator);
      const { version } = await forward(id, 'KAB-BANJAR-DINKES');
      // Queries read the read model: wait until it reflects the forward, then look as each role.
      await eventually(async () => {
        const { complaint } = await api.client.ok<{ complaint: { version: number } }>(COMPLAINT, { id }, t.operator);
        return complaint.version === version ? true : undefined;
      });
      const seen = async (bearer: string) =>
        (await api.client.ok<{ complaint: { reporter: unknown } }>(COMPLAINT, { id }, bearer)).complaint.reporter;
      expect(await seen(t.dinkes)).toBeNull();
      expect(await seen(t.ombudsman)).toBeNull();
      expect(await seen(t.operator)).toEqual({ name: 'Rina Wulandari', email: 'rina@example.id', phone: null });
      expect(await seen(t.citizen)).toEqual({ name: 'Rina Wulandari', email: 'rina@example.id', phone: null });
      // An operator cannot undo what makes a report more private.
      const errors = onlyError(
        await api.client.request(CLASSIFY, { input: { complaintId: id, anonymous: false } }, t.operator),
      );
      expect(errors.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('the public feed', () => {
    it('publishes verified, non-confidential complaints to anyone, never identities', async () => {
      const open = await submit({
        reporter: { name: 'Nama Rahasia Sekali', phone: '081299998888' },
        type: 'ASPIRATION',
      });
      await forward(open.id, 'KAB-HSU');
      const confidential = await submit({ confidential: true });
      await forward(confidential.id, 'KAB-HSU');
      const raisedLater = await submit();
      await call(VERIFY, 'verifyComplaint', { complaintId: raisedLater.id, confidential: true }, t.operator);
      const unverified = await submit();
      const answered = await submit();
      await forward(answered.id, 'KAB-HSU');
      await call(
        RESPOND_W,
        'respondToComplaint',
        { complaintId: answered.id, message: 'Sudah diperbaiki minggu ini.' },
        t.hsu,
      );

      const ids = await eventually(async () => {
        const page = await feed({ first: 100 });
        const found = page.edges.map((e) => e.node.id);
        return found.includes(answered.id) && found.includes(open.id) ? found : undefined;
      });
      expect(ids).not.toContain(confidential.id);
      expect(ids).not.toContain(raisedLater.id);
      expect(ids).not.toContain(unverified.id);
      const everything = JSON.stringify(await feed({ first: 100 }));
      expect(everything).not.toContain('Nama Rahasia Sekali');
      expect(everything).not.toContain('081299998888');
      expect(everything).not.toContain('citizen-rina');

      const aspirations = await feed({ filter: { type: 'ASPIRATION', agencyCode: 'KAB-HSU' } });
      expect(aspirations.edges.map((e) => e.node.id)).toEqual([open.id]);
      const responded = await feed({ filter: { status: 'RESPONDED' } });
      expect(responded.edges.map((e) => e.node.id)).toContain(answered.id);
      expect(responded.edges.every((e) => e.node.status === 'RESPONDED')).toBe(true);
      expect((await feed({ filter: { status: 'SUBMITTED' } })).edges).toEqual([]);
    });

    it('pages with stable cursors, like complaints', async () => {
      const created: string[] = [];
      for (let i = 0; i < 5; i++) {
        const { id } = await submit();
        await forward(id, 'KOTA-KENDARI');
        created.push(id);
      }
      await eventually(async () =>
        (await feed({ first: 10, filter: { agencyCode: 'KOTA-KENDARI' } })).edges.length === 5 ? true : undefined,
      );
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: FeedPage['publicComplaints'] = await feed({
          first: 2,
          after,
          filter: { agencyCode: 'KOTA-KENDARI' },
        });
        seen.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual([...created].reverse());
      const bad = onlyError(await api.client.request(PUBLIC_FEED, { after: 'bm90LWEtY3Vyc29y' }));
      expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('statistics', () => {
    it('equal what a replay of the store gives, per agency and per category, with the red mark', async () => {
      const agencies = ['KAB-BOMBANA', 'KAB-BOMBANA-INSPEKTORAT', 'KAB-INDRAMAYU'];
      const categories = ['HEALTH', 'INFRASTRUCTURE', null];
      const late: string[] = [];
      for (let i = 0; i < 9; i++) {
        const { id } = await submit({ category: categories[i % 3] });
        if (i === 8) continue; // stays in national triage
        const agency = agencies[i % 3] as string;
        await forward(id, agency);
        const officer = await token({ sub: `officer-${agency}`, role: 'agency_officer', agency });
        if (i % 4 === 0) {
          late.push(id);
          continue;
        }
        clock.advance(3_600_000 * (i + 1));
        await call(
          RESPOND_W,
          'respondToComplaint',
          { complaintId: id, message: 'Sudah kami tindak lanjuti.' },
          officer,
        );
        if (i % 4 === 1) await call(CLOSE, 'closeComplaint', { complaintId: id, rating: (i % 5) + 1 }, t.citizen);
        if (i % 4 === 2) {
          await call(
            DISPUTE,
            'disputeComplaint',
            { complaintId: id, reason: 'Tidak menyelesaikan masalah' },
            t.citizen,
          );
          await call(
            SANCTION_W,
            'sanctionComplaint',
            {
              complaintId: id,
              sanctionedAgencyCode: agency,
              kind: 'WRITTEN_REPRIMAND',
              reason: 'Jawaban tidak memadai',
            },
            t.ombudsman,
          );
        }
      }
      // Some complaints were left unanswered: the legal deadline passes and the system escalates them.
      clock.advance(15 * 86_400_000);
      await eventually(async () => {
        await api.scan();
        const statuses = await Promise.all(
          late.map(
            async (id) =>
              (await api.client.ok<{ complaint: { status: string } }>(COMPLAINT, { id }, t.operator)).complaint.status,
          ),
        );
        return statuses.every((s) => s === 'ESCALATED') ? true : undefined;
      });
      // Wait until the projector has applied everything in the store.
      const stored = await countStored();
      await eventually(async () => (api.runtime.projector.status().ordinal >= stored ? true : undefined));

      const facts = await replayFacts();
      const local = new LocalTime('Asia/Jakarta');
      const months = facts.map((f) => local.monthOf(new Date(f.receivedAt))).sort();
      const fromMonth = months[0] as string;
      const toMonth = months.at(-1) as string;
      const { complaintStatistics } = await api.client.ok<{
        complaintStatistics: { byAgency: Record<string, unknown>[]; byCategory: Record<string, unknown>[] };
      }>(STATISTICS, { fromMonth, toMonth });

      const expectedByAgency = groupFacts(
        facts,
        (f) => f.agencyCode,
        (d) => local.monthOf(d),
      ).map(({ key, period, facts: group }) => ({
        agencyCode: key,
        agency: key ? { code: key } : null,
        period,
        ...figuresOf(group),
      }));
      const expectedByCategory = groupFacts(
        facts,
        (f) => f.category,
        (d) => local.monthOf(d),
      ).map(({ key, period, facts: group }) => ({
        category: key,
        period,
        ...figuresOf(group),
      }));
      expect(roundFloats(complaintStatistics.byAgency)).toEqual(roundFloats(expectedByAgency));
      expect(roundFloats(complaintStatistics.byCategory)).toEqual(roundFloats(expectedByCategory));

      const redMarked = complaintStatistics.byAgency.filter((row) => row.redMark).map((row) => row.agencyCode);
      expect(redMarked.length).toBeGreaterThan(0);
      for (const row of complaintStatistics.byAgency) {
        expect(row.redMark).toBe((row.missedResponseDeadline as number) > 0);
      }
      const bombana = await api.client.ok<{ complaintStatistics: { byAgency: { agencyCode: string }[] } }>(STATISTICS, {
        fromMonth,
        toMonth,
        agencyCode: 'KAB-BOMBANA',
      });
      expect(new Set(bombana.complaintStatistics.byAgency.map((r) => r.agencyCode))).toEqual(
        new Set(['KAB-BOMBANA', 'KAB-BOMBANA-INSPEKTORAT']),
      );
      const invalid = onlyError(await api.client.request(STATISTICS, { fromMonth: '2025-13' }));
      expect(invalid.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  async function countStored(): Promise<number> {
    let count = 0;
    let checkpoint = START;
    for (;;) {
      const page = await api.runtime.eventStore.readAll(checkpoint, 1000);
      count += page.events.length;
      if (page.events.length === 0) return count;
      checkpoint = page.checkpoint;
    }
  }

  /** Every complaint folded from the store with the domain's own evolve, then its facts. */
  async function replayFacts(): Promise<ComplaintFacts[]> {
    const streams = new Map<string, ComplaintEvent[]>();
    let checkpoint = START;
    for (;;) {
      const page = await api.runtime.eventStore.readAll(checkpoint, 1000);
      if (page.events.length === 0) break;
      for (const recorded of page.events) {
        const event = toComplaintEvent({
          type: recorded.type,
          schemaVersion: recorded.metadata.schemaVersion ?? 1,
          data: recorded.data,
        });
        if (!event || recorded.streamName !== complaintStreamName(event.data.complaintId)) continue;
        streams.set(recorded.streamName, [...(streams.get(recorded.streamName) ?? []), event]);
      }
      checkpoint = page.checkpoint;
    }
    return [...streams.values()].map((events) => complaintFactsOf(replay(events) as Complaint));
  }
});

/** Floats compared to nine significant digits: SQL and JavaScript round the last bits differently. */
function roundFloats<T>(rows: T[]): T[] {
  return JSON.parse(
    JSON.stringify(rows, (_key, value: unknown) =>
      typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(9)) : value,
    ),
  ) as T[];
}
