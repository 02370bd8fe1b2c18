import type { Complaint, ComplaintStatus } from '#aduan/complaints';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { InvalidCursorError, type Page } from '../page.js';
import { ComplaintSummaryEntity } from './complaint-summary.entity.js';

/** A complaint as the read model holds it: its state and the stream revision it reflects. */
export interface ComplaintSnapshot {
  readonly state: Complaint;
  readonly version: number;
}

/** Which complaints a caller may list, decided by the API from the caller's role. */
export type ComplaintScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'agency'; readonly agencyCode: string }
  /** An officer of a supervising agency: complaints ever assigned to it or to any of its sub-units. */
  | { readonly kind: 'agencies'; readonly agencyCodes: readonly string[] }
  | { readonly kind: 'reporter'; readonly reporterId: string };

export interface ComplaintListQuery {
  readonly scope: ComplaintScope;
  readonly status?: ComplaintStatus | null;
  readonly agencyCode?: string | null;
  readonly first: number;
  readonly after?: string | null;
}

const CURSOR_KIND = 'complaint';

export class ComplaintSummaryQueries {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<ComplaintSnapshot | null> {
    const row = await this.dataSource
      .getRepository(ComplaintSummaryEntity)
      .findOne({ where: { id }, select: { state: true, version: true } });
    return row ? { state: row.state, version: row.version } : null;
  }

  /** The complaint a tracking code names, if the read model has it. */
  async findByTrackingCode(trackingCode: string): Promise<ComplaintSnapshot | null> {
    const row = await this.dataSource
      .getRepository(ComplaintSummaryEntity)
      .findOne({ where: { trackingCode }, select: { state: true, version: true } });
    return row ? { state: row.state, version: row.version } : null;
  }

  /** Newest first; a cursor is the submit's place in the global order, so new arrivals never shift a page. */
  async list(query: ComplaintListQuery): Promise<Page<ComplaintSnapshot>> {
    const builder = this.dataSource
      .getRepository(ComplaintSummaryEntity)
      .createQueryBuilder('c')
      .select(['c.state', 'c.version', 'c.listOrder'])
      .orderBy('c.list_order', 'DESC')
      .limit(query.first + 1);
    const scope = query.scope;
    if (scope.kind === 'agency')
      builder.andWhere(':scopeAgency = ANY(c.assignment_trail)', { scopeAgency: scope.agencyCode });
    if (scope.kind === 'agencies')
      builder.andWhere('c.assignment_trail && :scopeAgencies::text[]', { scopeAgencies: [...scope.agencyCodes] });
    if (scope.kind === 'reporter') builder.andWhere('c.reporter_id = :reporterId', { reporterId: scope.reporterId });
    if (query.status) builder.andWhere('c.status = :status', { status: query.status });
    if (query.agencyCode) builder.andWhere('c.assigned_agency_code = :agencyCode', { agencyCode: query.agencyCode });
    if (query.after) {
      const before = decodeCursor(CURSOR_KIND, query.after);
      if (before === null) throw new InvalidCursorError(query.after);
      builder.andWhere('c.list_order < :before', { before });
    }
    const rows = await builder.getMany();
    const page = rows.slice(0, query.first);
    const items = page.map((row) => ({
      node: { state: row.state, version: row.version },
      cursor: encodeCursor(CURSOR_KIND, Number(row.listOrder)),
    }));
    return { items, hasNextPage: rows.length > query.first, endCursor: items.at(-1)?.cursor ?? null };
  }
}
