import { randomUUID } from 'node:crypto';
import { signHmacSha256 } from '#aduan/intake';
import pg from 'pg';
import { aComplaint, COMPLAINT, SUBMIT, type ComplaintView } from './support/operations.js';
import { databaseText, personalDataIn } from './support/personal-data.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

const SMS_SECRET = 'sms-gateway-secret-for-identity-0123456789';
const WHATSAPP_SECRET = 'whatsapp-secret-for-identity-0123456789';

/** Contacts distinctive enough that finding one anywhere means it leaked. */
const WEB = { name: 'Kartini Wulandari', email: 'kartini.wulandari@contoh.id', phone: '+62 811 2233 4401' };
const CITIZEN = { name: 'Bagus Prasetyo Nugroho', email: 'bagus.nugroho@contoh.id', phone: '0811-2233-4402' };
const SMS_FROM = '+62 811 2233 4403';
const WHATSAPP = { name: 'Ratna Sari Dewi', phone: '6281122334404' };
const SP4N = { name: 'Hendra Gunawan Saputra', email: 'hendra.saputra@contoh.id', phone: '081122334405' };
const EVERY_VALUE = [
  ...Object.values(WEB),
  ...Object.values(CITIZEN),
  SMS_FROM,
  ...Object.values(WHATSAPP),
  ...Object.values(SP4N),
];

const REPORTER = 'reporter { name email phone erased }';
const IMPORT = `mutation Import($input: ImportSp4nComplaintInput!) { importSp4nComplaint(input: $input) { id ${REPORTER} } }`;
const LIST = `query List { complaints(first: 100) { edges { node { id ${REPORTER} } } } }`;

