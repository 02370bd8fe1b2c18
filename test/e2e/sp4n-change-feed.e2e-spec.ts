import { randomUUID } from 'node:crypto';
import { onlyError } from './support/graphql-client.js';
import { FORWARD, RESPOND } from './support/operations.js';
import { TestEnvironment, token, type RunningApp } from './support/test-app.js';

const IMPORT = `mutation Import($input: ImportSp4nComplaintInput!) { importSp4nComplaint(input: $input) { id } }`;
const CHANGES = `query Changes($after: String, $first: Int) { complaintChanges(after: $after, first: $first) {
  edges { cursor node { complaintId nationalTrackingId trackingCode previousStatus newStatus eventType changedAt } }
  pageInfo { hasNextPage endCursor } } }`;

interface Change {
  complaintId: string;
  nationalTrackingId: string | null;
  previousStatus: string | null;
  newStatus: string;
  eventType: string;
}
interface Page {
  complaintChanges: {
    edges: { cursor: string; node: Change }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('the SP4N change feed', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let sp4n: string;
  let operator: string;
  let officer: string;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    sp4n = await token({ sub: 'sp4n-national', role: 'sp4n' });
    operator = await token({ sub: 'operator-1', role: 'operator' });
    officer = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('pages every status change exactly once, in order, while complaints keep changing', async () => {
    const ours = new Map<string, string>(); // complaint id → national id
    const writers = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 8; i++) {
        const nationalTrackingId = `LAPOR-${randomUUID()}`;
        const { importSp4nComplaint } = await api.client.ok<{ importSp4nComplaint: { id: string } }>(
          IMPORT,
          {
            input: {
              nationalTrackingId,
              title: 'Jalan rusak di Martapura',
              description: 'Jalan utama di depan pasar Martapura berlubang besar sejak tiga bulan lalu.',
              type: 'COMPLAINT',
              receivedAt: new Date(Date.now() - 60_000).toISOString(),
            },
          },
          sp4n,
        );
        const complaintId = importSp4nComplaint.id;
        ours.set(complaintId, nationalTrackingId);
        await api.client.ok(FORWARD, { input: { complaintId, toAgencyCode: 'KAB-BANJAR-DINKES' } }, operator);
        await api.client.ok(RESPOND, { input: { complaintId, message: 'Sudah kami tindak lanjuti.' } }, officer);
      }
    });
    let settleBy = Infinity;
    const done = Promise.all(writers).finally(() => {
      settleBy = Date.now() + 10_000;
    });

    // The national system's poller: small pages, resuming from the last cursor.
    const seen: (Change & { cursor: string })[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await api.client.ok<Page>(CHANGES, { first: 5, after }, sp4n);
      seen.push(...page.complaintChanges.edges.map((e) => ({ ...e.node, cursor: e.cursor })));
      after = page.complaintChanges.pageInfo.endCursor ?? after;
      if (!page.complaintChanges.pageInfo.hasNextPage) {
        const mine = seen.filter((c) => ours.has(c.complaintId)).length;
        if (Date.now() > settleBy || (settleBy < Infinity && mine >= 3 * 32)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await done;

    expect(new Set(seen.map((c) => c.cursor)).size).toBe(seen.length);
    const mine = seen.filter((c) => ours.has(c.complaintId));
    expect(mine).toHaveLength(3 * 32);
    for (const [complaintId, nationalTrackingId] of ours) {
      const steps = mine.filter((c) => c.complaintId === complaintId);
      expect(steps.map((c) => [c.previousStatus, c.newStatus, c.eventType])).toEqual([
        [null, 'SUBMITTED', 'ComplaintSubmitted'],
        ['SUBMITTED', 'FORWARDED', 'ComplaintForwarded'],
        ['FORWARDED', 'RESPONDED', 'ComplaintResponded'],
      ]);
      expect(steps.every((c) => c.nationalTrackingId === nationalTrackingId)).toBe(true);
    }
  });

  it('is for SP4N, operators and auditors', async () => {
    const auditor = await token({ sub: 'auditor-1', role: 'auditor' });
    for (const bearer of [sp4n, operator, auditor]) await api.client.ok(CHANGES, { first: 1 }, bearer);
    expect(onlyError(await api.client.request(CHANGES, {}, officer)).extensions?.code).toBe('FORBIDDEN');
    expect(onlyError(await api.client.request(CHANGES, {})).extensions?.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await api.client.request(CHANGES, { after: 'bogus' }, sp4n)).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });
});
