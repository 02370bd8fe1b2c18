import { evolve, initialState, type Complaint, type ComplaintState } from '#aduan/complaints';
import type { Projection, ProjectedEvent, SqlExecutor } from '../projection.js';
import { complaintFactsOf } from './complaint-facts.js';

interface WorkflowRow {
  state: ComplaintState;
  version: number;
  updatedAt: Date;
  changed: boolean;
}

/**
 * Keeps one row per complaint with its state (folded with the domain's own `evolve`), the next time
 * its deadlines need the scanner, and the facts statistics count. Replay-safe: each row remembers the
 * stream revision it reflects.
 */
export const complaintWorkflowProjection = (log: (message: string) => void = () => undefined): Projection => ({
  name: 'complaint-workflow',
  version: 1,
  tables: ['complaint_workflow'],
  async apply(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = await loadRows(sql, [...new Set(events.map((e) => e.event.data.complaintId))]);
    for (const projected of events) {
      const id = projected.event.data.complaintId;
      const row = rows.get(id);
      if (row && projected.revision <= row.version) continue;
      if (!row && projected.event.type !== 'ComplaintSubmitted') {
        log(`complaint-workflow: skipped ${projected.event.type} of ${id}: the complaint was never submitted`);
        continue;
      }
      rows.set(id, {
        state: evolve(row?.state ?? initialState(), projected.event),
        version: projected.revision,
        updatedAt: projected.recordedAt,
        changed: true,
      });
    }
    const changed = [...rows.values()].filter((row) => row.changed && row.state.status !== 'NONE');
    if (changed.length === 0) return;
    const payload = changed.map((row) => {
      const facts = complaintFactsOf(row.state as Complaint);
      return {
        complaint_id: facts.complaintId,
        version: row.version,
        state: row.state,
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
    await sql.query(UPSERT, [JSON.stringify(payload)]);
  },
});

async function loadRows(sql: SqlExecutor, ids: string[]): Promise<Map<string, WorkflowRow>> {
  const { rows } = await sql.query<{ complaint_id: string; state: Complaint; version: number; updated_at: Date }>(
    `SELECT complaint_id, state, version, updated_at FROM complaint_workflow WHERE complaint_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(
    rows.map((r) => [r.complaint_id, { state: r.state, version: r.version, updatedAt: r.updated_at, changed: false }]),
  );
}

const COLUMNS = `complaint_id, version, state, next_check_at, agency_code, category, complaint_type, channel, status,
  priority, received_at, verified_at, first_response_at, response_seconds, responded_on_time,
  missed_response_deadline, escalated, sanction_count, rating, ombudsman_decision, recommended,
  recommendation_implemented, recommendation_overdue, updated_at`;

const UPSERT = `
  INSERT INTO complaint_workflow (${COLUMNS})
  SELECT ${COLUMNS}
  FROM jsonb_to_recordset($1::jsonb) AS r(complaint_id uuid, version integer, state jsonb, next_check_at timestamptz,
    agency_code text, category text, complaint_type text, channel text, status text, priority text,
    received_at timestamptz, verified_at timestamptz, first_response_at timestamptz, response_seconds double precision,
    responded_on_time boolean, missed_response_deadline boolean, escalated boolean, sanction_count integer,
    rating smallint, ombudsman_decision text, recommended boolean, recommendation_implemented boolean,
    recommendation_overdue boolean, updated_at timestamptz)
  ON CONFLICT (complaint_id) DO UPDATE SET
    version = excluded.version, state = excluded.state, next_check_at = excluded.next_check_at,
    agency_code = excluded.agency_code, category = excluded.category, status = excluded.status,
    priority = excluded.priority, verified_at = excluded.verified_at, first_response_at = excluded.first_response_at,
    response_seconds = excluded.response_seconds, responded_on_time = excluded.responded_on_time,
    missed_response_deadline = excluded.missed_response_deadline, escalated = excluded.escalated,
    sanction_count = excluded.sanction_count, rating = excluded.rating,
    ombudsman_decision = excluded.ombudsman_decision, recommended = excluded.recommended,
    recommendation_implemented = excluded.recommendation_implemented,
    recommendation_overdue = excluded.recommendation_overdue, updated_at = excluded.updated_at
  WHERE complaint_workflow.version < excluded.version`;
