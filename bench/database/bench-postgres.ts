import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { freePort, startEmbeddedPostgres } from '#aduan/postgres';
import { withClient } from './sql.js';

/** The PostgreSQL server every measurement of one run uses, and the settings that matter to them. */
export interface BenchPostgres {
  /** "embedded (throwaway folder)" or "DATABASE_URL". */
  readonly origin: string;
  readonly version: string;
  /** fsync, synchronous_commit, shared_buffers…: printed so a reader can tell the commits were durable. */
  readonly settings: Readonly<Record<string, string>>;
  /** The server's main process when it runs on this machine (embedded), for CPU accounting. */
  readonly postmasterPid: number | null;
  /** Creates an empty database for one measurement and answers its connection string. */
  createDatabase(purpose: string): Promise<string>;
  /** Drops the databases this run created (DATABASE_URL), or stops and deletes the embedded server. */
  stop(): Promise<void>;
}

const REPORTED_SETTINGS = ['fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers'];

/**
 * DATABASE_URL when set (the run creates and later drops its own databases there); otherwise an
 * embedded PostgreSQL in a fresh temporary folder, durable (fsync and synchronous commit on, as
 * startEmbeddedPostgres defaults), deleted at the end. Durability is the point: a benchmark on a
 * server that does not flush its commits measures something no deployment would run.
 */
export async function startBenchPostgres(databaseUrl: string | undefined): Promise<BenchPostgres> {
  if (databaseUrl) return describe('DATABASE_URL', databaseUrl, null, async () => undefined);
  const folder = await mkdtemp(join(tmpdir(), 'aduan-bench-'));
  const server = await startEmbeddedPostgres({
    dataDir: join(folder, 'data'),
    port: await freePort(),
    throwaway: true,
    onNotice: () => undefined,
  });
  const postmasterPid = Number((await readFile(join(folder, 'data', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  return describe('embedded, in a fresh temporary folder deleted afterwards', server.url, postmasterPid, async () => {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  });
}

async function describe(
  origin: string,
  adminUrl: string,
  postmasterPid: number | null,
  stopServer: () => Promise<void>,
): Promise<BenchPostgres> {
  const created: string[] = [];
  const admin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => withClient(adminUrl, work);
  const { version, settings } = await admin(async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`,
      [['server_version', ...REPORTED_SETTINGS]],
    );
    const all = Object.fromEntries(rows.map((row) => [row.name, row.setting]));
    const { server_version: serverVersion, ...rest } = all;
    return { version: serverVersion ?? 'unknown', settings: rest };
  });
  return {
    origin,
    version,
    settings,
    postmasterPid,
    async createDatabase(purpose) {
      const name = `aduan_bench_${purpose}_${process.pid}`;
      await admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name}`);
        await client.query(`CREATE DATABASE ${name}`);
      });
      created.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      if (origin === 'DATABASE_URL') {
        await admin(async (client) => {
          for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      }
      await stopServer();
    },
  };
}
