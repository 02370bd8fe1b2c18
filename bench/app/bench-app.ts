import { issueHs256Token, type TokenRequest } from '#aduan/identity';
import { createReadModelProjector, loadConfig } from '#aduan/infrastructure';
import type { ProjectorControl } from '#aduan/projections';
import { createApp } from '../../apps/api/src/create-app.js';
import { progress } from '../support/progress.js';

/** The API under measurement, listening on loopback. */
export interface BenchApp {
  readonly graphqlUrl: string;
  /** A bearer token the app accepts, for queries that need a role. */
  token(request: TokenRequest): Promise<string>;
  /**
   * Stops the app's projector (its worker thread) and runs the same projector in the API's event
   * loop instead, as PROJECTOR_MODE=in-process would: the lag diagnostic.
   */
  moveProjectorInProcess(): Promise<void>;
  close(): Promise<void>;
}

const JWT_SECRET = 'aduan-benchmark-secret-0123456789abcdef';

/**
 * Settings of the measured app beyond its defaults. The per-client rate limits are off: every
 * request of a load generator comes from one address (and one token), so the limiter, built to
 * stop one abusive client, would answer 429 to nearly all of them and hide what the server can do.
 */
const BENCH_ENV = {
  JWT_SECRET,
  RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE: '0',
  RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '0',
};
const HEALTH_TIMEOUT_MS = 120_000;

/**
 * Starts the real API (createApp, the same wiring `npm start` uses) in this process on the given
 * database, and waits until /health answers 200: the projector has caught up with the store, so a
 * measurement never starts while the read models are still rebuilding.
 */
export async function startBenchApp(databaseUrl: string): Promise<BenchApp> {
  const config = loadConfig({ ...BENCH_ENV, DATABASE_URL: databaseUrl });
  const { app, runtime } = await createApp({ config, databaseUrl, schemaFile: false, logLevels: ['error'] });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(`${baseUrl}/health`);
    let inProcess: ProjectorControl | null = null;
    return {
      graphqlUrl: `${baseUrl}/graphql`,
      token: (request) => issueHs256Token(JWT_SECRET, request),
      async moveProjectorInProcess() {
        await runtime.projector.stop();
        inProcess = createReadModelProjector(runtime.eventStore, runtime.pool, {
          log: () => undefined,
          error: progress,
        });
        inProcess.start();
        await waitFor(() => inProcess?.status().ready === true, 'the in-process projector to catch up');
      },
      async close() {
        await inProcess?.stop();
        await app.close();
      },
    };
  } catch (error) {
    await app.close();
    throw error;
  }
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  for (;;) {
    const response = await fetch(url).catch(() => null);
    if (response?.status === 200) return;
    if (Date.now() > deadline) {
      const answer = response ? await response.text() : 'no answer';
      throw new Error(`${url} did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s: ${answer}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
