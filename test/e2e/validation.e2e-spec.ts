import { onlyError } from './support/graphql-client.js';
import {
  aComplaint,
  COMPLAINT,
  COMPLAINTS,
  FORWARD,
  RESPOND,
  SUBMIT,
  type ComplaintView,
} from './support/operations.js';
import { TestEnvironment, token, type RunningApp } from './support/test-app.js';

describe('bad input', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let operator: string;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    operator = await token({ sub: 'operator-1', role: 'operator' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it.each([
    [{ title: 'Jln' }, /title: must be at least 5 characters \(got 3\)/],
    [{ title: 'x'.repeat(201) }, /title: must be at most 200 characters/],
    [{ description: 'pendek' }, /description: must be at least 10 characters/],
    [{ agencyCode: 'KAB-ATLANTIS' }, /agencyCode: no agency has the code "KAB-ATLANTIS"/],
    [{ reporter: { email: 'not-an-email' } }, /reporter.email: "not-an-email" is not an email address/],
    [{ reporter: { phone: '12345' } }, /reporter.phone: "12345" is not an Indonesian phone number/],
  ])('refuses a submit with %j as BAD_USER_INPUT saying why', async (overrides, message) => {
    const response = await api.client.request(SUBMIT, { input: aComplaint(overrides) });
    const error = onlyError(response);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(message);
    expect(response.data).toBeNull();
  });

  it('refuses values outside the schema (unknown enum value, missing field) as BAD_USER_INPUT', async () => {
    const badEnum = await api.client.request(SUBMIT, { input: aComplaint({ channel: 'CARRIER_PIGEON' }) });
    expect(onlyError(badEnum).extensions?.code).toBe('BAD_USER_INPUT');
    expect(onlyError(badEnum).message).toMatch(/CARRIER_PIGEON/);
    const missing = await api.client.request(SUBMIT, { input: { title: 'Judul lengkap' } });
    expect(missing.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
    const unparsable = await api.client.request('{ complaints(', {});
    expect(onlyError(unparsable).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses malformed ids, cursors and page sizes', async () => {
    const badId = await api.client.request(COMPLAINT, { id: 'not-a-uuid' }, operator);
    expect(onlyError(badId)).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/UUID/),
    });
    for (const first of [0, 101, -5]) {
      const tooMany = await api.client.request(COMPLAINTS, { first }, operator);
      expect(onlyError(tooMany)).toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
        message: expect.stringMatching(/between 1 and 100/),
      });
    }
    const badCursor = await api.client.request(COMPLAINTS, { after: 'bm9wZQ' }, operator);
    expect(onlyError(badCursor).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for a command on a complaint that does not exist, and null for a query', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const forward = await api.client.request(
      FORWARD,
      { input: { complaintId: id, toAgencyCode: 'KAB-HSU' } },
      operator,
    );
    expect(onlyError(forward).extensions?.code).toBe('NOT_FOUND');
    const stale = await api.client.request(
      FORWARD,
      { input: { complaintId: id, toAgencyCode: 'KAB-HSU', expectedVersion: 3 } },
      operator,
    );
    expect(onlyError(stale).extensions?.code).toBe('NOT_FOUND');
    const { complaint } = await api.client.ok<{ complaint: null }>(COMPLAINT, { id }, operator);
    expect(complaint).toBeNull();
  });

  it('answers CONFLICT for a stale expectedVersion and writes nothing', async () => {
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint(),
    });
    await api.client.ok(
      FORWARD,
      { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-HSU', expectedVersion: 0 } },
      operator,
    );
    const stale = await api.client.request(
      FORWARD,
      { input: { complaintId: submitComplaint.id, toAgencyCode: 'KOTA-KENDARI', expectedVersion: 0 } },
      operator,
    );
    expect(onlyError(stale)).toMatchObject({
      extensions: { code: 'CONFLICT', reason: 'VERSION_CONFLICT', expectedVersion: 0, actualVersion: 1 },
    });
    const history = await api.runtime.eventStore.readStream(`complaint-${submitComplaint.id}`);
    expect(history.map((e) => e.type)).toEqual(['ComplaintSubmitted', 'ComplaintForwarded']);
    expect(history[1]?.data.toAgencyCode).toBe('KAB-HSU');
  });

  it('answers a rule broken by the state as CONFLICT, and never leaks stack traces', async () => {
    const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint(),
    });
    const officer = await token({ sub: 'o', role: 'agency_officer', agency: 'KAB-HSU' });
    const early = await api.client.request(
      RESPOND,
      { input: { complaintId: submitComplaint.id, message: 'Jawaban dini' } },
      officer,
    );
    const error = onlyError(early);
    expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(error.message).toMatch(/not been forwarded/);
  });
});
