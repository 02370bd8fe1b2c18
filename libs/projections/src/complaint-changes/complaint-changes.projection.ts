import { ComplaintStates } from '../complaint-state/complaint-states.js';
import type { Projection, ProjectedEvent, SqlExecutor } from '../projection.js';

/**
 * The outbound change feed for SP4N-LAPOR!: one row per status change (the submit included, from no
 * status), keyed by the event's ordinal in the global order, so a reader paging by ordinal never
 * skips one.
 *
 * Transitions are the domain's own `evolve`, from the batch's fold shared with the other complaint
 * read models (`states`), which continues each complaint from its complaint_summary state as it was
 * before the batch. A replay writes the same ordinals again, which the key keeps.
 */
export const complaintChangesProjection = (
  log: (message: string) => void = () => undefined,
  states: ComplaintStates = new ComplaintStates({ log: (m) => log(`complaint-changes: ${m}`) }),
): Projection => ({
  name: 'complaint-changes',
  version: 1,
  tables: ['complaint_status_change'],
  async prepare(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
    await states.fold(sql, events);
  },
  async apply(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const changes: Record<string, unknown>[] = [];
    for (const { projected, before, after } of (await states.fold(sql, events)).transitions) {
      if (after.status === 'NONE' || after.status === before.status) continue;
      changes.push({
        ordinal: projected.ordinal,
        complaint_id: projected.event.data.complaintId,
        national_tracking_id: after.nationalTrackingId ?? null,
        tracking_code: after.trackingCode,
        previous_status: before.status === 'NONE' ? null : before.status,
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
  // Its rows are written with every batch; the shared fold holds the others' rows back.
  beginRebuild: () => states.defer(),
  reset: () => states.clear(),
});
