import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';
import { freePort } from './free-port.js';

export interface TestPostgres {
  readonly server: RunningPostgres;
  /** Creates an empty database on the server and answers its connection string. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

let databaseCounter = 0;

/** A throwaway PostgreSQL server for a test file: its own port and temporary folder. */
export async function startTestPostgres(): Promise<TestPostgres> {
  const folder = await mkdtemp(join(tmpdir(), 'aduan-test-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir: join(folder, 'data'),
    port: await freePort(),
    throwaway: true,
    nonDurable: true,
    onNotice: () => undefined,
  });
  return {
    server,
    async createDatabase() {
      const name = `aduan_test_${process.pid}_${++databaseCounter}`;
      const admin = new pg.Client({ connectionString: server.url });
      admin.on('error', () => undefined);
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async stop() {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
