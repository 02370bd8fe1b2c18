import { onlyError } from './support/graphql-client.js';
import {
  aComplaint,
  COMPLAINT,
  COMPLAINTS,
  ESCALATE,
  ESCALATIONS,
  FORWARD,
  HISTORY,
  RESPOND,
  SANCTION,
  SUBMIT,
  type ComplaintView,
} from './support/operations.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

describe('complaint lifecycle over GraphQL', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    tokens.citizen = await token({ sub: 'citizen-siti', role: 'citizen' });
    tokens.operator = await token({ sub: 'operator-1', role: 'operator' });
    tokens.dinkes = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    tokens.kendari = await token({ sub: 'officer-kendari', role: 'agency_officer', agency: 'KOTA-KENDARI' });
    tokens.ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
    tokens.auditor = await token({ sub: 'auditor-1', role: 'auditor' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('takes a complaint from submission to sanction with the right role at each step', async () => {
    const { submitComplaint: submitted } = await api.client.ok<{ submitComplaint: ComplaintView }>(
      SUBMIT,
      {
        input: aComplaint({ reporter: { name: 'Siti Aminah', email: 'Siti@Example.id', phone: '+62 812 3456 7890' } }),
      },
      tokens.citizen,
    );
    expect(submitted).toMatchObject({
      status: 'SUBMITTED',
      version: 0,
      assignedAgency: null,
      requestedAgency: { code: 'KAB-BANJAR', name: 'Pemerintah Kabupaten Banjar' },
      reporter: { name: 'Siti Aminah', email: 'siti@example.id', phone: '+6281234567890' },
    });
    expect(submitted.trackingCode).toMatch(/^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const dueIn = Date.parse(submitted.dueAt as string) - Date.parse(submitted.submittedAt as string);
    expect(dueIn).toBe(14 * 24 * 3600 * 1000);
    const id = submitted.id;

    const { forwardComplaint: forwarded } = await api.client.ok<{ forwardComplaint: ComplaintView }>(
      FORWARD,
      {
        input: {
          complaintId: id,
          toAgencyCode: 'KAB-BANJAR-DINKES',
          note: 'Mohon ditindaklanjuti',
          expectedVersion: 0,
        },
      },
      tokens.operator,
    );
    expect(forwarded).toMatchObject({ status: 'FORWARDED', version: 1, assignedAgency: { code: 'KAB-BANJAR-DINKES' } });

    const { respondToComplaint: responded } = await api.client.ok<{ respondToComplaint: ComplaintView }>(
      RESPOND,
      { input: { complaintId: id, message: 'Perbaikan dijadwalkan minggu depan.', expectedVersion: 1 } },
      tokens.dinkes,
    );
    expect(responded).toMatchObject({ status: 'RESPONDED', version: 2 });
    expect(responded.responses).toEqual([
      {
        agency: { code: 'KAB-BANJAR-DINKES' },
        message: 'Perbaikan dijadwalkan minggu depan.',
        respondedAt: expect.any(String),
        onTime: true,
      },
    ]);

    const { escalateComplaint: escalated } = await api.client.ok<{ escalateComplaint: ComplaintView }>(
      ESCALATE,
      { input: { complaintId: id, reason: 'Jawaban tidak menyelesaikan masalah', expectedVersion: 2 } },
      tokens.citizen,
    );
    expect(escalated).toMatchObject({
      status: 'ESCALATED',
      version: 3,
      escalation: {
        reason: 'Jawaban tidak menyelesaikan masalah',
        source: 'REPORTER',
        agencyCode: 'KAB-BANJAR-DINKES',
      },
    });

    const { sanctionComplaint: sanctioned } = await api.client.ok<{ sanctionComplaint: ComplaintView }>(
      SANCTION,
      {
        input: {
          complaintId: id,
          sanctionedAgencyCode: 'KAB-BANJAR-DINKES',
          officialName: 'Kepala Dinas',
          kind: 'WRITTEN_REPRIMAND',
          reason: 'Tidak menindaklanjuti pengaduan',
          expectedVersion: 3,
        },
      },
      tokens.ombudsman,
    );
    expect(sanctioned).toMatchObject({
      status: 'SANCTIONED',
      version: 4,
      sanctions: [
        { sanctionedAgency: { code: 'KAB-BANJAR-DINKES' }, kind: 'WRITTEN_REPRIMAND', officialName: 'Kepala Dinas' },
      ],
    });

    // The read model catches up and serves the same state the last mutation returned.
    const projected = await eventually(async () => {
      const { complaint } = await api.client.ok<{ complaint: ComplaintView }>(COMPLAINT, { id }, tokens.auditor);
      return complaint.version === 4 ? complaint : undefined;
    });
    expect(projected).toEqual({ ...sanctioned, reporter: projected.reporter });
    expect(projected.reporter).toEqual({ name: 'Siti Aminah', email: 'siti@example.id', phone: '+6281234567890' });

    const { complaintHistory } = await api.client.ok<{ complaintHistory: Record<string, unknown>[] }>(
      HISTORY,
      { id },
      tokens.auditor,
    );
    expect(complaintHistory.map((e) => [e.type, e.revision])).toEqual([
      ['ComplaintSubmitted', 0],
      ['ComplaintForwarded', 1],
      ['ComplaintResponded', 2],
      ['ComplaintEscalated', 3],
      ['ComplaintSanctioned', 4],
    ]);
    expect(complaintHistory[1]).toMatchObject({
      actor: { id: 'operator-1', role: 'operator', agencyCode: null },
      schemaVersion: 1,
      data: { complaintId: id, fromAgencyCode: null, toAgencyCode: 'KAB-BANJAR-DINKES', note: 'Mohon ditindaklanjuti' },
    });
    expect(complaintHistory[2]).toMatchObject({
      actor: { id: 'officer-dinkes', role: 'agency_officer', agencyCode: 'KAB-BANJAR-DINKES' },
    });
    const positions = complaintHistory.map((e) => BigInt(e.position as string));
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
    for (const event of complaintHistory) {
      expect(event.correlationId).toEqual(expect.any(String));
      expect(event.causationId).toEqual(expect.any(String));
    }

    const feed = await eventually(async () => {
      const { escalations } = await api.client.ok<{ escalations: { edges: { node: { complaintId: string } }[] } }>(
        ESCALATIONS,
        { first: 100 },
        tokens.ombudsman,
      );
      const ours = escalations.edges.map((e) => e.node).filter((node) => node.complaintId === id);
      return ours.length > 0 ? ours : undefined;
    });
    expect(feed).toEqual([
      {
        complaintId: id,
        reason: 'Jawaban tidak menyelesaikan masalah',
        source: 'REPORTER',
        escalatedAt: escalated.escalatedAt,
        agencyCode: 'KAB-BANJAR-DINKES',
      },
    ]);
  });

  it("shows officers their agency's complaints and citizens their own", async () => {
    const mine = await api.client.ok<{ submitComplaint: ComplaintView }>(
      SUBMIT,
      { input: aComplaint() },
      tokens.citizen,
    );
    const other = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, { input: aComplaint() });
    await api.client.ok(
      FORWARD,
      { input: { complaintId: mine.submitComplaint.id, toAgencyCode: 'KAB-BANJAR-DINKES' } },
      tokens.operator,
    );
    const ids = async (bearer: string) => {
      const { complaints } = await api.client.ok<{ complaints: { edges: { node: { id: string } }[] } }>(
        COMPLAINTS,
        { first: 100 },
        bearer,
      );
      return complaints.edges.map((e) => e.node.id);
    };
    await eventually(async () => ((await ids(tokens.dinkes)).includes(mine.submitComplaint.id) ? true : undefined));
    expect(await ids(tokens.dinkes)).not.toContain(other.submitComplaint.id);
    expect(await ids(tokens.kendari)).not.toContain(mine.submitComplaint.id);
    const citizens = await ids(tokens.citizen);
    expect(citizens).toContain(mine.submitComplaint.id);
    expect(citizens).not.toContain(other.submitComplaint.id);
    await eventually(async () => ((await ids(tokens.operator)).includes(other.submitComplaint.id) ? true : undefined));

    const refused = await api.client.request(COMPLAINT, { id: mine.submitComplaint.id }, tokens.kendari);
    expect(onlyError(refused).extensions?.code).toBe('FORBIDDEN');
  });

  it('pages through complaints with stable cursors', async () => {
    const officer = await token({ sub: 'officer-hsu', role: 'agency_officer', agency: 'KAB-HSU' });
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
        input: aComplaint(),
      });
      await api.client.ok(
        FORWARD,
        { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-HSU' } },
        tokens.operator,
      );
      created.push(submitComplaint.id);
    }
    type Page = {
      complaints: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    };
    await eventually(async () => {
      const { complaints } = await api.client.ok<Page>(COMPLAINTS, { first: 100 }, officer);
      const listed = new Set(complaints.edges.map((e) => e.node.id));
      return created.every((id) => listed.has(id)) ? true : undefined;
    });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await api.client.ok<Page>(
        COMPLAINTS,
        { first: 2, after, filter: { agencyCode: 'KAB-HSU' } },
        officer,
      );
      seen.push(...page.complaints.edges.map((e) => e.node.id));
      if (!page.complaints.pageInfo.hasNextPage) break;
      after = page.complaints.pageInfo.endCursor;
    }
    expect(seen.filter((id) => created.includes(id))).toEqual([...created].reverse());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
