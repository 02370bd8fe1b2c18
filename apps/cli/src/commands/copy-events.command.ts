import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  copyEvents,
  PostgresEventStore,
  START,
  verifyCopy,
  type Checkpoint,
  type EventStore,
} from '#aduan/event-store';
import { loadConfig, openDatabase, type AppConfig, type Database, type Logger } from '#aduan/infrastructure';
import { createPool, type Pool } from '#aduan/postgres';
import { ProgressLine } from '../progress-line.js';
import { UsageError } from '../usage-error.js';

export const COPY_EVENTS_USAGE = `copy-events --from postgres|kurrentdb --to postgres|kurrentdb [--from-url URL] [--to-url URL]
            [--batch 500] [--checkpoint-file PATH]
  Copies every event, keeping streams, revisions, ids, metadata and global order, then checks that
  counts and per-stream hashes match. Resumable: an interrupted copy continues from its checkpoint file.
  postgres defaults to DATABASE_URL (or the embedded server), kurrentdb to KURRENTDB_CONNECTION_STRING.`;

type StoreKind = 'postgres' | 'kurrentdb';

interface OpenedStore {
  readonly store: EventStore;
  close(): Promise<void>;
}

export async function copyEventsCommand(
  args: string[],
  logger: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'from-url': { type: 'string' },
      'to-url': { type: 'string' },
      batch: { type: 'string', default: '500' },
      'checkpoint-file': { type: 'string' },
    },
    strict: true,
  });
  const from = storeKind('--from', values.from);
  const to = storeKind('--to', values.to);
  const batchSize = Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new UsageError('--batch must be 1–10000');
  if (from === to && !values['from-url'] && !values['to-url']) {
    throw new UsageError(`--from and --to are both ${from}: give --from-url or --to-url to name two different stores`);
  }
  const config = loadConfig(env);
  const checkpointFile = values['checkpoint-file'] ?? join(config.dataDir, `copy-events.${from}-to-${to}.checkpoint`);

  const database = from === 'postgres' || to === 'postgres' ? await openDatabase(config, logger, true) : null;
  const opened: OpenedStore[] = [];
  try {
    const source = await openStore(from, values['from-url'], config, database);
    opened.push(source);
    const target = await openStore(to, values['to-url'], config, database);
    opened.push(target);

    const resumeFrom = existsSync(checkpointFile)
      ? ((await readFile(checkpointFile, 'utf8')).trim() as Checkpoint)
      : START;
    if (resumeFrom !== START) logger.log(`resuming from ${checkpointFile}`);
    await mkdir(dirname(checkpointFile), { recursive: true });
    const progress = new ProgressLine(`copying ${from} → ${to}`);
    const started = Date.now();
    const result = await copyEvents({
      from: source.store,
      to: target.store,
      resumeFrom,
      batchSize,
      saveCheckpoint: (checkpoint) => writeFile(checkpointFile, checkpoint),
      onProgress: (copied) => progress.update(copied, Date.now() - started),
    });
    progress.done(result.copied);

    logger.log('verifying: counting events and hashing every stream on both sides');
    const verification = await verifyCopy(source.store, target.store, batchSize);
    if (!verification.ok) {
      const streams = verification.mismatchedStreams.slice(0, 10).map((m) => `${m.streamName} (${m.reason})`);
      throw new Error(
        `the copy does not match: source ${verification.sourceEvents} events, target ${verification.targetEvents}; ` +
          `same global order: ${verification.sameGlobalOrder}; streams: ${streams.join(', ') || 'none'}`,
      );
    }
    logger.log(`verified: ${verification.sourceEvents} events in ${verification.sourceStreams} streams match`);
    await rm(checkpointFile, { force: true });
  } finally {
    for (const store of opened.reverse()) await store.close();
    await database?.release();
  }
}

function storeKind(flag: string, value: string | undefined): StoreKind {
  if (value === 'postgres' || value === 'kurrentdb') return value;
  throw new UsageError(`${flag} must be postgres or kurrentdb`);
}

async function openStore(
  kind: StoreKind,
  url: string | undefined,
  config: AppConfig,
  database: Database | null,
): Promise<OpenedStore> {
  if (kind === 'kurrentdb') {
    const connectionString = url ?? config.kurrentDbConnectionString;
    if (!connectionString) throw new UsageError('kurrentdb needs KURRENTDB_CONNECTION_STRING or --from-url/--to-url');
    const { createKurrentDbEventStore } = await import('#aduan/event-store/kurrentdb');
    const store = createKurrentDbEventStore(connectionString);
    return { store, close: () => store.close() };
  }
  const connectionString = url ?? database?.url;
  if (!connectionString) throw new UsageError('postgres needs DATABASE_URL or --from-url/--to-url');
  const pool: Pool = createPool({
    connectionString,
    max: 4,
    applicationName: 'aduan-copy-events',
    onError: () => undefined,
  });
  const store = new PostgresEventStore(pool);
  await store.migrate();
  return {
    store,
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}
