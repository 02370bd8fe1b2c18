import fc from 'fast-check';
import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { aComplaint, FORWARD, SUBMIT, type ComplaintView } from '../support/operations.js';
import { TestEnvironment, token, type RunningApp } from '../support/test-app.js';
import { requests, schemaFrom, type FuzzRequest, type FuzzWorld } from './support/graphql-fuzz.js';

/** Requests sent in all: FUZZ_RUNS=10000 for the full run recorded in docs/reliability.md. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const BATCH = 50;
const DOCUMENTED_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
]);

interface Answer {
  readonly request: FuzzRequest;
  readonly status: number;
  readonly codes: readonly string[];
}

/**
 * Property: whatever a client sends to /graphql (every query and mutation of the schema, with
 * values of the right shape or of any shape, unicode, huge, negative, null, or bodies that are not
 * GraphQL at all), the API answers below HTTP 500 and with documented error codes only: never
 * INTERNAL_SERVER_ERROR.
 */
describe('fuzzing the GraphQL boundary', () => {
  let env: TestEnvironment;
  let api: RunningApp;
  let world: FuzzWorld;
  let sent = 0;
  const codes = new Map<string, number>();

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
    const bearer = {
      operator: await token({ sub: 'fuzz-operator', role: 'operator' }),
      citizen: await token({ sub: 'fuzz-citizen', role: 'citizen' }),
      officer: await token({ sub: 'fuzz-officer', role: 'agency_officer', agency: 'KAB-BANJAR-DINKES' }),
      ombudsman: await token({ sub: 'fuzz-ombudsman', role: 'ombudsman' }),
      auditor: await token({ sub: 'fuzz-auditor', role: 'auditor' }),
      sp4n: await token({ sub: 'fuzz-sp4n', role: 'sp4n' }),
    };
    const complaintIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { submitComplaint } = await api.client.ok<{ submitComplaint: ComplaintView }>(
        SUBMIT,
        { input: aComplaint() },
        i % 2 ? bearer.citizen : undefined,
      );
      complaintIds.push(submitComplaint.id);
      if (i % 3) {
        await api.client.ok(
          FORWARD,
          { input: { complaintId: submitComplaint.id, toAgencyCode: 'KAB-BANJAR-DINKES' } },
          bearer.operator,
        );
      }
    }
    world = {
      complaintIds,
      agencyCodes: ['KAB-BANJAR', 'KAB-BANJAR-DINKES', 'KAB-HSU', 'KOTA-KENDARI', 'NASIONAL', 'KEC-JATIBARANG'],
      bearers: [null, ...Object.values(bearer), 'not-a-jwt', `${bearer.operator}x`],
    };
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  async function send(request: FuzzRequest): Promise<Answer> {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(request.bearer ? { authorization: `Bearer ${request.bearer}` } : {}),
      },
      body: request.body,
    });
    const text = await response.text();
    let errors: { extensions?: { code?: unknown } }[] = [];
    try {
      errors = (JSON.parse(text) as { errors?: typeof errors }).errors ?? [];
    } catch {
      // Not every refusal is JSON (Apollo answers some malformed requests in plain text); the status still counts.
    }
    const answer = { request, status: response.status, codes: errors.map((e) => String(e.extensions?.code)) };
    sent += 1;
    if (response.status === 200 && answer.codes.length === 0)
      codes.set('(no error)', (codes.get('(no error)') ?? 0) + 1);
    for (const code of answer.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
    return answer;
  }

  it(`answers ${RUNS} generated requests below HTTP 500 and with documented codes only`, async () => {
    const introspection = await api.client.ok<IntrospectionQuery>(getIntrospectionQuery());
    const schema = schemaFrom(introspection);
    const property = fc.asyncProperty(
      fc.array(requests(schema, world), { minLength: BATCH, maxLength: BATCH }),
      async (batch) => {
        const answers = await Promise.all(batch.map(send));
        const bad = answers.filter((a) => a.status >= 500 || a.codes.some((code) => !DOCUMENTED_CODES.has(code)));
        if (bad.length > 0) {
          throw new Error(
            `undocumented answers: ${JSON.stringify(
              bad.slice(0, 3).map((a) => ({ status: a.status, codes: a.codes, body: a.request.body.slice(0, 600) })),
            )}`,
          );
        }
      },
    );
    // Batches of concurrent requests; the first failure ends the run (its requests are in the message).
    const run = await fc.check(property, { numRuns: Math.ceil(RUNS / BATCH), endOnFailure: true });
    if (run.failed) throw new Error(`seed ${run.seed}: ${String(run.errorInstance)}`);
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    expect(codes.get('INTERNAL_SERVER_ERROR') ?? 0).toBe(0);
    process.stdout.write(`fuzz: ${sent} requests; error codes: ${JSON.stringify(Object.fromEntries(codes))}\n`);
  }, 300_000);
});