describe("reporters' contacts are stored only sealed", () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let databaseUrl: string;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown, header: string, secret: string) => {
    const raw = JSON.stringify(body);
    return fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [header]: signHmacSha256(secret, raw) },
      body: raw,
    });
  };
  const sms = (messageId: string) =>
    post(
      '/webhooks/sms',
      { messageId, from: SMS_FROM, text: 'BANJAR Lampu jalan di Martapura mati sejak seminggu.' },
      'x-aduan-signature',
      SMS_SECRET,
    );
  const whatsapp = (id: string) =>
    post(
      '/webhooks/whatsapp',
      {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'waba-1',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  contacts: [{ wa_id: WHATSAPP.phone, profile: { name: WHATSAPP.name } }],
                  messages: [
                    {
                      id,
                      from: WHATSAPP.phone,
                      timestamp: '1735689600',
                      type: 'text',
                      text: { body: 'BPJS Kartu saya ditolak di rumah sakit umum daerah.' },
                    },
                  ],
                },
              },
            ],
          },
        ],
      },
      'x-hub-signature-256',
      WHATSAPP_SECRET,
    );
  const sp4nRecord = (nationalTrackingId: string) => ({
    nationalTrackingId,
    title: 'Antrean BPJS tidak tertib',
    description: 'Antrean di kantor cabang tidak tertib dan tanpa nomor urut sejak pagi.',
    type: 'COMPLAINT',
    agencyCode: 'KAB-BANJAR-DINKES',
    reporter: SP4N,
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  const keyRows = async (subject: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query('SELECT key_id FROM reporter_identity_keys WHERE subject = $1', [subject])).rows;
    } finally {
      await client.end();
    }
  };
  const eventCount = async (id: string) => (await api.runtime.eventStore.readStream(`complaint-${id}`)).length;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    api = await env.startApp({
      databaseUrl,
      env: { SMS_WEBHOOK_SECRET: SMS_SECRET, WHATSAPP_APP_SECRET: WHATSAPP_SECRET, WHATSAPP_VERIFY_TOKEN: 'v' },
    });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.citizen = await token({ sub: 'citizen-identity-1', role: 'citizen' });
    t.sp4n = await token({ sub: 'sp4n-national', role: 'sp4n' });

    const web = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint({ reporter: WEB, idempotencyKey: 'web-submit-1' }),
    });
    ids.web = web.submitComplaint.id;
    const citizen = await api.client.ok<{ submitComplaint: ComplaintView }>(
      SUBMIT,
      { input: aComplaint({ reporter: CITIZEN }) },
      t.citizen,
    );
    ids.citizen = citizen.submitComplaint.id;
    ids.sms = ((await (await sms('gw-identity-1')).json()) as { complaintId: string }).complaintId;
    const wa = (await (await whatsapp('wamid.identity-1')).json()) as { messages: { complaintId: string }[] };
    ids.whatsapp = wa.messages[0]?.complaintId ?? '';
    const imported = await api.client.ok<{ importSp4nComplaint: { id: string } }>(
      IMPORT,
      { input: sp4nRecord('LAPOR-IDENTITY-1') },
      t.sp4n,
    );
    ids.sp4n = imported.importSp4nComplaint.id;
    await eventually(async () => {
      const listed = await api.client.ok<{ complaints: { edges: { node: { id: string } }[] } }>(LIST, {}, t.operator);
      return listed.complaints.edges.length >= 5 ? true : undefined;
    });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('keeps no name, email or phone in clear anywhere in the database after web, SMS, WhatsApp and SP4N intake', async () => {
    const dump = await databaseText(databaseUrl);
    // The dump holds what was written (sealed contacts, the key vault), so its absence of contacts means something.
    expect(/reporter_identity_keys:\n\(/.test(dump)).toBe(true);
    expect(/form"+: "+sealed/.test(dump)).toBe(true);
    expect(personalDataIn(dump, EVERY_VALUE)).toEqual([]);
  });

  it('keeps the raw events sealed: key id, nonce, ciphertext and tag, and which parts were given', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ data: { reporter: Record<string, unknown> }; version: number }>(
        `SELECT data, (metadata->>'schemaVersion')::int AS version FROM events WHERE event_type = 'ComplaintSubmitted'`,
      );
      expect(rows).toHaveLength(5);
      for (const { data, version } of rows) {
        expect(version).toBe(2);
        expect(Object.keys(data.reporter).sort()).toEqual([
          'algorithm',
          'ciphertext',
          'fields',
          'form',
          'iv',
          'keyId',
          'tag',
        ]);
      }
      expect(personalDataIn(JSON.stringify(rows), EVERY_VALUE)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('opens every contact for those allowed to see it', async () => {
    const read = async (id: string | undefined) =>
      (await api.client.ok<{ complaint: ComplaintView }>(COMPLAINT, { id }, t.operator)).complaint.reporter;
    expect(await read(ids.web)).toEqual({ name: WEB.name, email: WEB.email, phone: '+6281122334401' });
    expect(await read(ids.citizen)).toEqual({ name: CITIZEN.name, email: CITIZEN.email, phone: '081122334402' });
    expect(await read(ids.sms)).toEqual({ name: null, email: null, phone: '+6281122334403' });
    expect(await read(ids.whatsapp)).toEqual({ name: WHATSAPP.name, email: null, phone: WHATSAPP.phone });
    expect(await read(ids.sp4n)).toEqual(SP4N);
  });

  it('writes nothing twice on retries: SP4N imports, webhook redeliveries, submits with an idempotency key', async () => {
    const record = sp4nRecord(`LAPOR-${randomUUID()}`);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.client.ok<{ importSp4nComplaint: { id: string; reporter: unknown } }>(IMPORT, { input: record }, t.sp4n),
      ),
    );
    const id = answers[0]?.importSp4nComplaint.id ?? '';
    expect(new Set(answers.map((a) => a.importSp4nComplaint.id)).size).toBe(1);
    for (const answer of answers) expect(answer.importSp4nComplaint.reporter).toEqual({ ...SP4N, erased: false });
    expect(await eventCount(id)).toBe(1);
    expect(await keyRows(`complaint:${id}`)).toHaveLength(1);
    await api.client.ok(IMPORT, { input: record }, t.sp4n);
    expect(await eventCount(id)).toBe(1);
    expect(await keyRows(`complaint:${id}`)).toHaveLength(1);

    const again = (await (await sms('gw-identity-1')).json()) as { complaintId: string; duplicate: boolean };
    expect(again).toMatchObject({ complaintId: ids.sms, duplicate: true });
    expect(await eventCount(ids.sms ?? '')).toBe(1);
    expect(await keyRows(`complaint:${ids.sms}`)).toHaveLength(1);
    const waAgain = (await (await whatsapp('wamid.identity-1')).json()) as { messages: { duplicate: boolean }[] };
    expect(waAgain.messages[0]?.duplicate).toBe(true);
    expect(await keyRows(`complaint:${ids.whatsapp}`)).toHaveLength(1);

    const retried = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint({ reporter: WEB, idempotencyKey: 'web-submit-1' }),
    });
    expect(retried.submitComplaint.id).toBe(ids.web);
    expect(retried.submitComplaint.reporter).toEqual({ name: WEB.name, email: WEB.email, phone: '+6281122334401' });
    expect(await eventCount(ids.web ?? '')).toBe(1);
    expect(await keyRows(`complaint:${ids.web}`)).toHaveLength(1);
  });

  it("seals every complaint of one account under the account's key", async () => {
    const second = await api.client.ok<{ submitComplaint: ComplaintView }>(
      SUBMIT,
      { input: aComplaint({ reporter: { name: CITIZEN.name } }) },
      t.citizen,
    );
    const keyIdOf = async (id: string | undefined) => {
      const [submitted] = await api.runtime.eventStore.readStream(`complaint-${id}`);
      return (submitted?.data.reporter as { keyId: string }).keyId;
    };
    expect(await keyIdOf(second.submitComplaint.id)).toBe(await keyIdOf(ids.citizen));
    expect(await keyIdOf(ids.web)).not.toBe(await keyIdOf(ids.citizen));
    expect(await keyRows('account:citizen-identity-1')).toHaveLength(1);
  });

  it('spends no key on a report refused for another field', async () => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const count = async () =>
        Number((await client.query('SELECT count(*) AS n FROM reporter_identity_keys')).rows[0].n);
      const before = await count();
      const refused = await api.client.request(SUBMIT, {
        input: aComplaint({ reporter: WEB, agencyCode: 'KAB-ATLANTIS' }),
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(await count()).toBe(before);
    } finally {
      await client.end();
    }
  });

  it('opens a whole page of contacts with one vault lookup', async () => {
    const opened: number[] = [];
    const identities = api.runtime.reporterIdentities;
    const original = identities.openSettled.bind(identities);
    identities.openSettled = (contacts) => {
      opened.push(contacts.length);
      return original(contacts);
    };
    try {
      const listed = await api.client.ok<{ complaints: { edges: { node: { reporter: unknown } }[] } }>(
        LIST,
        {},
        t.operator,
      );
      const withContact = listed.complaints.edges.filter((e) => e.node.reporter !== null).length;
      expect(withContact).toBeGreaterThanOrEqual(6);
      expect(opened).toEqual([withContact]);
    } finally {
      identities.openSettled = original;
    }
  });
});
