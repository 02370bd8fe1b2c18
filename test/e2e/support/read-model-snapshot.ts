import { START, type EventStore } from '#aduan/event-store';
import { createConfiguredEventStore, createReadModelProjector, loadConfig } from '#aduan/infrastructure';
import { createPool } from '#aduan/postgres';
import pg from 'pg';
import { storeSelection } from './test-app.js';

export interface ReadModelSnapshot {
  readonly complaints: { id: string; [column: string]: unknown }[];
  readonly escalations: { complaint_id: string; [column: string]: unknown }[];
  /** complaint_workflow: the deadline schedule and the statistics' facts (the Ombudsman's examination too). */
  readonly workflow: { complaint_id: string; [column: string]: unknown }[];
  /** complaint_status_change: the SP4N change feed. */
  readonly changes: { complaint_id: string; [column: string]: unknown }[];
}

/**
 * Every read-model row of the given complaints (each projection's table), in a stable order, for comparing a live projection
 * with a rebuild. Restricted to the caller's complaints so a shared event store cannot disturb it.
 */
export async function readModelSnapshot(
  databaseUrl: string,
  complaintIds: readonly string[],
): Promise<ReadModelSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const complaints = (
      await client.query('SELECT * FROM complaint_summary WHERE id = ANY($1::uuid[]) ORDER BY id', [complaintIds])
    ).rows;
    const escalations = (
      await client.query('SELECT * FROM escalation WHERE complaint_id = ANY($1::uuid[]) ORDER BY feed_order', [
        complaintIds,
      ])
    ).rows;
    const workflow = (
      await client.query(
        'SELECT * FROM complaint_workflow WHERE complaint_id = ANY($1::uuid[]) ORDER BY complaint_id',
        [complaintIds],
      )
    ).rows;
    const changes = (
      await client.query(
        'SELECT * FROM complaint_status_change WHERE complaint_id = ANY($1::uuid[]) ORDER BY ordinal',
        [complaintIds],
      )
    ).rows;
    return { complaints, escalations, workflow, changes };
  } finally {
    await client.end();
  }
}

/** Events in the store's global order, counted through the port (any adapter). */
export async function countEvents(store: EventStore): Promise<number> {
  let count = 0;
  let checkpoint = START;
  for (;;) {
    const page = await store.readAll(checkpoint, 1000);
    count += page.events.length;
    if (page.events.length === 0) return count;
    checkpoint = page.checkpoint;
  }
}

/**
 * Empties every read model and replays the whole store into it, as `npm run cli -- rebuild-projections`
 * does; no API may be projecting on the database meanwhile. Answers how many events were applied.
 */
export async function rebuildReadModels(databaseUrl: string): Promise<number> {
  const quiet = { log: () => undefined, error: () => undefined };
  const pool = createPool({ connectionString: databaseUrl, max: 4 });
  const store = await createConfiguredEventStore(
    loadConfig({ ...storeSelection(), DATABASE_URL: databaseUrl }),
    pool,
    quiet,
  );
  try {
    return await createReadModelProjector(store, pool, quiet).rebuild();
  } finally {
    await store.close();
    await pool.end();
  }
}
