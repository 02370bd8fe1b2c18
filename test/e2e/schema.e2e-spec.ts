import { readFile, writeFile } from 'node:fs/promises';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { TestEnvironment, type RunningApp } from './support/test-app.js';

const SCHEMA_FILE = new URL('../../schema.gql', import.meta.url);

/** Drops the generator's header comment, which is not part of the contract. */
const contractOf = (sdl: string) =>
  sdl
    .split('\n')
    .filter((line) => !line.startsWith('# '))
    .join('\n')
    .trim();

describe('the committed GraphQL schema', () => {
  let env: TestEnvironment;
  let api: RunningApp;

  beforeAll(async () => {
    env = await TestEnvironment.start();
    api = await env.startApp();
  });
  afterAll(async () => {
    await api?.close();
    await env?.stop();
  });

  it('matches what the code generates (run `UPDATE_SCHEMA=1 npm test -- schema` after an intended change)', async () => {
    const generated = printSchema(lexicographicSortSchema(api.app.get(GraphQLSchemaHost).schema));
    if (process.env.UPDATE_SCHEMA === '1') {
      await writeFile(SCHEMA_FILE, `# Generated from the code-first resolvers; do not edit by hand.\n\n${generated}\n`);
    }
    expect(contractOf(generated)).toBe(contractOf(await readFile(SCHEMA_FILE, 'utf8')));
  });

  it('answers GET /health with 200 and the projector state once ready', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'up',
      projector: { role: 'leader', ready: true, eventsApplied: expect.any(Number), runsIn: 'in-process' },
    });
  });
});
