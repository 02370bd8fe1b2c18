import pg from 'pg';
import { embeddedPostgresUrl, startEmbeddedPostgres, type RunningPostgres } from '#aduan/postgres';
import type { AppConfig } from './app-config.js';
import type { Logger } from './logger.js';

export interface Database {
  readonly url: string;
  /** Stops the embedded server if this process started it. */
  release(): Promise<void>;
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in ADUAN_DATA_DIR. When another Aduan
 * process (the API) already runs the embedded server, it is shared rather than started twice.
 */
export async function openDatabase(config: AppConfig, logger: Logger, share = false): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, release: async () => undefined };
  const url = embeddedPostgresUrl(config.embeddedPostgresPort);
  if (share && (await answers(url))) {
    logger.log(`using the embedded PostgreSQL already running on port ${config.embeddedPostgresPort}`);
    return { url, release: async () => undefined };
  }
  logger.log(
    `DATABASE_URL is not set: starting embedded PostgreSQL in ${config.dataDir} on port ${config.embeddedPostgresPort}`,
  );
  const server: RunningPostgres = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
  });
  return { url: server.url, release: () => server.stop() };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
