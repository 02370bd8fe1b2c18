import { signHmacSha256 } from '#aduan/intake';
import pg from 'pg';
import { aComplaint, COMPLAINT, SUBMIT, type ComplaintView } from './support/operations.js';
import { personalDataIn } from './support/personal-data.js';
import { eventually, TestEnvironment, token, type RunningApp } from './support/test-app.js';

const SMS_SECRET = 'sms-gateway-secret-for-logs-0123456789';
const WEB = { name: 'Anggun Permata Sari', email: 'anggun.permata@contoh.id', phone: '+62 811 5566 7701' };
const CITIZEN = { name: 'Teguh Wicaksono Putra', email: 'teguh.putra@contoh.id', phone: '081155667702' };
const BAD_EMAIL = 'anggun.permata(at)contoh.id';
const SMS_FROM = '+62 811 5566 7703';
const VALUES = [...Object.values(WEB), ...Object.values(CITIZEN), BAD_EMAIL, SMS_FROM];

const ERASE = `mutation Erase($id: ID!) { eraseReporterIdentity(complaintId: $id) { id reporter { name erased } } }`;

/**
 * Everything the API prints (Nest's logger at every level, console, raw writes) while it takes in,
 * shows, erases and fails on reporters' contacts: none of it may hold a name, an email or a number.
 */
describe('logs hold no personal data', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let databaseUrl: string;
  const output: string[] = [];
  const restore: (() => void)[] = [];

  const capture = () => {
    // Kept, not printed: the test's own output stays quiet.
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      stream.write = ((chunk: unknown) => {
        output.push(String(chunk));
        return true;
      }) as typeof stream.write;
      restore.push(() => (stream.write = write));
    }
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[level];
      console[level] = (...args: unknown[]) => {
        output.push(args.map(String).join(' '));
      };
      restore.push(() => (console[level] = original));
    }
  };

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    capture();
    api = await env.startApp({
      databaseUrl,
      env: { SMS_WEBHOOK_SECRET: SMS_SECRET },
      logLevels: ['log', 'error', 'warn', 'debug', 'verbose'],
    });
  });
  afterAll(async () => {
    await api?.close();
    for (const undo of restore.reverse()) undo();
    await env?.stop();
  });

  const sms = (messageId: string, text: string) => {
    const raw = JSON.stringify({ messageId, from: SMS_FROM, text });
    return fetch(`${api.url}/webhooks/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-aduan-signature': signHmacSha256(SMS_SECRET, raw) },
      body: raw,
    });
  };

  it('during submits, intake, reads, erasure and failures', async () => {
    const operator = await token({ sub: 'operator-1', role: 'operator' });
    const citizen = await token({ sub: 'citizen-logs-1', role: 'citizen' });

    const web = (
      await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, { input: aComplaint({ reporter: WEB }) })
    ).submitComplaint.id;
    const own = (
      await api.client.ok<{ submitComplaint: ComplaintView }>(
        SUBMIT,
        { input: aComplaint({ reporter: CITIZEN }) },
        citizen,
      )
    ).submitComplaint.id;
    const refused = await api.client.request(SUBMIT, { input: aComplaint({ reporter: { ...WEB, email: BAD_EMAIL } }) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await sms('gw-logs-1', 'BANJAR Lampu jalan di Martapura mati sejak seminggu.')).status).toBe(201);
    expect((await sms('gw-logs-2', 'BANJAR x')).status).toBe(422);
    await eventually(async () => {
      const { complaint } = await api.client.ok<{ complaint: ComplaintView | null }>(COMPLAINT, { id: own }, operator);
      return complaint?.reporter ? true : undefined;
    });
    await api.client.ok(ERASE, { id: web }, operator);

    // A failure on the way to a contact: the vault row of the citizen's key altered.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(
        `UPDATE reporter_identity_keys SET wrapped_key = overlay(wrapped_key PLACING '\\x00'::bytea FROM 30 FOR 1) WHERE subject = 'account:citizen-logs-1'`,
      );
    } finally {
      await client.end();
    }
    const broken = await api.client.request<{ complaint: ComplaintView | null }>(COMPLAINT, { id: own }, operator);
    expect(broken.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(broken.data?.complaint?.reporter).toBeNull();

    const printed = output.join('');
    // The capture works: the refused SMS and the failure were logged.
    expect(printed).toContain('SMS message refused: INVALID_INPUT');
    expect(printed).toContain('WrappedKeyUnreadable');
    expect(personalDataIn(printed, VALUES)).toEqual([]);
  });
});
