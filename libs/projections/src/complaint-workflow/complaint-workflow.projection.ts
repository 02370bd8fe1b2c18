import { ComplaintStates, type FoldedComplaint } from '../complaint-state/complaint-states.js';
import { upsertInChunks } from '../chunked-upsert.js';
import type { Projection, ProjectedEvent, SqlExecutor } from '../projection.js';
import { complaintFactsOf } from './complaint-facts.js';

/**
 * Keeps one row per complaint with the next time its deadlines need the scanner, and the facts
 * statistics count, derived from its state after the batch's fold (the domain's own `evolve`, shared
 * with the other complaint read models: `states`). Replay-safe: each row remembers the stream
 * revision it reflects. The state itself lives in complaint_summary only.
 */
export const complaintWorkflowProjection = (
  log: (message: string) => void = () => undefined,
  states: ComplaintStates = new ComplaintStates({ log: (m) => log(`complaint-workflow: ${m}`) }),
): Projection => ({
  name: 'complaint-workflow',
  version: 1,
  tables: ['complaint_workflow'],
  async prepare(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
    await states.fold(sql, events);
  },
  async apply(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await saveRows(sql, (await states.fold(sql, events)).toWrite);
  },
  beginRebuild: () => states.defer(),
  flush: (sql: SqlExecutor) => saveRows(sql, states.flush()),
  reset: () => states.clear(),
});

function saveRows(sql: SqlExecutor, rows: readonly FoldedComplaint[]): Promise<void> {
  return upsertInChunks(sql, UPSERT, rows, (row) => {
    const facts = complaintFactsOf(row.state);
    return {
      complaint_id: facts.complaintId,
      version: row.version,
      next_check_at: facts.nextCheckAt,
      agency_code: facts.agencyCode,
      category: facts.category,
      complaint_type: facts.complaintType,
      channel: facts.channel,
      status: facts.status,
      priority: facts.priority,
      received_at: facts.receivedAt,
      verified_at: facts.verifiedAt,
      first_response_at: facts.firstResponseAt,
      response_seconds: facts.responseSeconds,
      responded_on_time: facts.respondedOnTime,
      missed_response_deadline: facts.missedResponseDeadline,
      escalated: facts.escalated,
      sanction_count: facts.sanctionCount,
      rating: facts.rating,
      ombudsman_decision: facts.ombudsmanDecision,
      recommended: facts.recommended,
      recommendation_implemented: facts.recommendationImplemented,
      recommendation_overdue: facts.recommendationOverdue,
      updated_at: row.updatedAt.toISOString(),
    };
  });
}

const COLUMNS = `complaint_id, version, next_check_at, agency_code, category, complaint_type, channel, status,
  priority, received_at, verified_at, first_response_at, response_seconds, responded_on_time,
  missed_response_deadline, escalated, sanction_count, rating, ombudsman_decision, recommended,
  recommendation_implemented, recommendation_overdue, updated_at`;

const UPSERT = `
  INSERT INTO complaint_workflow (${COLUMNS})
  SELECT ${COLUMNS}
  FROM jsonb_to_recordset($1::jsonb) AS r(complaint_id uuid, version integer, next_check_at timestamptz,
    agency_code text, category text, complaint_type text, channel text, status text, priority text,
    received_at timestamptz, verified_at timestamptz, first_response_at timestamptz, response_seconds double precision,
    responded_on_time boolean, missed_response_deadline boolean, escalated boolean, sanction_count integer,
    rating smallint, ombudsman_decision text, recommended boolean, recommendation_implemented boolean,
    recommendation_overdue boolean, updated_at timestamptz)
  ON CONFLICT (complaint_id) DO UPDATE SET
    version = excluded.version, next_check_at = excluded.next_check_at,
    agency_code = excluded.agency_code, category = excluded.category, status = excluded.status,
    priority = excluded.priority, verified_at = excluded.verified_at, first_response_at = excluded.first_response_at,
    response_seconds = excluded.response_seconds, responded_on_time = excluded.responded_on_time,
    missed_response_deadline = excluded.missed_response_deadline, escalated = excluded.escalated,
    sanction_count = excluded.sanction_count, rating = excluded.rating,
    ombudsman_decision = excluded.ombudsman_decision, recommended = excluded.recommended,
    recommendation_implemented = excluded.recommendation_implemented,
    recommendation_overdue = excluded.recommendation_overdue, updated_at = excluded.updated_at
  WHERE complaint_workflow.version < excluded.version`;
