import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isInputObjectType } from 'graphql';
import { aComplaint, FORWARD, RESPOND, type ComplaintView } from './support/operations.js';
import { onlyError } from './support/graphql-client.js';
import { START } from '#aduan/event-store';
import { TestEnvironment, token, type RunningApp } from './support/test-app.js';

const SUBMIT_WITH_KEY = `mutation Submit($input: SubmitComplaintInput!) {
  submitComplaint(input: $input) { id trackingCode status version accessKey reporter { name email } } }`;

type Submitted = ComplaintView & { accessKey: string | null };

describe('idempotency keys', () => {
  let env: TestEnvironment;
  let databaseUrl: string;
  let api: RunningApp;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    env = await TestEnvironment.start();
    databaseUrl = await env.createDatabase();
    api = await env.startApp({ databaseUrl });
    t.operator = await token({ sub: 'operator-1', role: 'operator' });
    t.operator2 = await token({ sub: 'operator-2', role: 'operator' });
    t.officer = await token({ sub: 'officer-1', role: 'agency_officer', agency: 'KAB-BANJAR' });
    t.citizen = await token({ sub: 'citizen-1', role: 'citizen' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  /**
   * Events in complaint streams (the anchor scheduler writes its own stream now and then), once two
   * reads 100 ms apart agree: readAll holds back an event while an earlier transaction is in flight.
   */
  async function events(): Promise<number> {
    for (let last = -1; ; await new Promise((resolve) => setTimeout(resolve, 100))) {
      const count = await complaintEvents();
      if (count === last) return count;
      last = count;
    }
  }
  async function complaintEvents(): Promise<number> {
    let count = 0;
    for (let checkpoint = START; ;) {
      const page = await api.runtime.eventStore.readAll(checkpoint, 1000);
      if (page.events.length === 0) return count;
      count += page.events.filter((e) => e.streamName.startsWith('complaint-')).length;
      checkpoint = page.checkpoint;
    }
  }
  const submit = (input: Record<string, unknown>, bearer?: string) =>
    api.client.request<{ submitComplaint: Submitted }>(SUBMIT_WITH_KEY, { input }, bearer);

  it('an anonymous submit retried with its key answers the first complaint, access key included, and writes nothing', async () => {
    const input = aComplaint({
      anonymous: true,
      reporter: { name: 'Siti', email: 'siti@example.id' },
      idempotencyKey: 'anon-1',
    });
    const first = await submit(input);
    expect(first.errors).toBeUndefined();
    expect(first.data?.submitComplaint.accessKey).toEqual(expect.any(String));
    const before = await events();
    const retry = await submit({ ...input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    expect(await events()).toBe(before);
    // Another anonymous client with another key files its own complaint.
    const other = await submit({ ...input, idempotencyKey: 'anon-2' });
    expect(other.data?.submitComplaint.id).not.toBe(first.data?.submitComplaint.id);
  });

  it('the same key with different input is BAD_USER_INPUT (IDEMPOTENCY_KEY_REUSED)', async () => {
    await submit(aComplaint({ idempotencyKey: 'reuse-1' }), t.citizen);
    const before = await events();
    const error = onlyError(await submit(aComplaint({ title: 'Judul lain', idempotencyKey: 'reuse-1' }), t.citizen));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await events()).toBe(before);
    // Keys are scoped per caller: another caller's same key is a new request.
    const another = await submit(aComplaint({ title: 'Judul lain', idempotencyKey: 'reuse-1' }));
    expect(another.errors).toBeUndefined();
  });

  it('a key longer than 200 characters is BAD_USER_INPUT', async () => {
    const error = onlyError(await submit(aComplaint({ idempotencyKey: 'k'.repeat(201) })));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  it('a replay answers the complaint as the first request left it, not as it is now', async () => {
    const id = (await submit(aComplaint())).data!.submitComplaint.id;
    const forward = { complaintId: id, toAgencyCode: 'KAB-BANJAR', idempotencyKey: 'fwd-1' };
    const first = await api.client.ok<{ forwardComplaint: ComplaintView }>(FORWARD, { input: forward }, t.operator);
    await api.client.ok(RESPOND, { input: { complaintId: id, message: 'Sedang ditangani.' } }, t.officer);
    const before = await events();
    const retry = await api.client.ok<{ forwardComplaint: ComplaintView }>(FORWARD, { input: forward }, t.operator);
    expect(retry).toEqual(first);
    expect(retry.forwardComplaint).toMatchObject({ status: 'FORWARDED', responses: [] });
    expect(await events()).toBe(before);
  });

  it('concurrent identical requests write once and all answer the same', async () => {
    const id = (await submit(aComplaint())).data!.submitComplaint.id;
    const before = await events();
    const input = { complaintId: id, toAgencyCode: 'KAB-BANJAR', idempotencyKey: 'fwd-concurrent' };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.client.request<{ forwardComplaint: ComplaintView }>(FORWARD, { input }, t.operator),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    expect(await events()).toBe(before + 1);

    const submits = await Promise.all(
      Array.from({ length: 8 }, () => submit(aComplaint({ idempotencyKey: 'submit-concurrent' }), t.citizen)),
    );
    expect(new Set(submits.map((s) => s.data?.submitComplaint.id)).size).toBe(1);
    expect(await events()).toBe(before + 2);
  });

  it('a failed mutation releases its key', async () => {
    const id = (await submit(aComplaint())).data!.submitComplaint.id;
    const failed = await api.client.request(
      FORWARD,
      { input: { complaintId: id, toAgencyCode: 'NO-SUCH-AGENCY', idempotencyKey: 'fwd-fail' } },
      t.operator,
    );
    expect(onlyError(failed).extensions?.code).toBe('BAD_USER_INPUT');
    const retried = await api.client.request<{ forwardComplaint: ComplaintView }>(
      FORWARD,
      { input: { complaintId: id, toAgencyCode: 'KAB-BANJAR', idempotencyKey: 'fwd-fail' } },
      t.operator,
    );
    expect(retried.errors).toBeUndefined();
    expect(retried.data?.forwardComplaint.status).toBe('FORWARDED');
  });

  it('keys survive a restart of the app', async () => {
    const input = aComplaint({ anonymous: true, reporter: { name: 'Budi' }, idempotencyKey: 'restart-1' });
    const first = await submit(input);
    expect(first.errors).toBeUndefined();
    await api.close();
    api = await env.startApp({ databaseUrl });
    const before = await events();
    const retry = await submit(input);
    expect(retry.data).toEqual(first.data);
    expect(await events()).toBe(before);
  });
});

describe('the idempotencyKey field', () => {
  it('is accepted by every mutation (in its input, or as an argument); new mutations must declare it', () => {
    const schema = buildSchema(readFileSync(new URL('../../schema.gql', import.meta.url), 'utf8'));
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(0);
    const missing = mutations
      .filter((field) => {
        if (field.args.some((arg) => arg.name === 'idempotencyKey')) return false;
        const input = field.args.find((arg) => arg.name === 'input');
        const type = input ? getNamedType(input.type) : null;
        return !(isInputObjectType(type) && 'idempotencyKey' in type.getFields());
      })
      .map((field) => field.name);
    expect(missing).toEqual([]);
  });
});
