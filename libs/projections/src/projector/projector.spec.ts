import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#aduan/event-store';
import { createPool, startTestPostgres, type Pool, type PoolClient, type TestPostgres } from '#aduan/postgres';
import { answeredHistory } from '../../../../test/fixtures/workflow.js';
import { complaintChangesProjection } from '../complaint-changes/complaint-changes.projection.js';
import { ComplaintStates } from '../complaint-state/complaint-states.js';
import { complaintSummaryProjection } from '../complaint-summary/complaint-summary.projection.js';
import { complaintWorkflowProjection } from '../complaint-workflow/complaint-workflow.projection.js';
import type { Projection } from '../projection.js';
import { createReadModelDataSource, migrateReadModels } from '../read-model-data-source.js';
import { Projector } from './projector.js';
import { REBUILD_SCHEMA } from './shadow-tables.js';

/** Waits for `check` to hold, polling; fails with `what` after a few seconds. */
async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the projector', () => {
  let postgres: TestPostgres;
  let url: string;
  let store: PostgresEventStore;
  let pool: Pool;
  let projector: Projector | undefined;

  beforeEach(async () => {
    postgres ??= await startTestPostgres();
    url = await postgres.createDatabase();
    store = await PostgresEventStore.connect({ connectionString: url, maxConnections: 2 });
    const dataSource = createReadModelDataSource(url);
    await dataSource.initialize();
    await migrateReadModels(dataSource);
    await dataSource.destroy();
    pool = createPool({ connectionString: url, max: 2 });
  }, 60_000);
  afterEach(async () => {
    await projector?.stop();
    projector = undefined;
    await store.close();
    await pool.end();
  });
  afterAll(() => postgres?.stop());

  /** Submits a complaint through the store, as the API would; answers its id. */
  const submit = async (): Promise<string> => {
    const id = randomUUID();
    await append(id, 0);
    return id;
  };
  /** Appends the complaint's event at `revision` of its answered history (submit, forward, respond). */
  const append = async (id: string, revision: number): Promise<void> => {
    const event = answeredHistory(id)[revision]!;
    const metadata = {
      correlationId: id,
      causationId: id,
      actor: { id: 'test', role: 'public' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    };
    await store.append(
      `complaint-${id}`,
      [{ id: randomUUID(), ...event, metadata }],
      revision === 0 ? 'no-stream' : revision - 1,
    );
  };
  /** A few complaints whose events interleave in the global order, some of them answered; answers the events. */
  const history = async (complaints = 5): Promise<number> => {
    const ids = Array.from({ length: complaints }, () => randomUUID());
    let events = 0;
    for (let revision = 0; revision < 3; revision += 1) {
      for (const [index, id] of ids.entries()) {
        if (revision > index % 3) continue;
        await append(id, revision);
        events += 1;
      }
    }
    return events;
  };
  /** Every row of the complaint read models, in a stable order. */
  const readModels = async () => {
    const rows: Record<string, unknown[]> = {};
    for (const table of ['complaint_summary', 'complaint_workflow', 'complaint_status_change']) {
      rows[table] = (await pool.query(`SELECT * FROM ${table} ORDER BY ${table}::text`)).rows;
    }
    return rows;
  };
  const complaintReadModels = (states = new ComplaintStates()): Projection[] => [
    complaintChangesProjection(undefined, states),
    complaintSummaryProjection(undefined, states),
    complaintWorkflowProjection(undefined, states),
  ];
  const shadowSchemaExists = async (): Promise<boolean> =>
    (await pool.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [REBUILD_SCHEMA])).rowCount === 1;
  const checkpointRow = async () =>
    (await pool.query(`SELECT checkpoint, ordinal, projections_version FROM projection_checkpoint`)).rows;
  const projected = async (id: string): Promise<boolean> =>
    (await pool.query('SELECT 1 FROM complaint_summary WHERE id = $1', [id])).rowCount === 1;
  const newProjector = (options: { catchUpBatchSize?: number; retryDelayMs?: number } = {}): Projector =>
    new Projector({ store, pool, projections: [complaintSummaryProjection()], ...options });

  it('catches up over several batches, reading ahead, and skips nothing', async () => {
    const ids = [];
    for (let index = 0; index < 7; index += 1) ids.push(await submit());
    projector = newProjector({ catchUpBatchSize: 3 });

    expect(await projector.rebuild()).toBe(7);

    for (const id of ids) expect(await projected(id)).toBe(true);
    expect(projector.status().ordinal).toBe(7);
  });

  it('keeps projecting on its own connection while the pool is exhausted', async () => {
    projector = newProjector();
    projector.start();
    await eventually(() => projector!.status().ready, 'the projector to be ready');
    const held: PoolClient = await pool.connect(); // the pool's other connection, kept busy
    try {
      const id = await submit();
      await eventually(
        async () => (await held.query('SELECT 1 FROM complaint_summary WHERE id = $1', [id])).rowCount === 1,
        'the complaint to be projected',
      );
    } finally {
      held.release();
    }
  });

  it('writes nothing of a batch when another writer has moved its checkpoint', async () => {
    projector = newProjector({ retryDelayMs: 60_000 });
    projector.start();
    await eventually(() => projector!.status().ready, 'the projector to be ready');
    await pool.query(`UPDATE projection_checkpoint SET checkpoint = '0:0'`);

    const id = await submit();

    await eventually(() => projector!.status().lastError !== null, 'the projector to fail');
    expect(projector.status().lastError).toMatch(/checkpoint is 0:0.*another projector is running/);
    expect(await projected(id)).toBe(false);
  });

  it('reports a failing batch without the personal data its error quotes (the status reaches /health)', async () => {
    const quoting: Projection = {
      name: 'quoting',
      version: 1,
      tables: [],
      apply: () => Promise.reject(new Error('cannot store "Siti Aminah" <siti@example.id>, phone 0812 3456 7890')),
    };
    const messages: string[] = [];
    projector = new Projector({
      store,
      pool,
      projections: [quoting],
      retryDelayMs: 60_000,
      log: (message) => messages.push(message),
    });
    projector.start();
    await submit();

    await eventually(() => projector!.status().lastError !== null, 'the projector to fail');
    const reports = [projector.status().lastError!, ...messages].join('\n');
    expect(reports).toContain('cannot store');
    expect(reports).not.toMatch(/Siti|siti@example\.id|3456/);
  });

  describe('rebuilding', () => {
    const projectorOf = (projections: Projection[], catchUpBatchSize = 2): Projector =>
      new Projector({ store, pool, projections, catchUpBatchSize });

    it('replaces the read models with the same rows, written once each, however little it remembers', async () => {
      const events = await history(7);
      expect(await projectorOf(complaintReadModels()).rebuild()).toBe(events);
      const rebuilt = await readModels();
      expect(rebuilt.complaint_summary).toHaveLength(7);

      // Remembering one complaint at a time, each one is written as soon as another needs the room.
      const forgetful = new ComplaintStates({ capacity: 1, rebuildCapacity: 1 });
      expect(await projectorOf(complaintReadModels(forgetful)).rebuild()).toBe(events);
      expect(await readModels()).toEqual(rebuilt);
      expect(await checkpointRow()).toEqual([expect.objectContaining({ ordinal: events })]);
      expect(await shadowSchemaExists()).toBe(false);
    });

    it('keeps the previous read models visible until it swaps the new ones in', async () => {
      const events = await history(4);
      await projectorOf(complaintReadModels()).rebuild();
      const before = await readModels();
      const checkpoint = await checkpointRow();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let reached!: () => void;
      const gateReached = new Promise<void>((resolve) => (reached = resolve));
      const gate: Projection = {
        name: 'gate',
        version: 1,
        tables: [],
        async apply() {
          reached();
          await released;
        },
      };
      const rebuilding = projectorOf([...complaintReadModels(), gate]).rebuild();
      await gateReached;
      expect(await shadowSchemaExists()).toBe(true);
      expect(await readModels()).toEqual(before);
      expect(await checkpointRow()).toEqual(checkpoint);
      release();
      await rebuilding;
      expect(await readModels()).toEqual(before);
      // The fingerprint of the projections changed (the gate), and the checkpoint with it.
      expect(await checkpointRow()).toEqual([expect.objectContaining({ ordinal: events })]);
    });

    it('leaves the read models and their checkpoint as they were when it fails, and cleans up after itself', async () => {
      await history(4);
      await projectorOf(complaintReadModels()).rebuild();
      const before = await readModels();
      const checkpoint = await checkpointRow();
      let batches = 0;
      const failing: Projection = {
        name: 'failing',
        version: 1,
        tables: [],
        async apply() {
          if (++batches === 3) throw new Error('injected failure in the third batch');
        },
      };
      await expect(projectorOf([...complaintReadModels(), failing]).rebuild()).rejects.toThrow(/third batch/);
      expect(await readModels()).toEqual(before);
      expect(await checkpointRow()).toEqual(checkpoint);
      expect(await shadowSchemaExists()).toBe(false);
    });

    it('survives losing its connection mid-rebuild: the read models stay, the next rebuild clears the leftovers', async () => {
      await history(4);
      await projectorOf(complaintReadModels()).rebuild();
      const before = await readModels();
      const checkpoint = await checkpointRow();
      const killer: Projection = {
        name: 'killer',
        version: 1,
        tables: [],
        async apply(sql) {
          // As a crash would: the server ends the projector's session in the middle of the rebuild.
          await sql.query('SELECT pg_terminate_backend(pg_backend_pid())');
        },
      };
      await expect(projectorOf([...complaintReadModels(), killer]).rebuild()).rejects.toThrow();
      expect(await readModels()).toEqual(before);
      expect(await checkpointRow()).toEqual(checkpoint);
      expect(await shadowSchemaExists()).toBe(true); // nobody could clean up

      await projectorOf(complaintReadModels()).rebuild();
      expect(await readModels()).toEqual(before);
      expect(await shadowSchemaExists()).toBe(false);
    });

    it('refuses to swap tables whose definition changed meanwhile, leaving them as they are', async () => {
      await history(3);
      const migration: Projection = {
        name: 'migration',
        version: 1,
        tables: [],
        async apply() {
          await pool.query(`ALTER TABLE public.complaint_summary ADD COLUMN IF NOT EXISTS added text`);
        },
      };
      await expect(projectorOf([...complaintReadModels(), migration]).rebuild()).rejects.toThrow(
        /definition of complaint_summary changed during the rebuild/,
      );
      expect((await pool.query(`SELECT added FROM complaint_summary`)).rows).toEqual([]);
      await pool.query(`ALTER TABLE complaint_summary DROP COLUMN added`);
    });

    it('rebuilds in place when something else depends on the tables', async () => {
      const events = await history(3);
      await pool.query(`CREATE VIEW complaint_ids AS SELECT id FROM complaint_summary`);
      const logged: string[] = [];
      const projector = new Projector({
        store,
        pool,
        projections: complaintReadModels(),
        catchUpBatchSize: 2,
        log: (m) => logged.push(m),
      });
      expect(await projector.rebuild()).toBe(events);
      expect(logged).toEqual([expect.stringMatching(/rebuilding in place.*view complaint_ids/)]);
      expect((await pool.query(`SELECT count(*)::int AS n FROM complaint_ids`)).rows).toEqual([{ n: 3 }]);
      await pool.query(`DROP VIEW complaint_ids`);
    });

    it('rebuilds at start when the projections changed version, then follows', async () => {
      await history(3);
      projector = projectorOf(complaintReadModels());
      projector.start();
      await eventually(() => projector!.status().ready, 'the projector to be ready');
      const live = await readModels();
      await projector.stop();

      const [changes, summary, workflow] = complaintReadModels();
      projector = projectorOf([changes!, { ...summary!, version: 2 }, workflow!]);
      projector.start();
      await eventually(() => projector!.status().ready, 'the rebuilt projector to be ready');
      expect(await readModels()).toEqual(live);
      const id = await submit();
      await eventually(() => projected(id), 'a new complaint to be projected');
    });
  });
});
