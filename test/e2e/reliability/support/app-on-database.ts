import { loadConfig } from '#aduan/infrastructure';
import { createApp } from '../../../../apps/api/src/create-app.js';
import { GraphQLClient } from '../../support/graphql-client.js';
import { PROJECTOR_THREAD_EXEC_ARGV, TEST_JWT_SECRET, type RunningApp } from '../../support/test-app.js';

/** Environment every reliability suite starts from: PostgreSQL events, limits off unless a test turns them on. */
export const BASE_ENV: Record<string, string> = {
  EVENT_STORE: 'postgres',
  JWT_SECRET: TEST_JWT_SECRET,
  RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE: '0',
  RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '0',
  ANCHOR_INTERVAL: 'off',
};

/**
 * The API in this process, over HTTP on a free port, on a database the test manages itself; its
 * projector in a worker thread, as `npm start` runs it, unless `env` says PROJECTOR_MODE=in-process.
 */
export async function startAppOn(databaseUrl: string, env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ ...BASE_ENV, DATABASE_URL: databaseUrl, ...env });
  const { app, runtime } = await createApp({
    config,
    databaseUrl,
    schemaFile: false,
    logLevels: ['error'],
    projectorThreadExecArgv: PROJECTOR_THREAD_EXEC_ARGV,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  await waitFor(async () => (await fetch(`${url}/health`).catch(() => null))?.status === 200, 20_000, `${url}/health`);
  return { app, runtime, url, client: new GraphQLClient(`${url}/graphql`), close: () => app.close() };
}

/** Polls `check` every 50 ms until it answers true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** How long a call takes, with its result. */
export async function timed<T>(call: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await call();
  return { value, ms: performance.now() - started };
}
