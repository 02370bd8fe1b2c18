import { aComplaint, FORWARD, RESPOND, SUBMIT, type ComplaintView } from './support/operations.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

describe('JSON Lines exports', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.bombana = await token({ sub: 'officer-bombana', role: 'agency_officer', agency: 'KAB-BOMBANA' });
    t.kendari = await token({ sub: 'officer-kendari', role: 'agency_officer', agency: 'KOTA-KENDARI' });
    t.auditor = await token({ sub: 'auditor-1', role: 'auditor' });
    t.reporter = await token({ sub: 'citizen-anon', role: 'citizen' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const download = async (path: string, bearer?: string) => {
    const response = await fetch(`${api.url}/export/${path}`, {
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), text };
  };
  interface Line {
    complaintId: string;
    type: string;
    revision: number;
    hash: string;
    previousHash: string | null;
    actor: { id: string };
    data: Record<string, unknown>;
  }
  const lines = (text: string) =>
    text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Line);

  async function anonymousComplaintAtBombana(): Promise<string> {
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(
      SUBMIT,
      { input: aComplaint({ anonymous: true, reporter: { name: 'Pelapor Rahasia', phone: '081299998888' } }) },
      t.reporter,
    );
    await api.client.ok(
      FORWARD,
      { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-BOMBANA' } },
      t.operator,
    );
    await api.client.ok(
      RESPOND,
      { input: { complaintId: submitComplaint.id, message: 'Sedang kami proses.' } },
      t.bombana,
    );
    return submitComplaint.id;
  }

  it("streams one complaint's history, redacting an anonymous reporter for the agency", async () => {
    const id = await anonymousComplaintAtBombana();
    const forAgency = await download(`complaints/${id}`, t.bombana);
    expect(forAgency.status).toBe(200);
    expect(forAgency.type).toMatch(/application\/x-ndjson/);
    const events = lines(forAgency.text);
    expect(events.map((e) => [e.type, e.revision])).toEqual([
      ['ComplaintSubmitted', 0],
      ['ComplaintForwarded', 1],
      ['ComplaintResponded', 2],
    ]);
    expect(events[0]).toMatchObject({
      complaintId: id,
      actor: { id: 'redacted' },
      data: { reporter: null, reporterId: null },
    });
    expect(events[1]?.previousHash).toBe(events[0]?.hash);
    expect(forAgency.text).not.toContain('Pelapor Rahasia');
    expect(forAgency.text).not.toContain('citizen-anon');

    const forOperator = await download(`complaints/${id}`, t.operator);
    expect(lines(forOperator.text)[0]?.data.reporter).toEqual({
      name: 'Pelapor Rahasia',
      email: null,
      phone: '081299998888',
    });
  });

  it("streams every complaint an agency handled, and only to overseers and the agency's own officers", async () => {
    const ids = [await anonymousComplaintAtBombana(), await anonymousComplaintAtBombana()];
    const exported = await eventually(async () => {
      const { text } = await download('agencies/KAB-BOMBANA', t.auditor);
      const complaintIds = new Set(lines(text).map((e) => e.complaintId));
      return ids.every((id) => complaintIds.has(id)) ? lines(text) : undefined;
    });
    expect(exported.filter((e) => ids.includes(e.complaintId))).toHaveLength(6);
    expect(JSON.stringify(exported)).not.toContain('Pelapor Rahasia');
    expect((await download('agencies/KAB-BOMBANA', t.bombana)).status).toBe(200);
    expect((await download('agencies/KAB-BOMBANA', t.kendari)).status).toBe(403);
    expect((await download('agencies/KAB-BOMBANA', t.reporter)).status).toBe(403);
    expect((await download('agencies/NOWHERE', t.auditor)).status).toBe(404);
  });

  it('refuses callers without a valid token, and complaints they may not see', async () => {
    const id = await anonymousComplaintAtBombana();
    expect((await download(`complaints/${id}`)).status).toBe(401);
    expect((await download(`complaints/${id}`, 'garbage')).status).toBe(401);
    expect((await download(`complaints/${id}`, t.kendari)).status).toBe(404);
    expect((await download('complaints/not-a-uuid', t.auditor)).status).toBe(400);
  });

  it('never exports the access key hash, and lets a supervising officer export a sub-unit’s complaint', async () => {
    const id = await anonymousComplaintAtBombana();
    for (const bearer of [t.operator, t.auditor, t.bombana]) {
      const { status, text } = await download(`complaints/${id}`, bearer);
      expect(status).toBe(200);
      expect(text).not.toContain('accessKeyHash');
    }
    // Passed on to a work unit below KAB-BOMBANA: the regency's officers still see it (their scope).
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint(),
    });
    await api.client.ok(
      FORWARD,
      { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-BOMBANA-INSPEKTORAT' } },
      t.operator,
    );
    const forRegency = await download(`complaints/${submitComplaint.id}`, t.bombana);
    expect(forRegency.status).toBe(200);
    expect(lines(forRegency.text).map((e) => e.type)).toEqual(['ComplaintSubmitted', 'ComplaintForwarded']);
    expect(forRegency.text).not.toContain('accessKeyHash');
  });
});
