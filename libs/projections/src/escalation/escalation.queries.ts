import type { DataSource } from 'typeorm';
import { MoreThan } from 'typeorm';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { InvalidCursorError, type Page } from '../page.js';
import { EscalationEntity } from './escalation.entity.js';

export interface EscalationRecord {
  readonly feedOrder: number;
  /** Id of the ComplaintEscalated event. */
  readonly eventId: string;
  readonly complaintId: string;
  readonly reason: string;
  readonly source: string;
  readonly agencyCode: string | null;
  readonly escalatedAt: Date;
}

const CURSOR_KIND = 'escalation';

/** Most escalations one `pending` call answers; a client acknowledges them and asks again for more. */
export const MAX_PENDING_ESCALATIONS = 100;

/**
 * Which escalations an Ombudsman office handles: every one (null), or those whose agency — the one
 * that held the complaint, else the one the reporter asked for — is among these codes.
 */
export type EscalationJurisdiction = readonly string[] | null;

interface EscalationRow {
  feed_order: string;
  event_id: string;
  complaint_id: string;
  reason: string;
  source: string;
  agency_code: string | null;
  escalated_at: Date;
}

// The escalation's agency for the region filter: assigned when escalated, else the one requested.
const IN_JURISDICTION = `($JURISDICTION::text[] IS NULL
  OR COALESCE(e.agency_code, s.requested_agency_code) = ANY($JURISDICTION::text[]))`;

export class EscalationQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Oldest first, in store order. The projector commits escalations in that order, one batch per
   * transaction, so a client paging with `after` never misses or repeats one while new ones arrive.
   */
  async list(first: number, after?: string | null): Promise<Page<EscalationRecord>> {
    let from = 0;
    if (after) {
      const key = decodeCursor(CURSOR_KIND, after);
      if (key === null) throw new InvalidCursorError(after);
      from = key;
    }
    const rows = await this.dataSource.getRepository(EscalationEntity).find({
      where: { feedOrder: MoreThan(from) },
      order: { feedOrder: 'ASC' },
      take: first + 1,
    });
    const items = rows.slice(0, first).map((row) => ({
      node: { ...row, feedOrder: Number(row.feedOrder) },
      cursor: encodeCursor(CURSOR_KIND, Number(row.feedOrder)),
    }));
    // An empty page hands back the cursor it was given, so a polling client can always pass endCursor on.
    return { items, hasNextPage: rows.length > first, endCursor: items.at(-1)?.cursor ?? after ?? null };
  }

  /**
   * Escalations in the office's jurisdiction it has not acknowledged yet, oldest first, at most
   * `limit` (capped at MAX_PENDING_ESCALATIONS). Fetching changes nothing: a client that crashes
   * before acknowledging gets the same ones again.
   */
  async pending(
    office: string,
    jurisdiction: EscalationJurisdiction,
    limit = MAX_PENDING_ESCALATIONS,
  ): Promise<EscalationRecord[]> {
    const rows: EscalationRow[] = await this.dataSource.query(
      `SELECT e.feed_order, e.event_id, e.complaint_id, e.reason, e.source, e.agency_code, e.escalated_at
       FROM escalation e
       LEFT JOIN complaint_summary s ON s.id = e.complaint_id
       WHERE ${IN_JURISDICTION.replaceAll('$JURISDICTION', '$2')}
         AND NOT EXISTS (SELECT 1 FROM escalation_acknowledgement a WHERE a.office = $1 AND a.escalation_id = e.event_id)
       ORDER BY e.feed_order
       LIMIT $3`,
      [office, jurisdiction, Math.max(1, Math.min(limit, MAX_PENDING_ESCALATIONS))],
    );
    return rows.map((row) => ({
      feedOrder: Number(row.feed_order),
      eventId: row.event_id,
      complaintId: row.complaint_id,
      reason: row.reason,
      source: row.source,
      agencyCode: row.agency_code,
      escalatedAt: new Date(row.escalated_at),
    }));
  }

  /**
   * Records that `office` received these escalations; answers how many were newly acknowledged.
   * Ids of unknown escalations, or of escalations outside the office's jurisdiction, are ignored;
   * acknowledging one twice changes nothing (the primary key is office and escalation id).
   */
  async acknowledge(
    office: string,
    jurisdiction: EscalationJurisdiction,
    ids: readonly string[],
    acknowledgedBy: string,
    acknowledgedAt: Date,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const result: unknown = await this.dataSource.query(
      `INSERT INTO escalation_acknowledgement (office, escalation_id, acknowledged_by, acknowledged_at)
       SELECT $1, e.event_id, $4, $5
       FROM escalation e
       LEFT JOIN complaint_summary s ON s.id = e.complaint_id
       WHERE e.event_id = ANY($3::uuid[]) AND ${IN_JURISDICTION.replaceAll('$JURISDICTION', '$2')}
       ON CONFLICT DO NOTHING
       RETURNING escalation_id`,
      [office, jurisdiction, [...new Set(ids)], acknowledgedBy, acknowledgedAt],
    );
    // TypeORM answers an INSERT … RETURNING with [rows, affected count] on PostgreSQL.
    const rows = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
    return rows.length;
  }
}
