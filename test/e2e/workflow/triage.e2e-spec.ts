import { onlyError } from '../support/graphql-client.js';
import { aComplaint, COMPLAINTS } from '../support/operations.js';
import { eventually, TestEnvironment, token, type RunningApp } from '../support/test-app.js';
import { startWorkflowApp } from './support/workflow-app.js';
import {
  ADD_INFORMATION,
  ARCHIVE,
  CLASSIFY,
  COMPLAINT_W,
  deadline,
  FORWARD_W,
  HISTORY_TYPES,
  HOLD,
  RETURN,
  SUBMIT_W,
  VERIFY,
  type WorkflowComplaint,
} from './support/workflow-operations.js';

describe('triage over GraphQL: verify, hold, hand back, archive, classify', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await startWorkflowApp(env);
    t.citizen = await token({ sub: 'citizen-siti', role: 'citizen' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.banjar = await token({ sub: 'officer-banjar', role: 'agency_officer', agency: 'KAB-BANJAR' });
    t.dinkes = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    t.diskominfo = await token({ sub: 'officer-kominfo', role: 'agency_officer', agency: 'KAB-BANJAR-DISKOMINFO' });
    t.kemenkes = await token({ sub: 'officer-kemenkes', role: 'agency_officer', agency: 'KEMENKES' });
    t.ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const submit = async (overrides: Record<string, unknown> = {}, bearer: string | undefined = t.citizen) =>
    (await api.client.ok<{ submitComplaint: WorkflowComplaint }>(SUBMIT_W, { input: aComplaint(overrides) }, bearer))
      .submitComplaint;
  const run = async <K extends string>(query: string, name: K, input: Record<string, unknown>, bearer?: string) =>
    (await api.client.ok<Record<K, WorkflowComplaint>>(query, { input }, bearer))[name];
  const codeOf = async (query: string, input: Record<string, unknown>, bearer?: string) =>
    onlyError(await api.client.request(query, { input }, bearer)).extensions?.code;

  it('receives a report with its TRIAGE (3 working days) and RESPONSE (P14D) deadlines', async () => {
    const complaint = await submit();
    expect(complaint).toMatchObject({ status: 'SUBMITTED', priority: 'NORMAL', category: null, verifiedAt: null });
    expect(complaint.accessKey).toBeNull(); // a signed-in citizen follows it with their account
    expect(deadline(complaint, 'TRIAGE')).toMatchObject({ status: 'OPEN', rule: 'TRIAGE', span: '3WD' });
    expect(deadline(complaint, 'RESPONSE')).toMatchObject({ status: 'OPEN', span: 'P14D', dueAt: complaint.dueAt });
  });

  it('verifies, classifies and raises privacy in one operator action', async () => {
    const { id } = await submit();
    expect(await codeOf(VERIFY, { complaintId: id }, t.dinkes)).toBe('FORBIDDEN');
    const verified = await run(
      VERIFY,
      'verifyComplaint',
      { complaintId: id, note: 'Lengkap', category: 'HEALTH', confidential: true, expectedVersion: 0 },
      t.operator,
    );
    expect(verified).toMatchObject({ status: 'VERIFIED', category: 'HEALTH', confidential: true, version: 3 });
    expect(verified.verifiedAt).toEqual(expect.any(String));
    expect(await codeOf(VERIFY, { complaintId: id }, t.operator)).toBe('CONFLICT');
    const { complaintHistory } = await api.client.ok<{ complaintHistory: { type: string }[] }>(
      HISTORY_TYPES,
      { id },
      t.operator,
    );
    expect(complaintHistory.map((e) => e.type)).toEqual([
      'ComplaintSubmitted',
      'ComplaintVerified',
      'ComplaintClassified',
      'ComplaintPrivacyChanged',
    ]);
  });

  it("verifies and disposes in one step: an operator's forward of an unverified report", async () => {
    const { id } = await submit();
    const forwarded = await run(
      FORWARD_W,
      'forwardComplaint',
      { complaintId: id, toAgencyCode: 'KAB-BANJAR-DINKES', expectedVersion: 0 },
      t.operator,
    );
    expect(forwarded).toMatchObject({ status: 'FORWARDED', version: 1 });
    expect(forwarded.verifiedAt).toEqual(expect.any(String));
    expect(deadline(forwarded, 'TRIAGE')?.status).toBe('MET');
    expect(deadline(forwarded, 'FOLLOW_UP')).toMatchObject({ status: 'OPEN', span: '5WD' });
  });

  it('puts a report on hold and resumes it when the reporter adds the information', async () => {
    const submitted = await submit();
    const held = await run(
      HOLD,
      'holdComplaint',
      { complaintId: submitted.id, reason: 'Sebutkan nama puskesmasnya' },
      t.operator,
    );
    expect(held.status).toBe('ON_HOLD');
    expect(held.deadlines.filter((d) => d.status === 'OPEN')).toEqual([]);
    expect(await codeOf(FORWARD_W, { complaintId: submitted.id, toAgencyCode: 'KEMENKES' }, t.operator)).toBe(
      'CONFLICT',
    );
    const information = { complaintId: submitted.id, information: 'Puskesmas Martapura 1, Jalan A. Yani km 40.' };
    expect(await codeOf(ADD_INFORMATION, information, t.dinkes)).toBe('FORBIDDEN');
    const resumed = await run(ADD_INFORMATION, 'addComplaintInformation', information, t.citizen);
    expect(resumed).toMatchObject({
      status: 'SUBMITTED',
      holds: [{ reason: 'Sebutkan nama puskesmasnya', resumedAt: expect.any(String) }],
      information: [{ text: 'Puskesmas Martapura 1, Jalan A. Yani km 40.' }],
    });
    // Received again: the legal deadline restarts from the completed report.
    expect(Date.parse(resumed.dueAt)).toBeGreaterThan(Date.parse(submitted.dueAt));
    expect(deadline(resumed, 'RESPONSE')).toMatchObject({ status: 'OPEN', dueAt: resumed.dueAt });
  });

  it('hands a complaint back up the tree as NOT_OUR_AUTHORITY, and from below the root to national triage', async () => {
    const { id } = await submit();
    await run(FORWARD_W, 'forwardComplaint', { complaintId: id, toAgencyCode: 'KAB-BANJAR-DINKES' }, t.operator);
    expect(await codeOf(RETURN, { complaintId: id, reason: 'Bukan kewenangan kami' }, t.diskominfo)).toBe('FORBIDDEN');
    const toParent = await run(
      RETURN,
      'returnComplaint',
      { complaintId: id, reason: 'Jalan provinsi, bukan dinkes' },
      t.dinkes,
    );
    expect(toParent).toMatchObject({
      status: 'FORWARDED',
      assignedAgency: { code: 'KAB-BANJAR' },
      returns: [
        { fromAgencyCode: 'KAB-BANJAR-DINKES', toAgencyCode: 'KAB-BANJAR', reason: 'Jalan provinsi, bukan dinkes' },
      ],
    });
    // The regency disposes it again, down its own tree.
    const redisposed = await run(
      FORWARD_W,
      'forwardComplaint',
      { complaintId: id, toAgencyCode: 'KAB-BANJAR-DISKOMINFO' },
      t.banjar,
    );
    expect(redisposed.assignedAgency?.code).toBe('KAB-BANJAR-DISKOMINFO');

    const national = await submit();
    await run(FORWARD_W, 'forwardComplaint', { complaintId: national.id, toAgencyCode: 'KEMENKES' }, t.operator);
    const back = await run(
      RETURN,
      'returnComplaint',
      { complaintId: national.id, reason: 'Urusan pemerintah daerah' },
      t.kemenkes,
    );
    expect(back).toMatchObject({ status: 'VERIFIED', assignedAgency: null });
    expect(deadline(back, 'TRIAGE')).toMatchObject({ status: 'OPEN' });
  });

  it('lets an officer forward only along the agency tree', async () => {
    const { id } = await submit();
    await run(FORWARD_W, 'forwardComplaint', { complaintId: id, toAgencyCode: 'KAB-BANJAR-DINKES' }, t.operator);
    expect(await codeOf(FORWARD_W, { complaintId: id, toAgencyCode: 'KAB-INDRAMAYU' }, t.dinkes)).toBe('FORBIDDEN');
    expect(await codeOf(FORWARD_W, { complaintId: id, toAgencyCode: 'KEMENKES' }, t.dinkes)).toBe('FORBIDDEN');
    const up = await run(FORWARD_W, 'forwardComplaint', { complaintId: id, toAgencyCode: 'KAB-BANJAR' }, t.dinkes);
    expect(up.assignedAgency?.code).toBe('KAB-BANJAR');
  });

  it('shows a supervising agency its sub-units’ complaints, and a work unit only its own', async () => {
    const dinkes = await submit();
    await run(FORWARD_W, 'forwardComplaint', { complaintId: dinkes.id, toAgencyCode: 'KAB-BANJAR-DINKES' }, t.operator);
    const kominfo = await submit();
    await run(
      FORWARD_W,
      'forwardComplaint',
      { complaintId: kominfo.id, toAgencyCode: 'KAB-BANJAR-DISKOMINFO' },
      t.operator,
    );
    const ids = async (bearer: string) =>
      (
        await api.client.ok<{ complaints: { edges: { node: { id: string } }[] } }>(COMPLAINTS, { first: 100 }, bearer)
      ).complaints.edges.map((e) => e.node.id);
    await eventually(async () => ((await ids(t.banjar)).includes(kominfo.id) ? true : undefined));
    expect(await ids(t.banjar)).toEqual(expect.arrayContaining([dinkes.id, kominfo.id]));
    expect(await ids(t.dinkes)).toContain(dinkes.id);
    expect(await ids(t.dinkes)).not.toContain(kominfo.id);
    const one = await api.client.ok<{ complaint: WorkflowComplaint }>(COMPLAINT_W, { id: kominfo.id }, t.banjar);
    expect(one.complaint.id).toBe(kominfo.id);
    expect(onlyError(await api.client.request(COMPLAINT_W, { id: kominfo.id }, t.dinkes)).extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('archives at triage with a reason, and refuses what needs more', async () => {
    const original = await submit();
    const duplicate = await submit();
    expect(await codeOf(ARCHIVE, { complaintId: duplicate.id, reason: 'DUPLICATE' }, t.operator)).toBe(
      'BAD_USER_INPUT',
    );
    const archived = await run(
      ARCHIVE,
      'archiveComplaint',
      { complaintId: duplicate.id, reason: 'DUPLICATE', duplicateOfId: original.id },
      t.operator,
    );
    expect(archived).toMatchObject({
      status: 'ARCHIVED',
      archive: { reason: 'DUPLICATE', duplicateOfId: original.id },
    });
    expect(archived.deadlines.every((d) => d.status === 'CANCELLED')).toBe(true);
    const corruption = await submit();
    expect(await codeOf(ARCHIVE, { complaintId: corruption.id, reason: 'OUT_OF_SCOPE' }, t.operator)).toBe(
      'BAD_USER_INPUT',
    );
    await run(
      ARCHIVE,
      'archiveComplaint',
      { complaintId: corruption.id, reason: 'OUT_OF_SCOPE', note: 'Dugaan korupsi: silakan lapor ke KPK' },
      t.operator,
    );
    expect(await codeOf(ARCHIVE, { complaintId: corruption.id, reason: 'UNINTELLIGIBLE' }, t.operator)).toBe(
      'CONFLICT',
    );
    expect(await codeOf(ARCHIVE, { complaintId: original.id, reason: 'NOT_PUBLIC_SERVICE' }, t.ombudsman)).toBe(
      'FORBIDDEN',
    );
  });

  it('marks a complaint URGENT: shorter deadlines, recomputed from their starts', async () => {
    const submitted = await submit({ category: 'HEALTH' });
    const urgent = await run(
      CLASSIFY,
      'classifyComplaint',
      { complaintId: submitted.id, priority: 'URGENT' },
      t.operator,
    );
    expect(urgent).toMatchObject({ priority: 'URGENT', category: 'HEALTH' });
    expect(deadline(urgent, 'RESPONSE')).toMatchObject({ status: 'OPEN', priority: 'URGENT', span: 'P3D' });
    expect(deadline(urgent, 'TRIAGE')).toMatchObject({ status: 'OPEN', priority: 'URGENT', span: '1WD' });
    expect(Date.parse(urgent.dueAt) - Date.parse(submitted.dueAt)).toBe(-11 * 86_400_000);
    const direct = await submit({ priority: 'URGENT' });
    expect(deadline(direct, 'RESPONSE')?.span).toBe('P3D');
  });
});
