import { isDeepStrictEqual } from 'node:util';
import { START, type EventStore, type RecordedEvent } from '#aduan/event-store';
import {
  createConfiguredEventStore,
  createReadModelProjector,
  loadConfig,
  readModelProjections,
} from '#aduan/infrastructure';
import { createPool, type Pool } from '#aduan/postgres';
import { markerOf, type Attempt } from './submit-load.js';

const quiet = { log: () => undefined, error: () => undefined };
const COMPLAINT_STREAM = /^complaint-(.+)$/;

/** Reads what a crashed or stopped API left behind: the store, the read models, the checkpoint. */
export class StoreInspector {
  private constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  /** Through the same store stack the API builds (EVENT_STORE=postgres). */
  static async open(databaseUrl: string): Promise<StoreInspector> {
    const pool = createPool({ connectionString: databaseUrl, max: 4, applicationName: 'aduan-crash-audit' });
    const config = loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: databaseUrl, ANCHOR_INTERVAL: 'off' });
    return new StoreInspector(pool, await createConfiguredEventStore(config, pool, quiet));
  }

  /** Every event, in the global order the projector follows. */
  async events(): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for (let checkpoint = START; ;) {
      const page = await this.store.readAll(checkpoint, 1000);
      events.push(...page.events);
      if (page.events.length === 0) return events;
      checkpoint = page.checkpoint;
    }
  }

  /** How many events the committed checkpoint says the read models reflect. */
  async checkpointOrdinal(): Promise<number> {
    const { rows } = await this.pool.query<{ ordinal: number }>(
      `SELECT ordinal FROM projection_checkpoint WHERE name = 'read-models'`,
    );
    return rows[0]?.ordinal ?? 0;
  }

  async rowIds(): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM complaint_summary');
    return new Set(rows.map((row) => row.id));
  }

  /** Every row of every read model (the tables the projections own), in a stable order. */
  async snapshot(): Promise<Record<string, unknown[]>> {
    const snapshot: Record<string, unknown[]> = {};
    for (const table of readModelProjections(quiet).flatMap((projection) => projection.tables)) {
      snapshot[table] = (await this.pool.query(`SELECT * FROM ${table} ORDER BY ${table}::text`)).rows;
    }
    return snapshot;
  }

  /** Empties the read models and replays the whole store (the API must be stopped). */
  rebuild(): Promise<number> {
    return createReadModelProjector(this.store, this.pool, quiet).rebuild();
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.pool.end();
  }

  /**
   * Whether the read models are exactly the projection of the first `checkpoint` events: every
   * complaint among them has its row at the revision of its last event there, and no other row
   * exists. A batch applied without its checkpoint (or a checkpoint without its batch) breaks it.
   */
  async readModelsMatchCheckpoint(): Promise<CheckpointConsistency> {
    const [events, checkpoint] = await Promise.all([this.events(), this.checkpointOrdinal()]);
    const expected = new Map<string, number>();
    for (const event of events.slice(0, checkpoint)) {
      const id = COMPLAINT_STREAM.exec(event.streamName)?.[1];
      if (id) expected.set(id, Math.max(expected.get(id) ?? -1, event.revision));
    }
    const { rows } = await this.pool.query<{ id: string; version: number }>(
      'SELECT id, version FROM complaint_summary',
    );
    const actual = new Map(rows.map((row) => [row.id, row.version]));
    const wrong = [...expected].filter(([id, revision]) => actual.get(id) !== revision).map(([id]) => id);
    const extra = [...actual.keys()].filter((id) => !expected.has(id));
    const unprojected = events.slice(checkpoint).filter((e) => COMPLAINT_STREAM.test(e.streamName)).length;
    return { checkpoint, events: events.length, rows: actual.size, unprojected, wrong, extra };
  }

  /** Rebuilds into the same database and compares every row with what the live projector wrote. */
  async readModelsEqualRebuild(): Promise<RebuildComparison> {
    const live = await this.snapshot();
    const replayed = await this.rebuild();
    const rebuilt = await this.snapshot();
    return {
      tables: Object.keys(live),
      rows: Object.values(live).reduce((sum, rows) => sum + rows.length, 0),
      replayedEvents: replayed,
      equal: isDeepStrictEqual(live, rebuilt),
    };
  }
}

export interface CheckpointConsistency {
  /** Events the committed checkpoint covers. */
  readonly checkpoint: number;
  /** Events in the store. */
  readonly events: number;
  readonly rows: number;
  /** Complaint events stored but beyond the checkpoint (the batch that was in flight, and later ones). */
  readonly unprojected: number;
  /** Complaints among the checkpointed events whose row is missing or at another revision. */
  readonly wrong: readonly string[];
  /** Rows for complaints the checkpoint does not cover. */
  readonly extra: readonly string[];
}

export interface RebuildComparison {
  /** The read-model tables compared. */
  readonly tables: readonly string[];
  readonly rows: number;
  readonly replayedEvents: number;
  readonly equal: boolean;
}

export interface SubmitAudit {
  readonly attempts: number;
  readonly acknowledged: number;
  readonly inDoubt: number;
  readonly refused: number;
  /** Acknowledged submits found exactly once in the store, under the id the client was given. */
  readonly acknowledgedStoredOnce: number;
  readonly acknowledgedMissing: readonly string[];
  /** Markers stored in more than one event: a submit written twice. */
  readonly storedTwice: readonly string[];
  /** Stored, though the client never saw an answer with data (a crash between commit and reply). */
  readonly storedInDoubt: number;
  /** Stored, though the connection was refused: impossible unless something is badly wrong. */
  readonly storedRefused: readonly string[];
  readonly complaintsStored: number;
  /** Complaints with an acknowledged submit but no read-model row once everything is projected. */
  readonly acknowledgedWithoutRow: readonly string[];
}

/** Every acknowledged submit is in the store exactly once, under its id, and has its read-model row. */
export function auditSubmits(
  attempts: readonly Attempt[],
  events: readonly RecordedEvent[],
  rowIds: ReadonlySet<string>,
): SubmitAudit {
  const stored = new Map<string, { id: string; count: number }>();
  for (const event of events) {
    if (event.type !== 'ComplaintSubmitted') continue;
    const marker = markerOf(String(event.data.title ?? ''));
    if (!marker) continue;
    const id = COMPLAINT_STREAM.exec(event.streamName)?.[1] ?? '';
    const seen = stored.get(marker);
    stored.set(marker, { id, count: (seen?.count ?? 0) + 1 });
  }
  const byOutcome = (outcome: Attempt['outcome']) => attempts.filter((a) => a.outcome === outcome);
  const acknowledged = byOutcome('acknowledged');
  const missing = new Set(acknowledged.filter((a) => stored.get(a.marker)?.id !== a.id).map((a) => a.marker));
  return {
    attempts: attempts.length,
    acknowledged: acknowledged.length,
    inDoubt: byOutcome('in-doubt').length,
    refused: byOutcome('refused').length,
    acknowledgedStoredOnce: acknowledged.filter((a) => !missing.has(a.marker) && stored.get(a.marker)?.count === 1)
      .length,
    acknowledgedMissing: [...missing],
    storedTwice: [...stored].filter(([, s]) => s.count > 1).map(([marker]) => marker),
    storedInDoubt: byOutcome('in-doubt').filter((a) => stored.has(a.marker)).length,
    storedRefused: byOutcome('refused')
      .filter((a) => stored.has(a.marker))
      .map((a) => a.marker),
    complaintsStored: stored.size,
    acknowledgedWithoutRow: acknowledged.filter((a) => a.id && !rowIds.has(a.id)).map((a) => a.marker),
  };
}
