import { projectedEvents, startReadModelDatabase } from '../../../../test/fixtures/projected-events.js';
import pg from 'pg';
import { answeredHistory } from '../../../../test/fixtures/workflow.js';
import type { ComplaintEvent } from '#aduan/complaints';
import type { ProjectedEvent, SqlExecutor } from '../projection.js';
import { complaintSummaryProjection } from './complaint-summary.projection.js';

/** Events of one complaint as the projector hands them over: revisions from `firstRevision`. */
const projected = (events: readonly ComplaintEvent[], firstRevision = 0, firstOrdinal = 1): ProjectedEvent[] =>
  projectedEvents(events, { firstRevision, firstOrdinal });

describe('the complaint-summary projection', () => {
  let database: Awaited<ReturnType<typeof startReadModelDatabase>> | undefined;
  let client: pg.Client;

  beforeAll(async () => {
    database = await startReadModelDatabase();
    client = database.client;
  });
  afterAll(async () => {
    await database?.stop();
  });

  const row = async (id: string) =>
    (await client.query('SELECT * FROM complaint_summary WHERE id = $1', [id])).rows[0] as Record<string, unknown>;

  /** The statements a projection sends, so a test can tell which reads it skipped. */
  const recording = (): { sql: SqlExecutor; statements: string[] } => {
    const statements: string[] = [];
    return {
      statements,
      sql: {
        query: (text, params) => {
          statements.push(text.trim().split(/\s+/)[0]!.toUpperCase());
          return client.query(text, params);
        },
      },
    };
  };

  it('is replay-safe: a batch applied again, or again from the submit, leaves the row as it was', async () => {
    const id = '00000000-0000-4000-8000-000000000101';
    const events = projected(answeredHistory(id));
    await complaintSummaryProjection().apply(client, events);
    const once = await row(id);

    await complaintSummaryProjection().apply(client, events);
    await complaintSummaryProjection().apply(client, events.slice(0, 1));
    await complaintSummaryProjection().apply(client, events.slice(1));

    expect(await row(id)).toEqual(once);
    expect(once).toMatchObject({ version: 2, status: 'RESPONDED', list_order: 1 });
  });

  it('reads no stored row for a batch of new complaints', async () => {
    const ids = ['00000000-0000-4000-8000-000000000102', '00000000-0000-4000-8000-000000000103'];
    const { sql, statements } = recording();

    await complaintSummaryProjection().apply(
      sql,
      ids.flatMap((id, index) => projected(answeredHistory(id).slice(0, 1), 0, 10 + index)),
    );

    expect(statements).toEqual(['INSERT']);
    expect(await row(ids[1]!)).toMatchObject({ version: 0, status: 'SUBMITTED', list_order: 11 });
  });

  it('continues a complaint from its stored row when a batch starts in the middle of its stream', async () => {
    const id = '00000000-0000-4000-8000-000000000104';
    const [submitted, ...later] = answeredHistory(id);
    await complaintSummaryProjection().apply(client, projected([submitted!], 0, 20));
    const { sql, statements } = recording();

    await complaintSummaryProjection().apply(sql, projected(later, 1, 21));

    expect(statements).toEqual(['SELECT', 'INSERT']);
    expect(await row(id)).toMatchObject({ version: 2, status: 'RESPONDED', list_order: 20 });
  });
});
