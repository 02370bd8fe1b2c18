import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#aduan/event-store';
import { createPool, startTestPostgres, type Pool, type PoolClient, type TestPostgres } from '#aduan/postgres';
import { answeredHistory } from '../../../../test/fixtures/workflow.js';
import { complaintSummaryProjection } from '../complaint-summary/complaint-summary.projection.js';
import { createReadModelDataSource, migrateReadModels } from '../read-model-data-source.js';
import { Projector } from './projector.js';

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
    const [submitted] = answeredHistory(id);
    const metadata = {
      correlationId: id,
      causationId: id,
      actor: { id: 'test', role: 'public' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    };
    await store.append(`complaint-${id}`, [{ id: randomUUID(), ...submitted!, metadata }], 'no-stream');
    return id;
  };
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
});
