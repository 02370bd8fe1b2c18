import { onlyError } from '../support/graphql-client.js';
import { aComplaint } from '../support/operations.js';
import { eventually, TestEnvironment, token } from '../support/test-app.js';
import { startWorkflowApp, TestClock, type WorkflowApp } from './support/workflow-app.js';
import {
  COMPLAINT_W,
  deadline,
  FORWARD_W,
  HISTORY_TYPES,
  RESPOND_W,
  SUBMIT_W,
  type WorkflowComplaint,
} from './support/workflow-operations.js';

/**
 * A client's stale expectedVersion: decided again on the new state when only non-decisive events
 * (the system's deadline warnings and breaches, an operator's erasure of the reporter's identity) came
 * in between; CONFLICT when anything else did.
 */
const ERASE = `mutation Erase($id: ID!) { eraseReporterIdentity(complaintId: $id) { id version } }`;
const RESPOND_ERASED = `mutation Respond($input: RespondToComplaintInput!) {
  respondToComplaint(input: $input) { id status version reporter { name erased } } }`;

describe('a stale expectedVersion racing the deadline scanner or an erasure', () => {
  let env: TestEnvironment;
  let clock: TestClock;
  let api: WorkflowApp;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    clock = new TestClock();
    api = await startWorkflowApp(env, { clock });
    t.citizen = await token({ sub: 'citizen-siti', role: 'citizen' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.dinkes = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const submitAndForward = async (overrides: Record<string, unknown> = {}) => {
    const { submitComplaint } = await api.client.ok<{ submitComplaint: WorkflowComplaint }>(
      SUBMIT_W,
      { input: aComplaint(overrides) },
      t.citizen,
    );
    const { forwardComplaint } = await api.client.ok<{ forwardComplaint: WorkflowComplaint }>(
      FORWARD_W,
      { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-BANJAR-DINKES' } },
      t.operator,
    );
    return forwardComplaint;
  };
  const until = (id: string, done: (c: WorkflowComplaint) => boolean) =>
    eventually(async () => {
      const { complaint } = await api.client.ok<{ complaint: WorkflowComplaint }>(COMPLAINT_W, { id }, t.operator);
      return done(complaint) ? complaint : undefined;
    }, 15_000);
  const respond = (id: string, expectedVersion: number) =>
    api.client.request<{ respondToComplaint: WorkflowComplaint }>(
      RESPOND_W,
      { input: { complaintId: id, message: 'Sudah kami tindak lanjuti.', expectedVersion } },
      t.dinkes,
    );

  it("a response decided before an operator erased the reporter's identity succeeds after it, and shows the erasure", async () => {
    const forwarded = await submitAndForward({
      reporter: { name: 'Siti Aminah', email: 'siti.aminah@example.id', phone: '+6281234567001' },
    });
    await api.client.ok(ERASE, { id: forwarded.id }, t.operator);
    const answered = await api.client.request<{
      respondToComplaint: WorkflowComplaint & { reporter: { name: string; erased: boolean } };
    }>(
      RESPOND_ERASED,
      {
        input: { complaintId: forwarded.id, message: 'Sudah kami tindak lanjuti.', expectedVersion: forwarded.version },
      },
      t.dinkes,
    );
    expect(answered.errors).toBeUndefined();
    expect(answered.data?.respondToComplaint).toMatchObject({
      status: 'RESPONDED',
      version: forwarded.version + 2,
      reporter: { name: '[erased]', erased: true },
    });
    const history = (
      await api.client.ok<{ complaintHistory: { type: string; actor: { role: string } }[] }>(
        HISTORY_TYPES,
        { id: forwarded.id },
        t.operator,
      )
    ).complaintHistory;
    expect(history.slice(-2).map((e) => [e.type, e.actor.role])).toEqual([
      ['ReporterIdentityErased', 'operator'],
      ['ComplaintResponded', 'agency_officer'],
    ]);
  });

  it('a response decided before a deadline warning succeeds on the warned complaint; one decided before the system escalated is a CONFLICT', async () => {
    const warnedFirst = await submitAndForward();
    const escalatedFirst = await submitAndForward();
    const warnAt = deadline(warnedFirst, 'RESPONSE')?.warnAt;
    expect(warnAt).toEqual(expect.any(String));

    clock.moveTo(warnAt ?? '');
    const warned = await until(warnedFirst.id, (c) => deadline(c, 'RESPONSE')?.warnedAt !== null);
    await until(escalatedFirst.id, (c) => deadline(c, 'RESPONSE')?.warnedAt !== null);
    expect(warned.version).toBeGreaterThan(warnedFirst.version);

    const answered = await respond(warnedFirst.id, warnedFirst.version);
    expect(answered.errors).toBeUndefined();
    expect(answered.data?.respondToComplaint).toMatchObject({ status: 'RESPONDED', version: warned.version + 1 });
    const history = (
      await api.client.ok<{ complaintHistory: { type: string; revision: number; actor: { role: string } }[] }>(
        HISTORY_TYPES,
        { id: warnedFirst.id },
        t.operator,
      )
    ).complaintHistory;
    const between = history.filter((e) => e.revision > warnedFirst.version);
    expect(between.at(-1)?.type).toBe('ComplaintResponded');
    for (const event of between.slice(0, -1)) {
      expect(event.actor.role).toBe('system');
      expect(['ComplaintDeadlineWarned', 'ComplaintDeadlineBreached']).toContain(event.type);
    }

    clock.moveTo(new Date(new Date(escalatedFirst.dueAt).getTime() + 60_000));
    const escalated = await until(escalatedFirst.id, (c) => c.status === 'ESCALATED');
    const conflict = onlyError(await respond(escalatedFirst.id, escalatedFirst.version));
    expect(conflict.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'VERSION_CONFLICT',
      expectedVersion: escalatedFirst.version,
      actualVersion: escalated.version,
    });
  });
});
