import type { LogLevel } from '@nestjs/common';
import { fileURLToPath } from 'node:url';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { issueHs256Token, type TokenRequest } from '#aduan/identity';
import { loadConfig, type AppConfig } from '#aduan/infrastructure';
import { startTestPostgres, type TestPostgres } from '#aduan/postgres';
import { createApp } from '../../../apps/api/src/create-app.js';
import type { Runtime } from '../../../apps/api/src/runtime/runtime.js';
import { GraphQLClient } from './graphql-client.js';

export const TEST_JWT_SECRET = 'e2e-secret-with-enough-length-0123456789';

/**
 * Node options for a projector thread started from jest: the thread runs outside jest's module
 * system, so it loads the TypeScript sources through scripts/run-ts.
 */
export const PROJECTOR_THREAD_EXEC_ARGV = [
  '--import',
  fileURLToPath(new URL('../../../scripts/run-ts/register.mjs', import.meta.url)),
];

export interface RunningApp {
  readonly app: NestFastifyApplication;
  readonly runtime: Runtime;
  readonly url: string;
  readonly client: GraphQLClient;
  close(): Promise<void>;
}

/** One throwaway PostgreSQL per test file, and helpers to run the real API on a fresh database. */
export class TestEnvironment {
  private constructor(readonly postgres: TestPostgres) {}

  static async start(): Promise<TestEnvironment> {
    return new TestEnvironment(await startTestPostgres());
  }

  async createDatabase(): Promise<string> {
    return this.postgres.createDatabase();
  }

  /**
   * Starts the API over HTTP on a free port, on the given database (a new one by default). Its
   * projector runs in the API's thread unless `env` sets PROJECTOR_MODE=thread (what `npm start`
   * runs; the suites that start the API as a process of its own get that by default).
   */
  async startApp(
    options: { databaseUrl?: string; env?: Record<string, string>; logLevels?: LogLevel[] } = {},
  ): Promise<RunningApp> {
    const databaseUrl = options.databaseUrl ?? (await this.createDatabase());
    const config: AppConfig = loadConfig({
      ...storeSelection(),
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: databaseUrl,
      // Suites send bursts from one address; the rate-limit tests turn the limits on themselves.
      RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE: '0',
      RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '0',
      PROJECTOR_MODE: 'in-process',
      ...options.env,
    });
    const { app, runtime } = await createApp({
      config,
      databaseUrl,
      schemaFile: false,
      logLevels: options.logLevels ?? ['error'],
      projectorThreadExecArgv: PROJECTOR_THREAD_EXEC_ARGV,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url);
    return { app, runtime, url, client: new GraphQLClient(`${url}/graphql`), close: () => app.close() };
  }

  stop(): Promise<void> {
    return this.postgres.stop();
  }
}

/**
 * The suites run on the store the environment names (PostgreSQL by default), so
 * `EVENT_STORE=kurrentdb KURRENTDB_CONNECTION_STRING=… npm test` runs them on KurrentDB. Read models
 * stay in the per-test PostgreSQL either way; a shared KurrentDB holds other tests' events too, so
 * suites look only at their own complaints.
 */
export function storeSelection(): Record<string, string> {
  const { EVENT_STORE, KURRENTDB_CONNECTION_STRING } = process.env;
  return {
    ...(EVENT_STORE ? { EVENT_STORE } : {}),
    ...(KURRENTDB_CONNECTION_STRING ? { KURRENTDB_CONNECTION_STRING } : {}),
  };
}

export const token = (request: TokenRequest): Promise<string> => issueHs256Token(TEST_JWT_SECRET, request);

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await fetch(`${url}/health`).catch(() => null);
    if (response?.status === 200) return;
    if (Date.now() > deadline) throw new Error(`${url}/health did not answer 200 within 15 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Polls until `check` answers something other than undefined; for read models that lag writes. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`condition not met within ${timeoutMs} ms${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
