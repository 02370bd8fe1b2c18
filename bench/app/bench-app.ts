import { issueHs256Token, type TokenRequest } from '#aduan/identity';
import { loadConfig } from '#aduan/infrastructure';
import { createApp } from '../../apps/api/src/create-app.js';

/** The API under measurement, listening on loopback. */
export interface BenchApp {
  readonly graphqlUrl: string;
  /** A bearer token the app accepts, for queries that need a role. */
  token(request: TokenRequest): Promise<string>;
  /** Stops the app's own projector (and with it its leadership), leaving the API serving. */
  stopProjector(): Promise<void>;
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
    return {
      graphqlUrl: `${baseUrl}/graphql`,
      token: (request) => issueHs256Token(JWT_SECRET, request),
      stopProjector: () => runtime.projector.stop(),
      close: () => app.close(),
    };
  } catch (error) {
    await app.close();
    throw error;
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
