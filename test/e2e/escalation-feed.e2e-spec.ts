import { aComplaint, ESCALATE, ESCALATIONS, SUBMIT, type ComplaintView } from './support/operations.js';
import { TestEnvironment, token, type RunningApp } from './support/test-app.js';

interface Page {
  escalations: {
    edges: { cursor: string; node: { complaintId: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe("the Ombudsman's escalation feed", () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let operator: string;
  let ombudsman: string;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    operator = await token({ sub: 'operator-1', role: 'operator' });
    ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('pages without missing or repeating an escalation while new ones keep arriving', async () => {
    const escalated: string[] = [];
    const writers = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 15; i++) {
        const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
          input: aComplaint(),
        });
        await api.client.ok(
          ESCALATE,
          { input: { complaintId: submitComplaint.id, reason: 'Tidak ditanggapi' } },
          operator,
        );
        escalated.push(submitComplaint.id);
      }
    });
    let settleBy = Infinity;
    const done = Promise.all(writers).finally(() => {
      settleBy = Date.now() + 10_000; // then the projector has ten seconds to catch up
    });

    // A client polling the feed with small pages, as an Ombudsman office's integration would.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await api.client.ok<Page>(ESCALATIONS, { first: 3, after }, ombudsman);
      seen.push(...page.escalations.edges.map((e) => e.node.complaintId));
      after = page.escalations.pageInfo.endCursor ?? after;
      if (!page.escalations.pageInfo.hasNextPage) {
        if (Date.now() > settleBy || (settleBy < Infinity && seen.length >= escalated.length)) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await done;
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(escalated));
    expect(seen).toHaveLength(60);
  });
});
