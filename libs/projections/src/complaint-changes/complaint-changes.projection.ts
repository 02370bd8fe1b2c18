import { evolve, type ComplaintState } from '#aduan/complaints';
import type { Projection, ProjectedEvent, SqlExecutor } from '../projection.js';

/**
 * The outbound change feed for SP4N-LAPOR!: one row per status change (the submit included, from no
 * status), keyed by the event's ordinal in the global order, so a reader paging by ordinal never
 * skips one.
 *
 * Transitions are computed with the domain's own `evolve`. The projection runs *before* the
 * complaint-summary projection in the same transaction, so each complaint's summary row still holds
 * its state before this batch; the batch's events are folded onto it in order (events at or below
 * the row's version were already applied and are skipped, so a replay is harmless).
 */
export const complaintChangesProjection = (log: (message: string) => void = () => undefined): Projection => ({
  name: 'complaint-changes',
  version: 1,
  tables: ['complaint_status_change'],
  async apply(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
    if (events.length === 0) return;
    // Only complaints whose first event here continues a stream need their stored state: a stream's
    // first event starts from none (a replay of it writes the same rows, which the ordinal key keeps).
    const first = new Map<string, number>();
    for (const { event, revision } of events) {
      if (!first.has(event.data.complaintId)) first.set(event.data.complaintId, revision);
    }
    const ids = [...first].filter(([, revision]) => revision > 0).map(([id]) => id);
    const { rows } =
      ids.length === 0
        ? { rows: [] }
        : await sql.query<{ id: string; version: number; state: ComplaintState }>(
            `SELECT id, version, state FROM complaint_summary WHERE id = ANY($1::uuid[])`,
            [ids],
          );
    const current = new Map<string, { state: ComplaintState; version: number }>(
      rows.map((row) => [row.id, { state: row.state, version: Number(row.version) }]),
    );
    const changes: Record<string, unknown>[] = [];
    for (const projected of events) {
      const id = projected.event.data.complaintId;
      const before = current.get(id) ?? { state: { status: 'NONE' } as ComplaintState, version: -1 };
      if (projected.revision <= before.version) continue;
      let after: ComplaintState;
      try {
        after = evolve(before.state, projected.event);
      } catch (error) {
        log(`complaint-changes: skipped ${projected.event.type} of ${id}: ${(error as Error).message}`);
        continue;
      }
      current.set(id, { state: after, version: projected.revision });
      if (after.status === 'NONE' || after.status === before.state.status) continue;
      changes.push({
        ordinal: projected.ordinal,
        complaint_id: id,
        national_tracking_id: after.nationalTrackingId ?? null,
        tracking_code: after.trackingCode,
        previous_status: before.state.status === 'NONE' ? null : before.state.status,
        new_status: after.status,
        event_type: projected.event.type,
        changed_at: projected.metadata.occurredAt,
      });
    }
    if (changes.length === 0) return;
    await sql.query(
      `INSERT INTO complaint_status_change
         (ordinal, complaint_id, national_tracking_id, tracking_code, previous_status, new_status, event_type, changed_at)
       SELECT ordinal, complaint_id, national_tracking_id, tracking_code, previous_status, new_status, event_type, changed_at
       FROM jsonb_to_recordset($1::jsonb) AS r(ordinal bigint, complaint_id uuid, national_tracking_id text,
         tracking_code text, previous_status text, new_status text, event_type text, changed_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(changes)],
    );
  },
});
