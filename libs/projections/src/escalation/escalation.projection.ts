import type { ComplaintEscalated } from '#aduan/complaints';
import type { Projection, ProjectedEvent, SqlExecutor } from '../projection.js';

type EscalatedEvent = ProjectedEvent & { readonly event: ComplaintEscalated };

/** The Ombudsman's feed, ordered by the escalation's place in the global order. */
export const escalationProjection = (): Projection => ({
  name: 'escalation',
  version: 2,
  tables: ['escalation'],
  async apply(sql: SqlExecutor, events: readonly ProjectedEvent[]): Promise<void> {
    const escalations = events.filter((e): e is EscalatedEvent => e.event.type === 'ComplaintEscalated');
    if (escalations.length === 0) return;
    const payload = escalations.map(({ eventId, ordinal, event: { data } }) => ({
      feed_order: ordinal,
      event_id: eventId,
      complaint_id: data.complaintId,
      reason: data.reason,
      source: data.source,
      agency_code: data.agencyCode,
      escalated_at: data.escalatedAt,
    }));
    // A replayed escalation hits the primary key or the one-per-complaint rule and changes nothing.
    await sql.query(
      `INSERT INTO escalation (feed_order, event_id, complaint_id, reason, source, agency_code, escalated_at)
       SELECT feed_order, event_id, complaint_id, reason, source, agency_code, escalated_at
       FROM jsonb_to_recordset($1::jsonb) AS r(feed_order bigint, event_id uuid, complaint_id uuid, reason text,
         source text, agency_code text, escalated_at timestamptz)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(payload)],
    );
  },
});
