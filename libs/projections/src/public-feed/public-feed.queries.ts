import type { ComplaintStatus, ComplaintType } from '#aduan/complaints';
import type { DataSource } from 'typeorm';
import type { ComplaintSnapshot } from '../complaint-summary/complaint-summary.queries.js';
import { ComplaintSummaryEntity } from '../complaint-summary/complaint-summary.entity.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { InvalidCursorError, type Page } from '../page.js';

/**
 * Statuses the public sees: a report is published once an operator has verified it (or disposed it),
 * never while it is unverified, on hold or archived at triage.
 */
export const PUBLIC_STATUSES: readonly ComplaintStatus[] = [
  'VERIFIED',
  'FORWARDED',
  'RESPONDED',
  'ESCALATED',
  'SANCTIONED',
  'CLOSED',
];

export interface PublicFeedQuery {
  readonly agencyCode?: string | null;
  readonly status?: ComplaintStatus | null;
  readonly type?: ComplaintType | null;
  readonly first: number;
  readonly after?: string | null;
}

const CURSOR_KIND = 'public';

/** The public feed: non-confidential, verified complaints, newest first. Callers strip identities. */
export class PublicFeedQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: PublicFeedQuery): Promise<Page<ComplaintSnapshot>> {
    const statuses = query.status ? PUBLIC_STATUSES.filter((s) => s === query.status) : PUBLIC_STATUSES;
    if (statuses.length === 0) return { items: [], hasNextPage: false, endCursor: null };
    const builder = this.dataSource
      .getRepository(ComplaintSummaryEntity)
      .createQueryBuilder('c')
      .select(['c.state', 'c.version', 'c.listOrder'])
      .where('NOT c.confidential')
      .andWhere('c.status IN (:...statuses)', { statuses })
      .orderBy('c.list_order', 'DESC')
      .limit(query.first + 1);
    if (query.agencyCode) builder.andWhere('c.assigned_agency_code = :agencyCode', { agencyCode: query.agencyCode });
    if (query.type) builder.andWhere('c.complaint_type = :type', { type: query.type });
    if (query.after) {
      const before = decodeCursor(CURSOR_KIND, query.after);
      if (before === null) throw new InvalidCursorError(query.after);
      builder.andWhere('c.list_order < :before', { before });
    }
    const rows = await builder.getMany();
    const items = rows.slice(0, query.first).map((row) => ({
      node: { state: row.state, version: row.version },
      cursor: encodeCursor(CURSOR_KIND, Number(row.listOrder)),
    }));
    return { items, hasNextPage: rows.length > query.first, endCursor: items.at(-1)?.cursor ?? null };
  }
}
