import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, START, type RecordedEvent } from '#aduan/event-store';
import { createPool, startTestPostgres, type TestPostgres } from '#aduan/postgres';
import { copyEventsCommand } from './copy-events.command.js';

const quiet = { log: () => undefined, error: () => undefined };

async function readEverything(url: string): Promise<RecordedEvent[]> {
  const pool = createPool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore(pool);
  try {
    const all: RecordedEvent[] = [];
    let checkpoint = START;
    for (;;) {
      const page = await store.readAll(checkpoint, 100);
      all.push(...page.events);
      if (page.events.length === 0) return all;
      checkpoint = page.checkpoint;
    }
  } finally {
    await store.close();
    await pool.end();
  }
}

describe('npm run cli -- copy-events', () => {
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await startTestPostgres();
  });
  afterAll(() => postgres?.stop());

  it('copies a PostgreSQL store into another one, keeping revisions, ids, metadata and global order', async () => {
    const sourceUrl = await postgres.createDatabase();
    const targetUrl = await postgres.createDatabase();
    const pool = createPool({ connectionString: sourceUrl, max: 4 });
    const source = new PostgresEventStore(pool);
    await source.migrate();
    const streams = Array.from({ length: 7 }, () => `complaint-${randomUUID()}`);
    for (let round = 0; round < 5; round++) {
      for (const stream of streams) {
        await source.append(stream, [
          {
            id: randomUUID(),
            type: round === 0 ? 'ComplaintSubmitted' : 'ComplaintForwarded',
            data: { round, stream },
            metadata: {
              correlationId: randomUUID(),
              causationId: randomUUID(),
              actor: { id: 'operator-1', role: 'operator', agencyCode: null },
              occurredAt: new Date(Date.UTC(2026, 0, 1, round)).toISOString(),
              schemaVersion: 1,
            },
          },
        ]);
      }
    }
    await source.close();
    await pool.end();

    const dataDir = await mkdtemp(join(tmpdir(), 'aduan-copy-'));
    await copyEventsCommand(['--from', 'postgres', '--to', 'postgres', '--to-url', targetUrl, '--batch', '4'], quiet, {
      DATABASE_URL: sourceUrl,
      ADUAN_DATA_DIR: dataDir,
    });

    const strip = (e: RecordedEvent) => ({
      id: e.id,
      stream: e.streamName,
      revision: e.revision,
      type: e.type,
      data: e.data,
      metadata: e.metadata,
    });
    const copied = await readEverything(targetUrl);
    expect(copied).toHaveLength(35);
    expect(copied.map(strip)).toEqual((await readEverything(sourceUrl)).map(strip));
    expect(await readdir(dataDir)).toEqual([]); // the checkpoint file is removed after a verified copy
  });

  it('refuses to copy a store onto itself', async () => {
    await expect(
      copyEventsCommand(['--from', 'postgres', '--to', 'postgres'], quiet, { DATABASE_URL: 'postgres://x' }),
    ).rejects.toThrow(/both postgres/);
  });
});
