import { aComplaint } from '../support/operations.js';
import { eventually, TestEnvironment, token, type RunningApp } from '../support/test-app.js';
import {
  COMPLAINT_W,
  FORWARD_W,
  HISTORY_TYPES,
  SUBMIT_W,
  type WorkflowComplaint,
} from './support/workflow-operations.js';

/**
 * Real elapsed time with second-scale settings (RESPONSE_DEADLINE=PT2S, DEADLINE_SCAN_INTERVAL=PT1S),
 * and two API instances on one database, both scanning: every deadline's effect happens exactly once.
 */
describe('deadlines in real time, with two API instances', () => {
  let env: TestEnvironment;
  let first: RunningApp;
  let second: RunningApp;
  const t: Record<string, string> = {};
  const settings = {
    RESPONSE_DEADLINE: 'PT2S',
    DEADLINE_SCAN_INTERVAL: 'PT1S',
    // The test polls while real seconds pass; request rate limits are not under test here.
    RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '0',
    // As deployed: each instance's projector in its worker thread, one of them elected leader.
    PROJECTOR_MODE: 'thread',
  };

  beforeAll(async () => {
    env = await TestEnvironment.start();
    const databaseUrl = await env.createDatabase();
    first = await env.startApp({ databaseUrl, env: settings });
    second = await env.startApp({ databaseUrl, env: settings });
    t.citizen = await token({ sub: 'citizen-siti', role: 'citizen' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await env?.stop();
  });

  it('escalates each unanswered complaint exactly once, warning once at 75 % (1.5 s)', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 ? first : second;
      const { submitComplaint } = await app.client.ok<{ submitComplaint: WorkflowComplaint }>(
        SUBMIT_W,
        { input: aComplaint() },
        t.citizen,
      );
      expect(Date.parse(submitComplaint.dueAt) - Date.parse(submitComplaint.submittedAt as string)).toBe(2000);
      if (i % 3 !== 0) {
        await app.client.ok(
          FORWARD_W,
          { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-BANJAR-DINKES' } },
          t.operator,
        );
      }
      ids.push(submitComplaint.id);
    }
    const started = Date.now();
    for (const id of ids) {
      await eventually(async () => {
        const { complaint } = await first.client.ok<{ complaint: WorkflowComplaint }>(COMPLAINT_W, { id }, t.operator);
        return complaint.status === 'ESCALATED' ? complaint : undefined;
      }, 15_000);
    }
    // It took real seconds: the deadline is 2 s and the scans run every second.
    expect(Date.now() - started).toBeGreaterThan(500);
    // Let both scanners run a few more times over the same complaints.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    for (const id of ids) {
      const { complaintHistory } = await second.client.ok<{
        complaintHistory: { type: string; data: { kind?: string } }[];
      }>(HISTORY_TYPES, { id }, t.operator);
      const types = complaintHistory.map((e) => e.type);
      expect(types.filter((type) => type === 'ComplaintEscalated')).toHaveLength(1);
      const responseWarnings = complaintHistory.filter(
        (e) => e.type === 'ComplaintDeadlineWarned' && e.data.kind === 'RESPONSE',
      );
      expect(responseWarnings.length).toBeLessThanOrEqual(1);
      const kinds = complaintHistory
        .filter((e) => e.type.startsWith('ComplaintDeadline'))
        .map((e) => `${e.type}:${e.data.kind}`);
      expect(new Set(kinds).size).toBe(kinds.length);
    }
  });
});
