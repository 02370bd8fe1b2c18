import { getIntrospectionQuery } from 'graphql';
import { onlyError } from '../support/graphql-client.js';
import { aComplaint, COMPLAINT_FIELDS, SUBMIT } from '../support/operations.js';
import { TestEnvironment, token, type RunningApp } from '../support/test-app.js';

const post = (app: RunningApp, body: string, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('limits at the boundary', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let operator: string;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp({ env: { BODY_LIMIT_BYTES: '65536' } });
    operator = await token({ sub: 'operator-1', role: 'operator' });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('answers a body over BODY_LIMIT_BYTES with HTTP 413 and a JSON body that says why', async () => {
    const response = await post(api, JSON.stringify({ query: '{ agencies { code } }', padding: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]).toEqual({
      message: 'The request body is larger than the 65536 bytes this server accepts; send less',
      extensions: { code: 'BAD_USER_INPUT', reason: 'BODY_TOO_LARGE' },
    });
  });

  it('answers malformed JSON (400) and an unsupported content type (415) with GraphQL-shaped errors', async () => {
    const response = await post(api, '{"query": "{ agencies { code } }", "variables": {"name": "Budi');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_JSON' });
    const xml = await post(api, '<query/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    expect(((await xml.json()) as { errors: { extensions: unknown }[] }).errors[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('refuses an operation nested deeper than GRAPHQL_MAX_DEPTH as BAD_USER_INPUT, fragments included', async () => {
    const shallow = await env.startApp({ env: { GRAPHQL_MAX_DEPTH: '5' } });
    try {
      await expect(shallow.client.ok('{ complaints { edges { node { id } } } }', {}, operator)).resolves.toBeDefined();
      // complaints > edges > node > responses > agency > code: 6 deep, through a fragment.
      const response = await shallow.client.request(
        '{ complaints { edges { node { ...Answers } } } } fragment Answers on Complaint { responses { agency { code } } }',
        {},
        operator,
      );
      expect(response.status).toBe(400);
      expect(onlyError(response)).toMatchObject({
        message: 'The operation nests fields 6 deep; at most 5 is allowed',
        extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_DEEP' },
      });
    } finally {
      await shallow.close();
    }
  });

  it('refuses an operation whose estimated cost is over GRAPHQL_MAX_COMPLEXITY as BAD_USER_INPUT', async () => {
    const page = (alias: string) => `${alias}: complaints(first: 100) { edges { node { ${COMPLAINT_FIELDS} } } }`;
    await expect(api.client.ok(`{ ${page('one')} }`, {}, operator)).resolves.toBeDefined();
    const response = await api.client.request(`{ ${page('one')} ${page('two')} }`, {}, operator);
    expect(response.status).toBe(400);
    expect(onlyError(response)).toMatchObject({
      message: expect.stringMatching(/too complex: its estimated cost exceeds 5000/),
      extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' },
    });
  });

  it('lets the standard introspection query through while introspection is on', async () => {
    const response = await api.client.request(getIntrospectionQuery());
    expect(response.errors).toBeUndefined();
  });

  it('caps raw variable strings and lists before GraphQL coerces them', async () => {
    const long = await api.client.request(SUBMIT, { input: aComplaint({ description: 'x'.repeat(10_001) }) });
    expect(long.status).toBe(400);
    expect(onlyError(long)).toMatchObject({
      message: 'Variable $input.description is 10001 characters long; at most 10000 are accepted',
      extensions: { code: 'BAD_USER_INPUT', reason: 'VALUE_TOO_LONG' },
    });
    const list = await api.client.request(SUBMIT, { input: aComplaint(), extra: Array.from({ length: 101 }, () => 1) });
    expect(onlyError(list).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LIST_TOO_LONG' });
    const literal = await api.client.request(`{ complaint(id: "${'a'.repeat(10_001)}") { id } }`, {}, operator);
    expect(onlyError(literal).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'VALUE_TOO_LONG' });
    // PostgreSQL cannot store NUL in text; found by the fuzzer as an INTERNAL_SERVER_ERROR before this check.
    const nul = await api.client.request(SUBMIT, { input: aComplaint({ title: 'Jalan rusak\u0000 parah' }) });
    expect(onlyError(nul)).toMatchObject({
      message: 'Variable $input.title contains a NUL character (\\u0000), which cannot be stored',
      extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER' },
    });
    const surrogate = await api.client.request(SUBMIT, {
      input: aComplaint({ description: 'Lampu mati \ud800 sejak lama' }),
    });
    expect(onlyError(surrogate).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTER' });
  });
});

describe('rate limits', () => {
  let env: TestEnvironment;
  let api: RunningApp;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp({
      env: { RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE: '3', RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '5' },
    });
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  const submitTwice = `mutation Two($input: SubmitComplaintInput!) {
    a: submitComplaint(input: $input) { id } b: submitComplaint(input: $input) { id } }`;

  it('allows RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE anonymous submits per address, counting each submitComplaint field', async () => {
    await api.client.ok(SUBMIT, { input: aComplaint() });
    await api.client.ok(submitTwice, { input: aComplaint() });
    const refused = await post(api, JSON.stringify({ query: SUBMIT, variables: { input: aComplaint() } }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(body.errors[0]).toMatchObject({
      message: expect.stringMatching(
        /More than 3 complaints a minute from this address without a token; retry in \d+ s/,
      ),
      extensions: { code: 'TOO_MANY_REQUESTS', reason: 'ANONYMOUS_SUBMIT_RATE_LIMIT', limitPerMinute: 3 },
    });
    // Reading stays open, and a signed-in citizen has a limit of their own.
    await expect(api.client.ok('{ agencies { code } }')).resolves.toBeDefined();
    const citizen = await token({ sub: 'citizen-rate', role: 'citizen' });
    await expect(api.client.ok(SUBMIT, { input: aComplaint() }, citizen)).resolves.toBeDefined();
  });

  it('allows RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE requests per token subject, and counts an untrusted token by address', async () => {
    const first = await token({ sub: 'operator-rate', role: 'operator' });
    const again = await token({ sub: 'operator-rate', role: 'operator' });
    const other = await token({ sub: 'operator-other', role: 'operator' });
    for (let i = 0; i < 3; i++) await api.client.ok('{ agencies { code } }', {}, first);
    for (let i = 0; i < 2; i++) await api.client.ok('{ agencies { code } }', {}, again);
    const refused = await api.client.request('{ agencies { code } }', {}, first);
    expect(refused.status).toBe(429);
    expect(onlyError(refused).extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', reason: 'TOKEN_RATE_LIMIT' });
    await expect(api.client.ok('{ agencies { code } }', {}, other)).resolves.toBeDefined();

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await api.client.request('{ agencies { code } }', {}, `forged-${i}`)).status);
    expect(statuses.slice(0, 5).every((status) => status !== 429)).toBe(true);
    expect(statuses[5]).toBe(429);
  });
});
