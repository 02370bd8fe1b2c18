import { aComplaint, COMPLAINTS, FORWARD, RESPOND, SUBMIT, type ComplaintView } from './support/operations.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

describe('concurrent writers', () => {
  let env: TestEnvironment;
  let api: RunningApp;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('answers exactly one of two responds with the same expectedVersion with CONFLICT', async () => {
    const operator = await token({ sub: 'operator-1', role: 'operator' });
    const officer = await token({ sub: 'officer-1', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint(),
    });
    const { forwardComplaint } = await api.client.ok<{ forwardComplaint: ComplaintView }>(
      FORWARD,
      { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-BANJAR-DINKES' } },
      operator,
    );
    const respond = (message: string) =>
      api.client.request<{ respondToComplaint: ComplaintView }>(
        RESPOND,
        { input: { complaintId: submitComplaint.id, message, expectedVersion: forwardComplaint.version } },
        officer,
      );
    const answers = await Promise.all([respond('Jawaban pertama'), respond('Jawaban kedua')]);
    const codes = answers.map((a) => a.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = answers.find((a) => !a.errors)?.data?.respondToComplaint;
    expect(winner?.version).toBe(forwardComplaint.version + 1);
    expect(winner?.responses).toHaveLength(1);
  });

  it('projects 200 concurrent submits, none lost or doubled', async () => {
    const citizen = await token({ sub: 'citizen-burst', role: 'citizen' });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        api.client.ok<{ submitComplaint: ComplaintView }>(
          SUBMIT,
          { input: aComplaint({ title: `Pengaduan nomor ${i}` }) },
          citizen,
        ),
      ),
    );
    const ids = answers.map((a) => a.submitComplaint.id);
    expect(new Set(ids).size).toBe(200);

    const listed = await eventually(async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        type Page = {
          complaints: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        };
        const page: Page = await api.client.ok<Page>(COMPLAINTS, { first: 100, after }, citizen);
        seen.push(...page.complaints.edges.map((e) => e.node.id));
        if (!page.complaints.pageInfo.hasNextPage) break;
        after = page.complaints.pageInfo.endCursor;
      }
      return seen.length >= 200 ? seen : undefined;
    });
    expect(listed).toHaveLength(200);
    expect(new Set(listed)).toEqual(new Set(ids));

    const streams = await Promise.all(ids.map((id) => api.runtime.eventStore.readStream(`complaint-${id}`)));
    expect(streams.map((events) => events.map((e) => e.type))).toEqual(ids.map(() => ['ComplaintSubmitted']));
  });
});
