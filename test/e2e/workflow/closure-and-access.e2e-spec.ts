import { onlyError } from '../support/graphql-client.js';
import { aComplaint } from '../support/operations.js';
import { eventually, TestEnvironment, token } from '../support/test-app.js';
import { startWorkflowApp, TestClock, type WorkflowApp } from './support/workflow-app.js';
import {
  ADD_INFORMATION,
  BY_TRACKING_CODE,
  CLOSE,
  COMPLAINT_W,
  CONCLUDE,
  deadline,
  DISPUTE,
  FORWARD_W,
  HISTORY_TYPES,
  HOLD,
  ORDER_FIELD_CHECK,
  RATE,
  RECORD_REMEDY,
  REOPEN,
  RESPOND_W,
  SANCTION_W,
  SUBMIT_W,
  type WorkflowComplaint,
} from './support/workflow-operations.js';

describe('closure, anonymous access, and the Ombudsman', () => {
  let env: TestEnvironment;
  let api: WorkflowApp;
  let clock: TestClock;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    clock = new TestClock();
    api = await startWorkflowApp(env, { clock });
    t.citizen = await token({ sub: 'citizen-siti', role: 'citizen' });
    t.other = await token({ sub: 'citizen-other', role: 'citizen' });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.dinkes = await token({ sub: 'officer-dinkes', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' });
    t.ombudsman = await token({ sub: 'ombudsman-1', role: 'ombudsman' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const call = async <T = WorkflowComplaint>(
    query: string,
    name: string,
    input: Record<string, unknown>,
    bearer?: string,
  ) => (await api.client.ok<Record<string, T>>(query, { input }, bearer))[name] as T;
  /** Scans (as the timer would) until the read model shows what the deadline policy did. */
  const scanUntil = (id: string, done: (c: WorkflowComplaint) => boolean) =>
    eventually(async () => {
      await api.scan();
      const { complaint } = await api.client.ok<{ complaint: WorkflowComplaint }>(COMPLAINT_W, { id }, t.operator);
      return done(complaint) ? complaint : undefined;
    });
  const codeOf = async (query: string, input: Record<string, unknown>, bearer?: string) =>
    onlyError(await api.client.request(query, { input }, bearer)).extensions?.code;
  const answered = async (overrides: Record<string, unknown> = {}, bearer: string | undefined = t.citizen) => {
    const submitted = await call(SUBMIT_W, 'submitComplaint', aComplaint(overrides), bearer);
    await call(
      FORWARD_W,
      'forwardComplaint',
      { complaintId: submitted.id, toAgencyCode: 'KAB-BANJAR-DINKES' },
      t.operator,
    );
    return call(
      RESPOND_W,
      'respondToComplaint',
      { complaintId: submitted.id, message: 'Sudah kami tindak lanjuti.' },
      t.dinkes,
    );
  };

  describe('a reporter without an account', () => {
    it('gets a tracking code and an access key once, and follows, completes, closes and rates with them', async () => {
      const submitted = await call(
        SUBMIT_W,
        'submitComplaint',
        aComplaint({
          channel: 'CALL_CENTER',
          anonymous: true,
          reporter: { name: 'Budi Santoso', phone: '081234567890' },
        }),
      );
      expect(submitted.trackingCode).toMatch(/^LPR-/);
      expect(submitted.accessKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
      expect(submitted.reporter).toEqual({
        name: 'Budi Santoso',
        email: null,
        phone: '+6281234567890'.replace('+62', '0'),
      });
      const key = submitted.accessKey as string;
      const credentials = { trackingCode: submitted.trackingCode, accessKey: key };

      // The key is never answered again, and never stored in the clear.
      const { complaint: seenByOperator } = await api.client.ok<{ complaint: WorkflowComplaint }>(
        COMPLAINT_W,
        { id: submitted.id },
        t.operator,
      );
      expect(seenByOperator.accessKey).toBeNull();
      const { complaintHistory } = await api.client.ok<{ complaintHistory: unknown[] }>(
        HISTORY_TYPES,
        { id: submitted.id },
        t.operator,
      );
      expect(JSON.stringify(complaintHistory)).not.toContain(key.replace(/-/g, ''));
      expect(JSON.stringify(complaintHistory)).not.toContain('accessKeyHash');

      const follow = async (accessKey: string) =>
        (
          await api.client.ok<{ complaintByTrackingCode: WorkflowComplaint | null }>(BY_TRACKING_CODE, {
            trackingCode: submitted.trackingCode,
            accessKey,
          })
        ).complaintByTrackingCode;
      // Found once the read model has it (milliseconds); a wrong key finds nothing, like an unknown code.
      const followed = await eventually(async () => (await follow(key.toLowerCase())) ?? undefined);
      await expect(follow('AAAAA-BBBBB-CCCCC-DDDDD')).resolves.toBeNull();
      expect(followed).toMatchObject({ id: submitted.id, status: 'SUBMITTED', reporter: { name: 'Budi Santoso' } });

      await call(HOLD, 'holdComplaint', { complaintId: submitted.id, reason: 'Nama puskesmas belum ada' }, t.operator);
      expect(
        await codeOf(ADD_INFORMATION, {
          ...credentials,
          accessKey: 'AAAAA-BBBBB-CCCCC-DDDDD',
          information: 'Puskesmas Martapura',
        }),
      ).toBe('FORBIDDEN');
      const resumed = await call(ADD_INFORMATION, 'addComplaintInformation', {
        ...credentials,
        information: 'Puskesmas Martapura 1',
      });
      expect(resumed).toMatchObject({ status: 'SUBMITTED', reporter: { name: 'Budi Santoso' } });

      await call(
        FORWARD_W,
        'forwardComplaint',
        { complaintId: submitted.id, toAgencyCode: 'KAB-BANJAR-DINKES' },
        t.operator,
      );
      const { complaint: seenByAgency } = await api.client.ok<{ complaint: WorkflowComplaint }>(
        COMPLAINT_W,
        { id: submitted.id },
        t.dinkes,
      );
      expect(seenByAgency.reporter).toBeNull();
      await call(
        RESPOND_W,
        'respondToComplaint',
        { complaintId: submitted.id, message: 'Jadwal sudah dipulihkan.' },
        t.dinkes,
      );

      const closed = await call(CLOSE, 'closeComplaint', { ...credentials, rating: 4, comment: 'Terima kasih' });
      expect(closed).toMatchObject({
        status: 'CLOSED',
        closure: { closedBy: 'REPORTER' },
        rating: { rating: 4, comment: 'Terima kasih' },
      });
      expect(await codeOf(RATE, { ...credentials, rating: 2 })).toBe('CONFLICT');

      const reopened = await call(REOPEN, 'reopenComplaint', { ...credentials, reason: 'Tutup lagi hari ini' });
      expect(reopened).toMatchObject({ status: 'FORWARDED', assignedAgency: { code: 'KAB-BANJAR-DINKES' } });
      expect(deadline(reopened, 'RESPONSE')).toMatchObject({ status: 'OPEN' });
      await call(
        RESPOND_W,
        'respondToComplaint',
        { complaintId: submitted.id, message: 'Petugas piket ditambah.' },
        t.dinkes,
      );
      const disputed = await call(DISPUTE, 'disputeComplaint', { ...credentials, reason: 'Masih sering tutup' });
      expect(disputed).toMatchObject({ status: 'ESCALATED', escalation: { source: 'REPORTER' } });
    });

    it('needs the complaint named: an id, or a tracking code with the key', async () => {
      expect(await codeOf(CLOSE, { rating: 4 })).toBe('BAD_USER_INPUT');
      expect(
        await codeOf(CLOSE, { trackingCode: 'LPR-0000-0000-0000', accessKey: 'AAAAA-BBBBB-CCCCC-DDDDD', rating: 4 }),
      ).toBe('NOT_FOUND');
    });
  });

  describe('closure', () => {
    it('lets only the reporter close, with a rating from 1 to 5', async () => {
      const { id } = await answered();
      expect(await codeOf(CLOSE, { complaintId: id, rating: 4 }, t.other)).toBe('FORBIDDEN');
      expect(await codeOf(CLOSE, { complaintId: id, rating: 4 }, t.dinkes)).toBe('FORBIDDEN');
      expect(await codeOf(CLOSE, { complaintId: id, rating: 6 }, t.citizen)).toBe('BAD_USER_INPUT');
      await call(CLOSE, 'closeComplaint', { complaintId: id, rating: 3 }, t.citizen);
    });

    it('allows reopening within REOPEN_WINDOW (P30D), not after', async () => {
      const late = await answered();
      await call(CLOSE, 'closeComplaint', { complaintId: late.id, rating: 2 }, t.citizen);
      clock.advance(31 * 86_400_000);
      expect(await codeOf(REOPEN, { complaintId: late.id, reason: 'Masalah muncul lagi' }, t.citizen)).toBe('CONFLICT');
    });

    it('lets the reporter rate a complaint the system closed', async () => {
      const { id, ...complaint } = await answered();
      const closure = deadline({ id, ...complaint } as WorkflowComplaint, 'CLOSURE');
      clock.moveTo(new Date(Date.parse(closure?.dueAt ?? '') + 1000));
      await scanUntil(id, (c) => c.status === 'CLOSED');
      const rated = await call(
        RATE,
        'rateComplaint',
        { complaintId: id, rating: 1, comment: 'Tidak ada kabar' },
        t.citizen,
      );
      expect(rated).toMatchObject({ status: 'CLOSED', closure: { closedBy: 'SYSTEM' }, rating: { rating: 1 } });
    });
  });

  describe('the Ombudsman', () => {
    it('orders a field check (DISPUTE becomes 60 days) and concludes a dispute without a sanction', async () => {
      const { id } = await answered();
      const disputed = await call(
        DISPUTE,
        'disputeComplaint',
        { complaintId: id, reason: 'Jawaban tidak benar' },
        t.citizen,
      );
      expect(deadline(disputed, 'DISPUTE')).toMatchObject({ span: 'P14D' });
      expect(await codeOf(ORDER_FIELD_CHECK, { complaintId: id, reason: 'Cek ke lokasi' }, t.operator)).toBe(
        'FORBIDDEN',
      );
      const checked = await call(
        ORDER_FIELD_CHECK,
        'orderFieldCheck',
        { complaintId: id, reason: 'Cek ke lokasi' },
        t.ombudsman,
      );
      expect(deadline(checked, 'DISPUTE')).toMatchObject({ status: 'OPEN', rule: 'DISPUTE_FIELD_CHECK', span: 'P60D' });
      expect(checked.fieldCheckOrderedAt).toEqual(expect.any(String));
      const concluded = await call(
        CONCLUDE,
        'concludeComplaint',
        { complaintId: id, finding: 'NO_MALADMINISTRATION', reason: 'Layanan sudah sesuai standar' },
        t.ombudsman,
      );
      expect(concluded).toMatchObject({
        status: 'CLOSED',
        closure: { closedBy: 'OMBUDSMAN', finding: 'NO_MALADMINISTRATION' },
      });
      expect(await codeOf(REOPEN, { complaintId: id, reason: 'Saya tidak setuju' }, t.citizen)).toBe('CONFLICT');
    });

    it('walks the sanction ladder: reprimand, remedy period, next tier due, remedy recorded', async () => {
      const { id } = await answered();
      await call(DISPUTE, 'disputeComplaint', { complaintId: id, reason: 'Jawaban tidak benar' }, t.citizen);
      const reprimanded = await call(
        SANCTION_W,
        'sanctionComplaint',
        {
          complaintId: id,
          sanctionedAgencyCode: 'KAB-BANJAR-DINKES',
          kind: 'WRITTEN_REPRIMAND',
          reason: 'Lalai menanggapi',
        },
        t.ombudsman,
      );
      expect(reprimanded.sanctionLadder).toMatchObject({
        stage: 'AWAITING_REMEDY',
        latestKind: 'WRITTEN_REPRIMAND',
        recommendedKind: 'RELEASE_FROM_OFFICE',
      });
      const remedy = deadline(reprimanded, 'REMEDY');
      expect(remedy).toMatchObject({ status: 'OPEN', span: 'P3M' });
      clock.moveTo(new Date(Date.parse(remedy?.dueAt ?? '') + 1000));
      const lapsed = await scanUntil(id, (c) => c.sanctionLadder.stage === 'NEXT_TIER_DUE');
      expect(lapsed.sanctionLadder).toMatchObject({ stage: 'NEXT_TIER_DUE', recommendedKind: 'RELEASE_FROM_OFFICE' });
      const remedied = await call(
        RECORD_REMEDY,
        'recordSanctionRemedy',
        { complaintId: id, note: 'Kepala puskesmas diganti' },
        t.ombudsman,
      );
      expect(remedied.sanctionLadder).toMatchObject({ stage: 'REMEDIED', recommendedKind: null });
    });
  });
});
