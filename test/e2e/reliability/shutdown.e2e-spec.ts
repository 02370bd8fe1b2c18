import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { embeddedPostgresUrl, freePort, startEmbeddedPostgres } from '#aduan/postgres';
import { ApiProcess, sourceEntry } from '../../../scripts/reliability/api-process.js';
import { auditSubmits, StoreInspector } from '../../../scripts/reliability/store-audit.js';
import { SubmitLoad, type Attempt } from '../../../scripts/reliability/submit-load.js';
import { aComplaint, SUBMIT } from '../support/operations.js';
import { TEST_JWT_SECRET } from '../support/test-app.js';

const ENV = {
  JWT_SECRET: TEST_JWT_SECRET,
  EVENT_STORE: 'postgres',
  RATE_LIMIT_ANONYMOUS_SUBMITS_PER_MINUTE: '0',
  RATE_LIMIT_TOKEN_REQUESTS_PER_MINUTE: '0',
  ANCHOR_INTERVAL: 'off',
};

/** The API as `npm start` runs it, in its own process, on its own embedded PostgreSQL. */
describe('graceful shutdown', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'aduan-shutdown-'));
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('on SIGTERM during a burst, finishes the requests in flight, stores every acknowledged submit, exits 0 and stops PostgreSQL', async () => {
    const dataDir = join(folder, 'data');
    const pgPort = await freePort();
    const api = ApiProcess.spawn({
      entry: sourceEntry(),
      port: await freePort(),
      env: { ...ENV, ADUAN_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort) },
    });
    const load = new SubmitLoad({ url: api.url, clients: 6 });
    try {
      await api.waitUntilHealthy(90_000);
      expect(await api.projectorRunsIn()).toBe('thread');
      load.start();
      await load.whenAcknowledged(100);

      // Hold every append on a lock, so these requests are surely in flight when SIGTERM arrives.
      const locker = new pg.Client({ connectionString: embeddedPostgresUrl(pgPort) });
      locker.on('error', () => undefined);
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE');
      const held = Array.from({ length: 10 }, () => submit(api.url));
      await waitForWaiters(embeddedPostgresUrl(pgPort), 6 + 10); // the load's clients and the held requests

      api.signal('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(api.running).toBe(true);
      await locker.query('ROLLBACK');
      await locker.end();

      const heldOutcomes = await Promise.all(held);
      expect(heldOutcomes.every((outcome) => outcome.status === 200 && outcome.id)).toBe(true);
      expect(await api.waitForExit(30_000)).toEqual({ code: 0, signal: null });
      await load.stop();

      expect(existsSync(join(dataDir, 'postmaster.pid'))).toBe(false);
      expect(postgresProcessesOn(dataDir)).toEqual([]);

      // Every acknowledged submit, held or not, is in the store once; the read models match their checkpoint.
      const server = await startEmbeddedPostgres({ dataDir, port: pgPort, onNotice: () => undefined });
      const inspector = await StoreInspector.open(server.url);
      try {
        const attempts: Attempt[] = [
          ...load.attempts,
          ...heldOutcomes.map((o) => ({ marker: o.marker, phone: '', outcome: 'acknowledged' as const, id: o.id })),
        ];
        const audit = auditSubmits(attempts, await inspector.events(), await inspector.rowIds());
        expect(audit.acknowledged).toBeGreaterThanOrEqual(110);
        expect(audit.acknowledgedMissing).toEqual([]);
        expect(audit.storedTwice).toEqual([]);
        expect(await inspector.readModelsMatchCheckpoint()).toMatchObject({ wrong: [], extra: [] });
      } finally {
        await inspector.close();
        await server.stop();
      }
    } finally {
      await load.stop();
      api.signal('SIGKILL');
    }
  }, 180_000);

  it('refuses to start in production with the development JWT secret, before starting PostgreSQL', async () => {
    const dataDir = join(folder, 'production');
    const api = ApiProcess.spawn({
      entry: sourceEntry(),
      port: await freePort(),
      env: { ...ENV, JWT_SECRET: '', NODE_ENV: 'production', ADUAN_DATA_DIR: dataDir },
    });
    expect(await api.waitForExit(30_000)).toEqual({ code: 1, signal: null });
    expect(api.output.join('')).toMatch(/Configuration: NODE_ENV=production needs JWT_SECRET/);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});

let heldSequence = 0;

async function submit(url: string): Promise<{ marker: string; status: number; id?: string }> {
  const marker = `held-${process.pid}-${++heldSequence}`;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SUBMIT, variables: { input: aComplaint({ title: `Uji ketahanan ${marker}` }) } }),
  });
  const body = (await response.json()) as { data?: { submitComplaint?: { id: string } } };
  return { marker, status: response.status, id: body.data?.submitComplaint?.id };
}

/** Until `count` sessions wait on a lock: the held requests have reached the database. */
async function waitForWaiters(url: string, count: number): Promise<void> {
  // A session of its own: inside the locking transaction, pg_stat_activity would not change.
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await untilWaiting(client, count);
  } finally {
    await client.end();
  }
}

async function untilWaiting(client: pg.Client, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`,
    );
    if ((rows[0]?.n ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0]?.n} requests wait on the lock`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function postgresProcessesOn(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres -[D] ${dataDir}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch (error) {
    if ((error as { status?: number }).status === 1) return []; // pgrep: nothing matches
    throw error;
  }
}
