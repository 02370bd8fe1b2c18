import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type RunningPostgres } from '#aduan/postgres';
import { onlyError, type GraphQLResponse } from '../support/graphql-client.js';
import { aComplaint, COMPLAINT, COMPLAINTS, SUBMIT, type ComplaintView } from '../support/operations.js';
import { token, type RunningApp } from '../support/test-app.js';
import { startAppOn, timed, waitFor } from './support/app-on-database.js';

/** PostgreSQL goes away under a running API, and comes back: bounded errors meanwhile, recovery without a restart. */
describe('losing PostgreSQL', () => {
  let folder: string;
  let port: number;
  let server: RunningPostgres | null = null;
  let api: RunningApp | undefined;
  let databaseUrl: string;
  let operator: string;

  const startServer = async () => {
    server = await startEmbeddedPostgres({
      dataDir: join(folder, 'data'),
      port,
      nonDurable: true,
      onNotice: () => undefined,
    });
    return server;
  };
  const health = async () => {
    const response = await fetch(`${api?.url}/health`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const listed = async (id: string) => {
    const { complaints } = await api!.client.ok<{ complaints: { edges: { node: { id: string } }[] } }>(
      COMPLAINTS,
      { first: 100 },
      operator,
    );
    return complaints.edges.some((edge) => edge.node.id === id);
  };
  const errorOf = (response: GraphQLResponse<unknown>) => onlyError(response).extensions;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'aduan-outage-'));
    port = await freePort();
    const { url } = await startServer();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query('CREATE DATABASE aduan_outage');
    await admin.end();
    const database = new URL(url);
    database.pathname = '/aduan_outage';
    databaseUrl = database.toString();
    api = await startAppOn(databaseUrl, {
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '2000',
      REQUEST_TIMEOUT_MS: '4000',
    });
    operator = await token({ sub: 'operator-1', role: 'operator' });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    await server?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('answers 503 and SERVICE_UNAVAILABLE within the timeouts while the server is stopped, and recovers when it returns', async () => {
    const { submitComplaint: before } = await api!.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint(),
    });
    await waitFor(() => listed(before.id), 10_000, 'first complaint projected');

    await server!.stop();
    server = null;

    const down = await timed(health);
    expect(down.value).toMatchObject({ status: 503, body: { status: 'unavailable', database: 'down' } });
    expect(down.ms).toBeLessThan(3_000);

    const submit = await timed(() => api!.client.request(SUBMIT, { input: aComplaint() }));
    expect(errorOf(submit.value)).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE' });
    expect(submit.ms).toBeLessThan(5_000);
    const read = await timed(() => api!.client.request(COMPLAINT, { id: before.id }, operator));
    expect(errorOf(read.value)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const list = await timed(() => api!.client.request(COMPLAINTS, {}, operator));
    expect(errorOf(list.value)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(Math.max(read.ms, list.ms)).toBeLessThan(5_000);

    await startServer();
    const restarted = performance.now();
    await waitFor(async () => (await health()).status === 200, 40_000, 'health back to 200');
    const recovery = performance.now() - restarted;
    const { submitComplaint: after } = await api!.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint(),
    });
    await waitFor(() => listed(after.id), 10_000, 'projector resumed: new complaint listed');
    expect((await health()).body).toMatchObject({ status: 'ok', projector: { role: 'leader', ready: true } });
    process.stdout.write(
      `outage: /health 503 in ${down.ms.toFixed(0)} ms; submit, read, list answered SERVICE_UNAVAILABLE in ` +
        `${submit.ms.toFixed(0)}, ${read.ms.toFixed(0)}, ${list.ms.toFixed(0)} ms; healthy ${recovery.toFixed(0)} ms after the restart\n`,
    );
  }, 90_000);

  it('answers within the timeouts when the server hangs (stopped with SIGSTOP), and recovers on SIGCONT', async () => {
    const processes = await serverProcesses(join(folder, 'data'));
    const signal = (name: 'STOP' | 'CONT') => execFileSync('kill', [`-${name}`, ...processes.map(String)]);
    signal('STOP');
    try {
      const down = await timed(health);
      expect(down.value).toMatchObject({ status: 503, body: { database: 'down' } });
      expect(down.ms).toBeLessThan(3_000);
      const submit = await timed(() => api!.client.request(SUBMIT, { input: aComplaint() }));
      expect(errorOf(submit.value)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(submit.ms).toBeLessThan(6_000);
      const list = await timed(() => api!.client.request(COMPLAINTS, {}, operator));
      expect(errorOf(list.value)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(list.ms).toBeLessThan(6_000);
      process.stdout.write(
        `hang: /health 503 in ${down.ms.toFixed(0)} ms; submit ${JSON.stringify(errorOf(submit.value))} in ` +
          `${submit.ms.toFixed(0)} ms; list ${JSON.stringify(errorOf(list.value))} in ${list.ms.toFixed(0)} ms\n`,
      );
    } finally {
      signal('CONT');
    }
    await waitFor(async () => (await health()).status === 200, 40_000, 'health back to 200');
    const { submitComplaint } = await api!.client.ok<{ submitComplaint: ComplaintView }>(SUBMIT, {
      input: aComplaint(),
    });
    await waitFor(() => listed(submitComplaint.id), 15_000, 'projector resumed after SIGCONT');
  }, 90_000);

  it('cancels a statement after DATABASE_STATEMENT_TIMEOUT_MS, and a whole GraphQL request after REQUEST_TIMEOUT_MS', async () => {
    // Another session holds the tables every read and write needs: statements wait on its locks.
    const locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
    const statementBound = await startAppOn(databaseUrl, {
      DATABASE_STATEMENT_TIMEOUT_MS: '500',
      REQUEST_TIMEOUT_MS: '60000',
    });
    const requestBound = await startAppOn(databaseUrl, {
      DATABASE_STATEMENT_TIMEOUT_MS: '60000',
      REQUEST_TIMEOUT_MS: '500',
    });
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE complaint_summary, events IN ACCESS EXCLUSIVE MODE');

      const read = await timed(() => statementBound.client.request(COMPLAINTS, {}, operator));
      expect(errorOf(read.value)).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_TIMEOUT' });
      const write = await timed(() => statementBound.client.request(SUBMIT, { input: aComplaint() }));
      expect(errorOf(write.value)).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DATABASE_TIMEOUT' });
      expect(Math.max(read.ms, write.ms)).toBeLessThan(3_000);

      const slow = await timed(() => requestBound.client.request(COMPLAINTS, {}, operator));
      expect(onlyError(slow.value)).toMatchObject({
        message: 'The request took longer than 500 ms; try again shortly',
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' },
      });
      expect(slow.ms).toBeLessThan(3_000);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
      await statementBound.close();
      await requestBound.close();
    }
  }, 60_000);
});

/** The postmaster (first line of postmaster.pid) and its children. */
async function serverProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children = execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(Number);
  return [postmaster, ...children];
}
