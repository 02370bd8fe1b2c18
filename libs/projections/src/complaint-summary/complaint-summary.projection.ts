import { ComplaintStates, type FoldedComplaint } from '../complaint-state/complaint-states.js';
import { upsertInChunks } from '../chunked-upsert.js';
import type { Projection, ProjectedEvent, SqlExecutor } from '../projection.js';

/**
 * Keeps one row per complaint holding the domain state folded with the domain's own `evolve`, so
 * the read model can never disagree with the aggregate about what an event means. The fold is
 * shared with the other complaint read models of the batch (`states`). The state holds the
 * reporter's contact only sealed (or, for v1 submits, which parts it has): no personal data in clear.
 * Version 2: the state's `reporter` changed shape (reporter identities); the rebuild it causes also
 * clears v1 contacts out of the rows that held them in clear.
 */
export const complaintSummaryProjection = (
  log: (message: string) => void = () => undefined,
  states: ComplaintStates = new ComplaintStates({ log: (m) => log(`complaint-summary: ${m}`) }),
): Projection => ({
  name: 'complaint-summary',
  version: 2,
  tables: ['complaint_summary'],
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

// One statement for the whole batch; every column is derived from the state document so the
// document stays the single source of truth.
const UPSERT = `
  INSERT INTO complaint_summary (id, tracking_code, status, complaint_type, channel, requested_agency_code,
    assigned_agency_code, assignment_trail, reporter_id, anonymous, confidential, submitted_at, due_at,
    version, list_order, state, updated_at)
  SELECT (r.state->>'id')::uuid, r.state->>'trackingCode', r.state->>'status', r.state->>'complaintType',
    r.state->>'channel', r.state->>'requestedAgencyCode', r.state->>'assignedAgencyCode',
    ARRAY(SELECT jsonb_array_elements_text(r.state->'assignmentTrail')), r.state->>'reporterId',
    (r.state->>'anonymous')::boolean, (r.state->>'confidential')::boolean,
    (r.state->>'submittedAt')::timestamptz, (r.state->>'dueAt')::timestamptz,
    r.version, r.list_order, r.state, r.updated_at
  FROM jsonb_to_recordset($1::jsonb) AS r(state jsonb, version integer, list_order bigint, updated_at timestamptz)
  ON CONFLICT (id) DO UPDATE SET
    status = excluded.status, requested_agency_code = excluded.requested_agency_code,
    assigned_agency_code = excluded.assigned_agency_code, assignment_trail = excluded.assignment_trail,
    anonymous = excluded.anonymous, confidential = excluded.confidential, due_at = excluded.due_at,
    version = excluded.version, state = excluded.state, updated_at = excluded.updated_at
  WHERE complaint_summary.version < excluded.version`;

function saveRows(sql: SqlExecutor, rows: readonly FoldedComplaint[]): Promise<void> {
  return upsertInChunks(sql, UPSERT, rows, (row) => ({
    state: row.state,
    version: row.version,
    list_order: row.listOrder,
    updated_at: row.updatedAt.toISOString(),
  }));
}
