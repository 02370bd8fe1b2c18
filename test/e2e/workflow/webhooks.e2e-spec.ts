import { signHmacSha256 } from '#aduan/intake';
import { countEvents } from '../support/read-model-snapshot.js';
import { eventually, TestEnvironment, token } from '../support/test-app.js';
import { startWorkflowApp, type WorkflowApp } from './support/workflow-app.js';
import { BY_TRACKING_CODE, COMPLAINT_W, deadline, type WorkflowComplaint } from './support/workflow-operations.js';

const SMS_SECRET = 'sms-gateway-shared-secret-0123456789';
const WHATSAPP_SECRET = 'whatsapp-app-secret-0123456789';

interface IntakeAnswer {
  complaintId: string;
  trackingCode: string;
  accessKey: string | null;
  agencyCode: string | null;
  duplicate: boolean;
  reply: string;
}

describe('intake webhooks: SMS gateway and WhatsApp', () => {
  let env: TestEnvironment;
  let api: WorkflowApp;
  let operator: string;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await startWorkflowApp(env, {
      env: { SMS_WEBHOOK_SECRET: SMS_SECRET, WHATSAPP_APP_SECRET: WHATSAPP_SECRET, WHATSAPP_VERIFY_TOKEN: 'verify-me' },
    });
    operator = await token({ sub: 'operator-1', role: 'operator' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const post = (path: string, body: unknown, signature: (raw: string) => Record<string, string>) => {
    const raw = JSON.stringify(body);
    return fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signature(raw) },
      body: raw,
    });
  };
  const sms = (body: unknown, secret = SMS_SECRET) =>
    post('/webhooks/sms', body, (raw) => ({ 'x-aduan-signature': signHmacSha256(secret, raw) }));
  const whatsapp = (body: unknown, secret = WHATSAPP_SECRET) =>
    post('/webhooks/whatsapp', body, (raw) => ({ 'x-hub-signature-256': signHmacSha256(secret, raw) }));
  const read = async (id: string) =>
    (await api.client.ok<{ complaint: WorkflowComplaint }>(COMPLAINT_W, { id }, operator)).complaint;

  describe('SMS', () => {
    it('files "KEYWORD text" for the agency with that keyword, and answers with the tracking code and key', async () => {
      const response = await sms({
        messageId: 'gw-0001',
        from: '+62 812-3456-7890',
        text: 'banjar Puskesmas Martapura tutup jam 10 pagi. Mohon ditindak.',
      });
      expect(response.status).toBe(201);
      const answer = (await response.json()) as IntakeAnswer;
      expect(answer).toMatchObject({
        agencyCode: 'KAB-BANJAR',
        duplicate: false,
        trackingCode: expect.stringMatching(/^LPR-/),
      });
      expect(answer.reply).toContain(answer.trackingCode);
      expect(answer.reply).toContain(answer.accessKey);
      const complaint = await read(answer.complaintId);
      expect(complaint).toMatchObject({
        channel: 'SMS',
        status: 'SUBMITTED',
        title: 'Puskesmas Martapura tutup jam 10 pagi.',
        requestedAgency: { code: 'KAB-BANJAR' },
        reporter: { name: null, email: null, phone: '+6281234567890' },
      });
      expect(deadline(complaint, 'TRIAGE')?.status).toBe('OPEN');
      // The reporter follows it without an account (once the read model has it: milliseconds).
      const followed = await eventually(async () => {
        const { complaintByTrackingCode } = await api.client.ok<{ complaintByTrackingCode: WorkflowComplaint | null }>(
          BY_TRACKING_CODE,
          { trackingCode: answer.trackingCode, accessKey: answer.accessKey },
        );
        return complaintByTrackingCode ?? undefined;
      });
      expect(followed.id).toBe(answer.complaintId);
    });

    it('leaves an unknown keyword to national triage', async () => {
      const answer = (await (
        await sms({
          messageId: 'gw-0002',
          from: '081298765432',
          text: 'Jalan di depan pasar rusak parah sejak bulan lalu',
        })
      ).json()) as IntakeAnswer;
      expect(answer.agencyCode).toBeNull();
      expect((await read(answer.complaintId)).requestedAgency).toBeNull();
    });

    it('answers a redelivery with the first complaint, the same key, and writes nothing', async () => {
      const message = {
        messageId: 'gw-0003',
        from: '081311112222',
        text: 'KENDARI Lampu jalan padam di Jalan Sudirman sejak seminggu',
      };
      const first = (await (await sms(message)).json()) as IntakeAnswer;
      const before = await countEvents(api.runtime.eventStore);
      const again = await sms(message);
      expect(again.status).toBe(200);
      const second = (await again.json()) as IntakeAnswer;
      expect(second).toEqual({ ...first, duplicate: true });
      expect(await countEvents(api.runtime.eventStore)).toBe(before);
      const concurrent = await Promise.all([1, 2, 3].map(() => sms({ ...message, messageId: 'gw-0004' })));
      const ids = new Set(
        await Promise.all(concurrent.map(async (r) => ((await r.json()) as IntakeAnswer).complaintId)),
      );
      expect(ids.size).toBe(1);
      expect(await countEvents(api.runtime.eventStore)).toBe(before + 1);
    });

    it('refuses a wrong signature, and a message too short to be a report', async () => {
      expect(
        (await sms({ messageId: 'gw-0005', from: '0812', text: 'BANJAR halo halo halo' }, 'wrong-secret')).status,
      ).toBe(401);
      const unsigned = await fetch(`${api.url}/webhooks/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(unsigned.status).toBe(401);
      expect((await sms({ from: '0812', text: 'x' })).status).toBe(400);
      const short = await sms({ messageId: 'gw-0006', from: '081234567890', text: 'BANJAR tolong' });
      expect(short.status).toBe(422);
      expect(((await short.json()) as { reply: string }).reply).toContain('Format: KATA_KUNCI');
    });
  });

  describe('WhatsApp', () => {
    const notification = (id: string, body: string) => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'waba-1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                contacts: [{ wa_id: '6281277778888', profile: { name: 'Siti Aminah' } }],
                messages: [{ id, from: '6281277778888', timestamp: '1735689600', type: 'text', text: { body } }],
              },
            },
          ],
        },
      ],
    });

    it('answers Meta’s subscription handshake only for the verify token', async () => {
      const ok = await fetch(
        `${api.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`,
      );
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('1158201444');
      expect(
        (await fetch(`${api.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)).status,
      ).toBe(403);
    });

    it('files each text message once, named after the sender', async () => {
      const response = await whatsapp(
        notification('wamid.HBgM001', 'BPJS Kartu BPJS saya ditolak di rumah sakit umum daerah.'),
      );
      expect(response.status).toBe(200);
      const { messages } = (await response.json()) as { messages: IntakeAnswer[] };
      expect(messages).toHaveLength(1);
      const [answer] = messages as [IntakeAnswer];
      expect(answer).toMatchObject({ agencyCode: 'BPJS-KESEHATAN', duplicate: false });
      expect(await read(answer.complaintId)).toMatchObject({
        channel: 'WHATSAPP',
        reporter: { name: 'Siti Aminah', phone: '6281277778888' },
      });
      const again = (await (
        await whatsapp(notification('wamid.HBgM001', 'BPJS Kartu BPJS saya ditolak di rumah sakit umum daerah.'))
      ).json()) as {
        messages: IntakeAnswer[];
      };
      expect(again.messages).toEqual([{ ...answer, duplicate: true }]);
      expect((await whatsapp(notification('wamid.HBgM002', 'x'), 'forged')).status).toBe(401);
    });
  });

  it('keeps the webhooks off until their secrets are configured', async () => {
    const bare = await startWorkflowApp(env);
    try {
      const raw = JSON.stringify({ messageId: 'x', from: '0812', text: 'BANJAR halo semuanya di sini' });
      const response = await fetch(`${bare.url}/webhooks/sms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-aduan-signature': signHmacSha256('anything', raw) },
        body: raw,
      });
      expect(response.status).toBe(503);
    } finally {
      await bare.close();
    }
  });
});
