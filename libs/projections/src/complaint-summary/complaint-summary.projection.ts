import { evolve, initialState, type Complaint, type ComplaintState } from '#aduan/complaints';
import type { Projection, ProjectedEvent, SqlExecutor } from '../projection.js';

interface SummaryRow {
  state: ComplaintState;
  version: number;
  listOrder: number;
  updatedAt: Date;
  changed: boolean;
}

/**
 * Keeps one row per complaint holding the domain state folded with the domain's own `evolve`, so
 * the read model can never disagree with the aggregate about what an event means. The state holds the
 * reporter's contact only sealed (or, for v1 submits, which parts it has): no personal data in clear.
 * Version 2: the state's `reporter` changed shape (reporter identities); the rebuild it causes also
 * clears v1 contacts out of the rows that held them in clear.
 */
export const complaintSummaryProjection = (log: (message: string) => void = () => undefined): Projection => ({
  name: 'complaint-summary',
  version: 2,
  tables: ['complaint_summary'],
  async apply(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = await loadRows(sql, continuedComplaints(events));
    for (const projected of events) {
      const id = projected.event.data.complaintId;
      const row = rows.get(id);
      if (row && projected.revision <= row.version) continue;
      if (!row && projected.event.type !== 'ComplaintSubmitted') {
        log(`complaint-summary: skipped ${projected.event.type} of ${id}: the complaint was never submitted`);
        continue;
      }
      const state = evolve(row?.state ?? initialState(), projected.event);
      rows.set(id, {
        state,
        version: projected.revision,
        listOrder: row?.listOrder ?? projected.ordinal,
        updatedAt: projected.recordedAt,
        changed: true,
      });
    }
    await saveRows(
      sql,
      [...rows.values()].filter((row) => row.changed && row.state.status !== 'NONE'),
    );
  },
});

/**
 * Complaints whose stored row this batch builds on: those whose first event here is not the start
 * of their stream. A stream's first event needs no stored state (a stored row can only be a replay
 * of it or of later events, which the upsert's version guard keeps), so a batch of new complaints,
 * the bulk of live traffic, costs no read.
 */
function continuedComplaints(events: readonly ProjectedEvent[]): string[] {
  const first = new Map<string, number>();
  for (const { event, revision } of events) {
    if (!first.has(event.data.complaintId)) first.set(event.data.complaintId, revision);
  }
  return [...first].filter(([, revision]) => revision > 0).map(([id]) => id);
}

async function loadRows(sql: SqlExecutor, ids: string[]): Promise<Map<string, SummaryRow>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<{
    id: string;
    state: Complaint;
    version: number;
    list_order: number;
    updated_at: Date;
  }>(`SELECT id, state, version, list_order, updated_at FROM complaint_summary WHERE id = ANY($1::uuid[])`, [ids]);
  return new Map(
    rows.map((r) => [
      r.id,
      { state: r.state, version: r.version, listOrder: r.list_order, updatedAt: r.updated_at, changed: false },
    ]),
  );
}

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

async function saveRows(sql: SqlExecutor, rows: SummaryRow[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((row) => ({
    state: row.state,
    version: row.version,
    list_order: row.listOrder,
    updated_at: row.updatedAt.toISOString(),
  }));
  await sql.query(UPSERT, [JSON.stringify(payload)]);
}
