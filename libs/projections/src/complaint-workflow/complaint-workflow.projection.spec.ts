import { projectedEvents, startReadModelDatabase } from '../../../../test/fixtures/projected-events.js';
import pg from 'pg';
import { clock } from '../../../../test/fixtures/complaint-events.js';
import {
  complaintOf,
  escalatedHistory,
  NATIONAL_OFFICE,
  RECOMMENDED_AT,
  recommendedHistory,
} from '../../../../test/fixtures/ombudsman.js';
import {
  agencyTree,
  answeredHistory,
  schedule,
  submittedWithDeadlines,
  windowOf,
} from '../../../../test/fixtures/workflow.js';
import {
  checkDeadlines,
  rejectComplaintForExamination,
  reportRecommendationImplementation,
  type ComplaintEvent,
} from '#aduan/complaints';
import type { ProjectedEvent } from '../projection.js';
import { ComplaintStates } from '../complaint-state/complaint-states.js';
import { complaintSummaryProjection } from '../complaint-summary/complaint-summary.projection.js';
import { complaintWorkflowProjection } from './complaint-workflow.projection.js';

const projected = (events: readonly ComplaintEvent[], firstOrdinal = 1): ProjectedEvent[] =>
  projectedEvents(events, { firstOrdinal });

describe('the complaint-workflow projection', () => {
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
    (await client.query('SELECT * FROM complaint_workflow WHERE complaint_id = $1', [id])).rows[0] as Record<
      string,
      unknown
    >;

  it('schedules the next deadline check and records the facts statistics count', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    await complaintWorkflowProjection().apply(client, projected([submittedWithDeadlines(id)]));
    expect(await row(id)).toMatchObject({
      version: 0,
      status: 'SUBMITTED',
      priority: 'NORMAL',
      agency_code: null,
      next_check_at: new Date(windowOf('TRIAGE', clock.now()).warnAt ?? ''),
      missed_response_deadline: false,
      escalated: false,
    });
  });

  it('is replay-safe: the same events applied twice leave the same row', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    const events = projected(answeredHistory(id));
    await complaintWorkflowProjection().apply(client, events);
    const once = await row(id);
    await complaintWorkflowProjection().apply(client, events);
    await complaintWorkflowProjection().apply(client, events.slice(1));
    expect(await row(id)).toEqual(once);
    expect(once).toMatchObject({
      version: 2,
      status: 'RESPONDED',
      agency_code: 'KAB-BANJAR-DINKES',
      responded_on_time: true,
      response_seconds: 3 * 86_400,
    });
  });

  it('skips events of a complaint it never saw submitted, without failing the batch', async () => {
    const logged: string[] = [];
    const [, forwarded] = answeredHistory('00000000-0000-4000-8000-000000000003');
    await complaintWorkflowProjection((m) => logged.push(m)).apply(client, projected(forwarded ? [forwarded] : []));
    expect(await row('00000000-0000-4000-8000-000000000003')).toBeUndefined();
    expect(logged).toEqual([expect.stringContaining('never submitted')]);
  });

  it("records the Ombudsman's examination: accepted, recommended, overdue, then reported late (replay-safe)", async () => {
    const id = '00000000-0000-4000-8000-000000000004';
    const recommended = recommendedHistory(id);
    // As the projector runs them: the complaint read models share one fold per batch, and a later batch
    // (a fresh fold, as after a restart) continues from the state complaint_summary stored.
    const applyBatch = async (events: readonly ProjectedEvent[]) => {
      const states = new ComplaintStates({ log: () => undefined });
      await complaintSummaryProjection(undefined, states).apply(client, events);
      await complaintWorkflowProjection(undefined, states).apply(client, events);
    };
    await applyBatch(projected(recommended));
    expect(await row(id)).toMatchObject({
      status: 'ESCALATED',
      ombudsman_decision: 'ACCEPTED',
      recommended: true,
      recommendation_implemented: false,
      recommendation_overdue: false,
      // The scanner looks again at the recommendation's warning point.
      next_check_at: new Date(windowOf('RECOMMENDATION', RECOMMENDED_AT).warnAt ?? ''),
    });
    const breached = [
      ...recommended,
      ...checkDeadlines(
        {
          complaintId: id,
          actor: { id: 'aduan', role: 'system', agencyCode: null },
          now: clock.after('P81D'),
          schedule,
        },
        complaintOf(recommended),
      ),
    ];
    const reported = [
      ...breached,
      reportRecommendationImplementation(
        {
          complaintId: id,
          note: 'Sudah dilaksanakan',
          actor: { id: 'officer', role: 'agency_officer', agencyCode: 'KAB-BANJAR-DINKES' },
          now: clock.after('P90D'),
          agencies: agencyTree,
        },
        complaintOf(breached),
      ),
    ];
    const events = projected(reported);
    await applyBatch(events.slice(recommended.length));
    const once = await row(id);
    expect(once).toMatchObject({
      version: reported.length - 1,
      ombudsman_decision: 'ACCEPTED',
      recommended: true,
      recommendation_implemented: true,
      recommendation_overdue: true,
      next_check_at: null,
    });
    await applyBatch(events);
    expect(await row(id)).toEqual(once);
  });

  it('records a report the Ombudsman did not accept', async () => {
    const id = '00000000-0000-4000-8000-000000000005';
    const escalated = escalatedHistory(id);
    const rejected = rejectComplaintForExamination(
      {
        complaintId: id,
        grounds: ['BEFORE_COURT'],
        explanation: 'Perkara sedang diperiksa pengadilan',
        actor: { id: 'ombudsman-1', role: 'ombudsman', agencyCode: null },
        office: NATIONAL_OFFICE,
        now: clock.after('P16D'),
        schedule,
      },
      complaintOf(escalated),
    );
    await complaintWorkflowProjection().apply(client, projected([...escalated, rejected]));
    expect(await row(id)).toMatchObject({
      status: 'CLOSED',
      ombudsman_decision: 'REJECTED',
      recommended: false,
      next_check_at: null,
    });
  });
});
