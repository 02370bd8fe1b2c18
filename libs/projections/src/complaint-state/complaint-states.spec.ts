import { projectedEvents, startReadModelDatabase } from '../../../../test/fixtures/projected-events.js';
import pg from 'pg';
import { answeredHistory } from '../../../../test/fixtures/workflow.js';
import type { ComplaintEvent } from '#aduan/complaints';
import { complaintChangesProjection } from '../complaint-changes/complaint-changes.projection.js';
import { complaintSummaryProjection } from '../complaint-summary/complaint-summary.projection.js';
import { complaintWorkflowProjection } from '../complaint-workflow/complaint-workflow.projection.js';
import type { ProjectedEvent, Projection, SqlExecutor } from '../projection.js';
import { ComplaintStates } from './complaint-states.js';

const projected = (events: readonly ComplaintEvent[], firstRevision: number, firstOrdinal: number): ProjectedEvent[] =>
  projectedEvents(events, { firstRevision, firstOrdinal });

describe('the fold the complaint read models share', () => {
  let database: Awaited<ReturnType<typeof startReadModelDatabase>> | undefined;
  let client: pg.Client;

  beforeAll(async () => {
    database = await startReadModelDatabase();
    client = database.client;
  });
  afterAll(async () => {
    await database?.stop();
  });

  /** The three complaint read models on one fold, applied in the projector's order, recording the reads. */
  const readModels = (states: ComplaintStates) => {
    const projections: Projection[] = [
      complaintChangesProjection(undefined, states),
      complaintSummaryProjection(undefined, states),
      complaintWorkflowProjection(undefined, states),
    ];
    const reads: string[] = [];
    const sql: SqlExecutor = {
      query: (text, params) => {
        if (/^\s*SELECT/i.test(text)) reads.push(text);
        return client.query(text, params);
      },
    };
    return {
      reads,
      apply: async (events: ProjectedEvent[]) => {
        for (const projection of projections) await projection.apply(sql, events);
      },
    };
  };
  const rows = async (id: string) => ({
    summary: (await client.query('SELECT status, version, list_order FROM complaint_summary WHERE id = $1', [id])).rows,
    workflow: (await client.query('SELECT status, version FROM complaint_workflow WHERE complaint_id = $1', [id])).rows,
    changes: (
      await client.query(
        'SELECT ordinal, previous_status, new_status FROM complaint_status_change WHERE complaint_id = $1 ORDER BY ordinal',
        [id],
      )
    ).rows,
  });

  it('folds a batch once for all three read models, and reads stored state once for continued complaints', async () => {
    const id = '00000000-0000-4000-8000-0000000000d1';
    const [submitted, ...later] = answeredHistory(id);
    await readModels(new ComplaintStates()).apply(projected([submitted!], 0, 1));

    const fresh = readModels(new ComplaintStates());
    await fresh.apply(projected(later, 1, 2));

    // One read of complaint_summary for the batch, not one per read model.
    expect(fresh.reads).toHaveLength(1);
    expect(await rows(id)).toEqual({
      summary: [{ status: 'RESPONDED', version: 2, list_order: 1 }],
      workflow: [{ status: 'RESPONDED', version: 2 }],
      changes: [
        { ordinal: 1, previous_status: null, new_status: 'SUBMITTED' },
        { ordinal: 2, previous_status: 'SUBMITTED', new_status: 'FORWARDED' },
        { ordinal: 3, previous_status: 'FORWARDED', new_status: 'RESPONDED' },
      ],
    });
  });

  it('remembers the complaints of recent batches, reading nothing to continue them, until cleared', async () => {
    const id = '00000000-0000-4000-8000-0000000000d2';
    const [submitted, forwarded, responded] = answeredHistory(id);
    const states = new ComplaintStates();
    const models = readModels(states);
    await models.apply(projected([submitted!], 0, 11));
    await models.apply(projected([forwarded!], 1, 12));
    expect(models.reads).toEqual([]);

    states.clear();
    await models.apply(projected([responded!], 2, 13));
    expect(models.reads).toHaveLength(1);
    expect((await rows(id)).summary).toEqual([{ status: 'RESPONDED', version: 2, list_order: 11 }]);
  });

  it('is replay-safe through one fold: a batch applied again changes nothing', async () => {
    const id = '00000000-0000-4000-8000-0000000000d3';
    const events = projected(answeredHistory(id), 0, 21);
    const states = new ComplaintStates();
    await readModels(states).apply(events);
    const once = await rows(id);
    await readModels(states).apply([...events]);
    await readModels(new ComplaintStates()).apply(events.slice(1));
    expect(await rows(id)).toEqual(once);
  });

  it('forgets the oldest complaints beyond its capacity, and reads them again', async () => {
    const ids = ['00000000-0000-4000-8000-0000000000d4', '00000000-0000-4000-8000-0000000000d5'];
    const states = new ComplaintStates({ capacity: 1 });
    const models = readModels(states);
    for (const [index, id] of ids.entries())
      await models.apply(projected(answeredHistory(id).slice(0, 1), 0, 31 + index));
    // Only the second is remembered: continuing the first reads it.
    await models.apply(projected(answeredHistory(ids[1]!).slice(1, 2), 1, 33));
    expect(models.reads).toEqual([]);
    await models.apply(projected(answeredHistory(ids[0]!).slice(1, 2), 1, 34));
    expect(models.reads).toHaveLength(1);
    for (const id of ids) expect((await rows(id)).summary).toMatchObject([{ status: 'FORWARDED', version: 1 }]);
  });
});
