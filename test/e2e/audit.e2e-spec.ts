import pg from 'pg';
import { onlyError } from './support/graphql-client.js';
import { aComplaint, COMPLAINT_FIELDS, FORWARD, RESPOND, SUBMIT, type ComplaintView } from './support/operations.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

const AS_OF = `query AsOf($id: ID!, $at: DateTime!) { complaintAsOf(id: $id, at: $at) { ${COMPLAINT_FIELDS} } }`;
const INTEGRITY = `query Integrity($id: ID!) { complaint(id: $id) { id integrity { ok eventsChecked headHash firstBrokenRevision reason } } }`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('what auditors rely on', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let databaseUrl: string;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    api = await env.startApp({ databaseUrl });
    t.auditor = await token({ sub: 'auditor-1', role: 'auditor' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.officer = await token({ sub: 'officer-1', role: 'agency_officer', agency: 'KAB-HSU' });
    t.citizen = await token({ sub: 'citizen-1', role: 'citizen' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  async function complaintWithHistory(): Promise<{ id: string; times: Date[]; last: ComplaintView }> {
    const times = [new Date()];
    await pause(5);
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint({ reporter: { name: 'Nur' } }),
    });
    await pause(5);
    times.push(new Date());
    await pause(5);
    await api.client.ok(FORWARD, { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-HSU' } }, t.operator);
    await pause(5);
    times.push(new Date());
    await pause(5);
    const { respondToComplaint } = await api.client.ok<{ respondToComplaint: ComplaintView }>(
      RESPOND,
      { input: { complaintId: submitComplaint.id, message: 'Sudah ditangani dinas.' } },
      t.officer,
    );
    await pause(5);
    times.push(new Date());
    return { id: submitComplaint.id, times, last: respondToComplaint };
  }

  it('replays a complaint as it stood at any instant, equal to the live state at the end', async () => {
    const { id, times, last } = await complaintWithHistory();
    const asOf = async (at: Date) =>
      (await api.client.ok<{ complaintAsOf: ComplaintView | null }>(AS_OF, { id, at: at.toISOString() }, t.auditor))
        .complaintAsOf;
    expect(await asOf(times[0]!)).toBeNull();
    expect(await asOf(times[1]!)).toMatchObject({ status: 'SUBMITTED', version: 0, assignedAgency: null });
    expect(await asOf(times[2]!)).toMatchObject({
      status: 'FORWARDED',
      version: 1,
      assignedAgency: { code: 'KAB-HSU' },
    });
    const now = await asOf(times[3]!);
    expect(now).toEqual({ ...last, reporter: now?.reporter });
    const projected = await eventually(async () => {
      const { complaint } = await api.client.ok<{ complaint: ComplaintView }>(
        `query($id: ID!) { complaint(id: $id) { ${COMPLAINT_FIELDS} } }`,
        { id },
        t.auditor,
      );
      return complaint.version === 2 ? complaint : undefined;
    });
    expect(now).toEqual(projected);
  });

  it('refuses replays to callers without an oversight role', async () => {
    const { id } = await complaintWithHistory();
    const at = new Date().toISOString();
    expect(onlyError(await api.client.request(AS_OF, { id, at }, t.citizen)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await api.client.request(AS_OF, { id, at }, t.officer)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await api.client.request(AS_OF, { id, at })).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows an intact chain, then the first broken link after a raw SQL edit', async () => {
    const { id } = await complaintWithHistory();
    type Answer = {
      complaint: {
        integrity: {
          ok: boolean;
          eventsChecked: number;
          headHash: string;
          firstBrokenRevision: number | null;
          reason: string | null;
        };
      };
    };
    const before = await api.client.ok<Answer>(INTEGRITY, { id }, t.auditor);
    expect(before.complaint.integrity).toEqual({
      ok: true,
      eventsChecked: 3,
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      firstBrokenRevision: null,
      reason: null,
    });

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(
      `UPDATE events SET data = jsonb_set(data, '{message}', '"Tidak ada masalah."') WHERE stream_name = $1 AND stream_revision = 2`,
      [`complaint-${id}`],
    );
    await client.end();
    const after = await api.client.ok<Answer>(INTEGRITY, { id }, t.auditor);
    expect(after.complaint.integrity).toMatchObject({
      ok: false,
      eventsChecked: 3,
      firstBrokenRevision: 2,
      reason: 'content-changed',
    });
  });
});
