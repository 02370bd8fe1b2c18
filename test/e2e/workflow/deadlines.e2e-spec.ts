import { aComplaint, ESCALATIONS } from '../support/operations.js';
import { eventually, TestEnvironment, token } from '../support/test-app.js';
import { startWorkflowApp, TestClock, type WorkflowApp } from './support/workflow-app.js';
import {
  CLOSE,
  COMPLAINT_W,
  deadline,
  DEADLINE_POLICY,
  FORWARD_W,
  HISTORY_TYPES,
  RESPOND_W,
  SUBMIT_W,
  type WorkflowComplaint,
} from './support/workflow-operations.js';

/** Deadlines on a controllable clock: the app's CLOCK is a TestClock the test moves. */
describe('deadlines on a controllable clock', () => {
  let env: TestEnvironment;
  let clock: TestClock;
  let databaseUrl: string;
  let api: WorkflowApp | undefined;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    clock = new TestClock();
    api = await startWorkflowApp(env, { databaseUrl, clock });
    t.citizen = await token({ sub: 'citizen-siti', role: 'citizen' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.dinkes = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    t.ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const app = (): WorkflowApp => {
    if (!api) throw new Error('the app is not running');
    return api;
  };
  const submitAndForward = async (overrides: Record<string, unknown> = {}) => {
    const { submitComplaint } = await app().client.ok<{ submitComplaint: WorkflowComplaint }>(
      SUBMIT_W,
      { input: aComplaint(overrides) },
      t.citizen,
    );
    const { forwardComplaint } = await app().client.ok<{ forwardComplaint: WorkflowComplaint }>(
      FORWARD_W,
      { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-BANJAR-DINKES' } },
      t.operator,
    );
    return forwardComplaint;
  };
  const read = async (id: string) =>
    (await app().client.ok<{ complaint: WorkflowComplaint }>(COMPLAINT_W, { id }, t.operator)).complaint;
  const historyTypes = async (id: string) =>
    (
      await app().client.ok<{
        complaintHistory: { type: string; actor: { role: string }; data: Record<string, unknown> }[];
      }>(HISTORY_TYPES, { id }, t.operator)
    ).complaintHistory;
  /** Waits until the timer-driven scanner has acted and the read model shows it. */
  const until = async (id: string, done: (c: WorkflowComplaint) => boolean) =>
    eventually(async () => {
      const complaint = await read(id);
      return done(complaint) ? complaint : undefined;
    }, 15_000);

  it('shows the policy in force: every rule for both priorities, the calendar and its holidays', async () => {
    const { deadlinePolicy } = await app().client.ok<{
      deadlinePolicy: {
        rules: {
          rule: string;
          priority: string;
          setting: string;
          span: { text: string; unit: string; amount: number };
        }[];
        warningFraction: number;
        ombudsmanReportLimit: { text: string; unit: string; amount: number };
        scanInterval: string;
        timeZone: string;
        holidays: { date: string; name: string }[];
      };
    }>(DEADLINE_POLICY, { year: 2025 });
    expect(deadlinePolicy.rules).toEqual(
      expect.arrayContaining([
        {
          rule: 'TRIAGE',
          priority: 'NORMAL',
          setting: 'TRIAGE_DEADLINE',
          span: { text: '3WD', unit: 'WORKING_DAYS', amount: 3 },
        },
        {
          rule: 'FOLLOW_UP',
          priority: 'NORMAL',
          setting: 'FOLLOW_UP_DEADLINE',
          span: { text: '5WD', unit: 'WORKING_DAYS', amount: 5 },
        },
        {
          rule: 'RESPONSE',
          priority: 'NORMAL',
          setting: 'RESPONSE_DEADLINE',
          span: { text: 'P14D', unit: 'ELAPSED', amount: 1_209_600 },
        },
        {
          rule: 'RESPONSE',
          priority: 'URGENT',
          setting: 'URGENT_RESPONSE_DEADLINE',
          span: { text: 'P3D', unit: 'ELAPSED', amount: 259_200 },
        },
        {
          rule: 'DISPUTE_FIELD_CHECK',
          priority: 'NORMAL',
          setting: 'DISPUTE_FIELD_CHECK_DEADLINE',
          span: { text: 'P60D', unit: 'ELAPSED', amount: 5_184_000 },
        },
        {
          rule: 'CLOSURE',
          priority: 'NORMAL',
          setting: 'AUTO_CLOSE_AFTER',
          span: { text: '10WD', unit: 'WORKING_DAYS', amount: 10 },
        },
        {
          rule: 'REMEDY',
          priority: 'NORMAL',
          setting: 'SANCTION_REMEDY_PERIOD',
          span: { text: 'P3M', unit: 'CALENDAR_MONTHS', amount: 3 },
        },
        {
          rule: 'RECOMMENDATION',
          priority: 'NORMAL',
          setting: 'RECOMMENDATION_DEADLINE',
          span: { text: 'P60D', unit: 'ELAPSED', amount: 5_184_000 },
        },
      ]),
    );
    expect(deadlinePolicy.rules).toHaveLength(16);
    expect(deadlinePolicy).toMatchObject({
      warningFraction: 0.75,
      ombudsmanReportLimit: { text: 'P24M', unit: 'CALENDAR_MONTHS', amount: 24 },
      scanInterval: 'PT1S',
      timeZone: 'Asia/Jakarta',
    });
    expect(deadlinePolicy.holidays.map((h) => h.date)).toEqual(expect.arrayContaining(['2025-03-31', '2025-08-17']));
  });

  it('warns at 75 % of the legal deadline, then escalates to the Ombudsman when it passes unanswered', async () => {
    const complaint = await submitAndForward();
    const response = deadline(complaint, 'RESPONSE');
    expect(response).toMatchObject({ status: 'OPEN', span: 'P14D', warnAt: expect.any(String) });
    clock.moveTo(response?.warnAt ?? '');
    const warned = await until(complaint.id, (c) => deadline(c, 'RESPONSE')?.warnedAt !== null);
    expect(warned.status).toBe('FORWARDED');
    // The FOLLOW_UP deadline (5 working days) passed earlier: recorded as breached on the way.
    expect(warned.deadlines.find((d) => d.kind === 'FOLLOW_UP')).toMatchObject({ status: 'BREACHED' });

    clock.moveTo(new Date(Date.parse(complaint.dueAt) + 1000));
    const escalated = await until(complaint.id, (c) => c.status === 'ESCALATED');
    expect(escalated.escalation).toMatchObject({ source: 'SYSTEM', agencyCode: 'KAB-BANJAR-DINKES' });
    expect(deadline(escalated, 'RESPONSE')?.status).toBe('BREACHED');
    expect(deadline(escalated, 'DISPUTE')).toMatchObject({ status: 'OPEN', span: 'P14D' });
    const history = await historyTypes(complaint.id);
    expect(history.filter((e) => e.type === 'ComplaintEscalated')).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ role: 'system' }) }),
    ]);
    expect(history.filter((e) => e.type === 'ComplaintDeadlineWarned' && e.data.kind === 'RESPONSE')).toHaveLength(1);
    const { escalations } = await app().client.ok<{
      escalations: { edges: { node: { complaintId: string; source: string } }[] };
    }>(ESCALATIONS, { first: 100 }, t.ombudsman);
    expect(escalations.edges.map((e) => e.node)).toContainEqual(
      expect.objectContaining({ complaintId: complaint.id, source: 'SYSTEM' }),
    );
    // More scans change nothing: the effect happened once.
    await app().scan();
    await app().scan();
    expect((await historyTypes(complaint.id)).length).toBe(history.length);
  });

  it('never escalates an answered complaint; closes it when the reporter lets 10 working days pass', async () => {
    const complaint = await submitAndForward();
    const { respondToComplaint: answered } = await app().client.ok<{ respondToComplaint: WorkflowComplaint }>(
      RESPOND_W,
      { input: { complaintId: complaint.id, message: 'Jadwal layanan sudah dipulihkan.' } },
      t.dinkes,
    );
    expect(deadline(answered, 'RESPONSE')?.status).toBe('MET');
    const closure = deadline(answered, 'CLOSURE');
    expect(closure).toMatchObject({ status: 'OPEN', span: '10WD' });
    clock.moveTo(new Date(Date.parse(closure?.dueAt ?? '') + 1000));
    const closed = await until(complaint.id, (c) => c.status === 'CLOSED');
    expect(closed.closure).toMatchObject({ closedBy: 'SYSTEM' });
    expect(closed.escalation).toBeNull();
    expect(deadline(closed, 'CLOSURE')?.status).toBe('EXPIRED');
  });

  it('lets the reporter close in time instead, with a rating', async () => {
    const complaint = await submitAndForward();
    await app().client.ok(
      RESPOND_W,
      { input: { complaintId: complaint.id, message: 'Sudah ditangani petugas.' } },
      t.dinkes,
    );
    const { closeComplaint } = await app().client.ok<{ closeComplaint: WorkflowComplaint }>(
      CLOSE,
      { input: { complaintId: complaint.id, rating: 5, comment: 'Cepat sekali' } },
      t.citizen,
    );
    expect(closeComplaint).toMatchObject({
      status: 'CLOSED',
      closure: { closedBy: 'REPORTER' },
      rating: { rating: 5 },
    });
    expect(deadline(closeComplaint, 'CLOSURE')?.status).toBe('MET');
  });

  it('gives an URGENT complaint its shorter deadline and escalates it sooner', async () => {
    const urgent = await submitAndForward({ priority: 'URGENT', category: 'HEALTH' });
    expect(deadline(urgent, 'RESPONSE')).toMatchObject({ priority: 'URGENT', span: 'P3D' });
    const normal = await submitAndForward();
    clock.moveTo(new Date(Date.parse(urgent.dueAt) + 1000));
    await until(urgent.id, (c) => c.status === 'ESCALATED');
    expect((await read(normal.id)).status).toBe('FORWARDED');
  });

  it('survives a restart: a deadline that passed while the API was down is acted on at the next scan', async () => {
    const complaint = await submitAndForward();
    await app().close();
    api = undefined;
    clock.moveTo(new Date(Date.parse(complaint.dueAt) + 60_000));
    api = await startWorkflowApp(env, { databaseUrl, clock });
    const escalated = await until(complaint.id, (c) => c.status === 'ESCALATED');
    expect(escalated.escalation?.source).toBe('SYSTEM');
  });
});
