import { SignJWT } from 'jose';
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
import { TestEnvironment, token, type RunningApp } from './support/test-app.js';

describe('who may do what', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    t.reporter = await token({ sub: 'citizen-reporter', role: 'citizen' });
    t.otherCitizen = await token({ sub: 'citizen-other', role: 'citizen' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.dinkes = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    t.kendari = await token({ sub: 'officer-kendari', role: 'agency_officer', agency: 'KOTA-KENDARI' });
    t.ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
    t.auditor = await token({ sub: 'auditor-1', role: 'auditor' });
    t.sp4n = await token({ sub: 'sp4n-national', role: 'sp4n' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const submit = async (overrides: Record<string, unknown> = {}, bearer = t.reporter) =>
    (await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, { input: aComplaint(overrides) }, bearer))
      .submitComplaint;
  const forwardedToDinkes = async (overrides: Record<string, unknown> = {}) => {
    const complaint = await submit(overrides);
    await api.client.ok(
      FORWARD,
      { input: { complaintId: complaint.id, toAgencyCode: 'KAB-BANJAR-DINKES' } },
      t.operator,
    );
    return complaint.id;
  };
  const codeOf = async (query: string, variables: Record<string, unknown>, bearer?: string) =>
    onlyError(await api.client.request(query, variables, bearer)).extensions?.code;

  it('lets only an operator or the assigned agency forward', async () => {
    const id = await forwardedToDinkes();
    const forward = (to: string) => ({ input: { complaintId: id, toAgencyCode: to } });
    expect(await codeOf(FORWARD, forward('KAB-HSU'), t.kendari)).toBe('FORBIDDEN');
    expect(await codeOf(FORWARD, forward('KAB-HSU'), t.reporter)).toBe('FORBIDDEN');
    expect(await codeOf(FORWARD, forward('KAB-HSU'), t.ombudsman)).toBe('FORBIDDEN');
    expect(await codeOf(FORWARD, forward('KAB-HSU'))).toBe('FORBIDDEN');
    const { forwardComplaint } = await api.client.ok<{ forwardComplaint: ComplaintView }>(
      FORWARD,
      forward('KAB-BANJAR-DISKOMINFO'),
      t.dinkes,
    );
    expect(forwardComplaint.assignedAgency).toEqual({ code: 'KAB-BANJAR-DISKOMINFO', name: expect.any(String) });
  });

  it('lets only an officer of the assigned agency respond', async () => {
    const id = await forwardedToDinkes();
    const respond = { input: { complaintId: id, message: 'Sudah kami tangani.' } };
    for (const bearer of [t.kendari, t.operator, t.reporter, t.ombudsman, t.auditor, t.sp4n]) {
      expect(await codeOf(RESPOND, respond, bearer)).toBe('FORBIDDEN');
    }
    expect(await codeOf(RESPOND, respond)).toBe('FORBIDDEN');
    await api.client.ok(RESPOND, respond, t.dinkes);
  });

  it('lets the reporter escalate only after a response or the deadline, and never another citizen', async () => {
    const id = await forwardedToDinkes();
    const escalate = { input: { complaintId: id, reason: 'Tidak ada tanggapan' } };
    expect(await codeOf(ESCALATE, escalate, t.reporter)).toBe('FORBIDDEN');
    expect(await codeOf(ESCALATE, escalate, t.otherCitizen)).toBe('FORBIDDEN');
    expect(await codeOf(ESCALATE, escalate, t.dinkes)).toBe('FORBIDDEN');
    await api.client.ok(RESPOND, { input: { complaintId: id, message: 'Sudah kami tangani.' } }, t.dinkes);
    await api.client.ok(ESCALATE, escalate, t.reporter);
    expect(await codeOf(ESCALATE, escalate, t.operator)).toBe('CONFLICT');
  });

  it('lets only the Ombudsman sanction, and only an escalated complaint', async () => {
    const id = await forwardedToDinkes();
    const sanction = {
      input: {
        complaintId: id,
        sanctionedAgencyCode: 'KAB-BANJAR-DINKES',
        kind: 'WRITTEN_REPRIMAND',
        reason: 'Lalai menanggapi',
      },
    };
    expect(await codeOf(SANCTION, sanction, t.ombudsman)).toBe('CONFLICT');
    await api.client.ok(ESCALATE, { input: { complaintId: id, reason: 'Diteruskan operator' } }, t.operator);
    for (const bearer of [t.operator, t.dinkes, t.auditor, t.reporter, t.sp4n]) {
      expect(await codeOf(SANCTION, sanction, bearer)).toBe('FORBIDDEN');
    }
    await api.client.ok(SANCTION, sanction, t.ombudsman);
    await api.client.ok(SANCTION, { input: { ...sanction.input, kind: 'RELEASE_FROM_OFFICE' } }, t.ombudsman);
  });

  it('never shows an anonymous reporter to the agency, the Ombudsman or auditors', async () => {
    const id = await forwardedToDinkes({ anonymous: true, reporter: { name: 'Budi', email: 'budi@example.id' } });
    const reporterSeenBy = async (bearer: string) =>
      (await api.client.ok<{ complaint: ComplaintView }>(COMPLAINT, { id }, bearer)).complaint.reporter;
    expect(await reporterSeenBy(t.dinkes)).toBeNull();
    expect(await reporterSeenBy(t.ombudsman)).toBeNull();
    expect(await reporterSeenBy(t.auditor)).toBeNull();
    expect(await reporterSeenBy(t.sp4n)).toBeNull();
    expect(await reporterSeenBy(t.operator)).toEqual({ name: 'Budi', email: 'budi@example.id', phone: null });
    expect(await reporterSeenBy(t.reporter)).toEqual({ name: 'Budi', email: 'budi@example.id', phone: null });

    const { complaintHistory } = await api.client.ok<{
      complaintHistory: { type: string; actor: { id: string }; data: Record<string, unknown> }[];
    }>(HISTORY, { id }, t.dinkes);
    const submitted = complaintHistory[0];
    expect(submitted?.data.reporter).toBeNull();
    expect(submitted?.data.reporterId).toBeNull();
    expect(submitted?.actor.id).toBe('redacted');
    expect(JSON.stringify(complaintHistory)).not.toContain('Budi');
    expect(JSON.stringify(complaintHistory)).not.toContain('citizen-reporter');
  });

  it('shows a named reporter to the agency handling it', async () => {
    const id = await forwardedToDinkes({ reporter: { name: 'Rina' } });
    const { complaint } = await api.client.ok<{ complaint: ComplaintView }>(COMPLAINT, { id }, t.dinkes);
    expect(complaint.reporter).toEqual({ name: 'Rina', email: null, phone: null });
  });

  it('keeps complaints and the escalation feed from callers without the right role', async () => {
    const id = await forwardedToDinkes();
    expect(await codeOf(COMPLAINT, { id })).toBe('UNAUTHENTICATED');
    expect(await codeOf(COMPLAINT, { id }, t.otherCitizen)).toBe('FORBIDDEN');
    expect(await codeOf(COMPLAINT, { id }, t.kendari)).toBe('FORBIDDEN');
    expect(await codeOf(HISTORY, { id }, t.kendari)).toBe('FORBIDDEN');
    expect(await codeOf(COMPLAINTS, {})).toBe('UNAUTHENTICATED');
    expect(await codeOf(ESCALATIONS, {})).toBe('UNAUTHENTICATED');
    for (const bearer of [t.reporter, t.dinkes, t.sp4n])
      expect(await codeOf(ESCALATIONS, {}, bearer)).toBe('FORBIDDEN');
    for (const bearer of [t.ombudsman, t.auditor, t.operator]) await api.client.ok(ESCALATIONS, {}, bearer);
  });

  it('refuses untrustworthy tokens with UNAUTHENTICATED, even for open operations', async () => {
    const sign = (claims: Record<string, unknown>, secret: string, exp: number | string = '1h') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setIssuer('aduan')
        .setAudience('aduan-api')
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    const wrongKey = await sign({ role: 'operator' }, 'a-completely-different-secret-0123456789');
    const expired = await sign(
      { role: 'operator' },
      'e2e-secret-with-enough-length-0123456789',
      Math.floor(Date.now() / 1000) - 10,
    );
    const unknownRole = await sign({ role: 'president' }, 'e2e-secret-with-enough-length-0123456789');
    for (const bearer of [wrongKey, expired, unknownRole, 'garbage']) {
      const refused = await api.client.request(SUBMIT, { input: aComplaint() }, bearer);
      expect(onlyError(refused).extensions?.code).toBe('UNAUTHENTICATED');
      expect(refused.data).toBeNull();
    }
  });
});
