import { projectedEvents, startReadModelDatabase } from '../../../../test/fixtures/projected-events.js';
import pg from 'pg';
import { clock, forwarded, responded, submitted } from '../../../../test/fixtures/complaint-events.js';
import { rejectComplaintForExamination, type ComplaintEvent } from '#aduan/complaints';
import {
  complaintOf,
  escalatedHistory,
  NATIONAL_OFFICE,
  recommendedHistory,
} from '../../../../test/fixtures/ombudsman.js';
import { schedule } from '../../../../test/fixtures/workflow.js';
import { complaintSummaryProjection } from '../complaint-summary/complaint-summary.projection.js';
import type { ProjectedEvent } from '../projection.js';
import { complaintChangesProjection } from './complaint-changes.projection.js';

const projected = (events: readonly ComplaintEvent[], firstOrdinal: number): ProjectedEvent[] =>
  projectedEvents(events, { firstOrdinal });

describe('the complaint-changes projection', () => {
  let database: Awaited<ReturnType<typeof startReadModelDatabase>> | undefined;
  let client: pg.Client;

  beforeAll(async () => {
    database = await startReadModelDatabase();
    client = database.client;
  });
  afterAll(async () => {
    await database?.stop();
  });

  /** As the projector runs them: changes first, then the summary, on the same batch. */
  const applyBatch = async (events: ProjectedEvent[]) => {
    await complaintChangesProjection().apply(client, events);
    await complaintSummaryProjection().apply(client, events);
  };
  const changesOf = async (id: string) =>
    (
      await client.query(
        'SELECT ordinal, previous_status, new_status FROM complaint_status_change WHERE complaint_id = $1 ORDER BY ordinal',
        [id],
      )
    ).rows.map((r: { ordinal: string; previous_status: string | null; new_status: string }) => [
      Number(r.ordinal),
      r.previous_status,
      r.new_status,
    ]);

  it('records each status change, across batches, and is replay-safe', async () => {
    const id = '00000000-0000-4000-8000-0000000000c1';
    const events = projected(
      [submitted(id), forwarded(id, 'KAB-BANJAR-DINKES'), responded(id, 'KAB-BANJAR-DINKES')],
      101,
    );
    await applyBatch(events.slice(0, 2)); // submit and forward in one batch
    await applyBatch(events.slice(2)); // the response in the next, on top of the summary row
    const expected = [
      [101, null, 'SUBMITTED'],
      [102, 'SUBMITTED', 'FORWARDED'],
      [103, 'FORWARDED', 'RESPONDED'],
    ];
    expect(await changesOf(id)).toEqual(expected);
    // Replays (a batch applied again after a crash before its checkpoint) change nothing.
    await applyBatch(events);
    await applyBatch(events.slice(1));
    expect(await changesOf(id)).toEqual(expected);
  });

  it('skips events of a complaint that was never submitted', async () => {
    const id = '00000000-0000-4000-8000-0000000000c2';
    await applyBatch(projected([forwarded(id, 'KAB-BANJAR-DINKES')], 201));
    expect(await changesOf(id)).toEqual([]);
  });

  it("shows the Ombudsman's rejection as the closure it is; acceptance and recommendations change no status", async () => {
    const kept = '00000000-0000-4000-8000-0000000000c3';
    await applyBatch(projected(recommendedHistory(kept), 301));
    expect((await changesOf(kept)).map(([, from, to]) => [from, to])).toEqual([
      [null, 'SUBMITTED'],
      ['SUBMITTED', 'FORWARDED'],
      ['FORWARDED', 'ESCALATED'],
    ]);
    const closed = '00000000-0000-4000-8000-0000000000c4';
    const escalated = escalatedHistory(closed);
    const rejection = rejectComplaintForExamination(
      {
        complaintId: closed,
        grounds: ['SETTLED_BY_AGENCY'],
        explanation: 'Pelapor sudah memperoleh penyelesaian',
        actor: { id: 'ombudsman-1', role: 'ombudsman', agencyCode: null },
        office: NATIONAL_OFFICE,
        now: clock.after('P16D'),
        schedule,
      },
      complaintOf(escalated),
    );
    const events = projected([...escalated, rejection], 401);
    await applyBatch(events.slice(0, 3));
    await applyBatch(events.slice(3));
    await applyBatch(events);
    const { rows } = await client.query(
      'SELECT ordinal, previous_status, new_status, event_type FROM complaint_status_change WHERE complaint_id = $1 AND new_status = $2',
      [closed, 'CLOSED'],
    );
    expect(rows).toEqual([
      {
        ordinal: 404,
        previous_status: 'ESCALATED',
        new_status: 'CLOSED',
        event_type: 'ComplaintRejectedByOmbudsman',
      },
    ]);
  });
});
