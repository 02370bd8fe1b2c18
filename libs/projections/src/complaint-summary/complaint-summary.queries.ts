import type { Complaint, ComplaintStatus } from '#aduan/complaints';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { InvalidCursorError, type Page } from '../page.js';

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

  /**
   * Reads are plain SQL: building them through TypeORM's query builder and hydrating entities took
   * more of a complaint(id) request's CPU than PostgreSQL did (measured under load).
   */
  findById(id: string): Promise<ComplaintSnapshot | null> {
    return this.findOne('SELECT state, version FROM complaint_summary WHERE id = $1', id);
  }

  /** The complaint a tracking code names, if the read model has it. */
  findByTrackingCode(trackingCode: string): Promise<ComplaintSnapshot | null> {
    return this.findOne('SELECT state, version FROM complaint_summary WHERE tracking_code = $1', trackingCode);
  }

  private async findOne(sql: string, key: string): Promise<ComplaintSnapshot | null> {
    const rows: { state: Complaint; version: number }[] = await this.dataSource.query(sql, [key]);
    const row = rows[0];
    return row ? { state: row.state, version: Number(row.version) } : null;
  }

  /** Newest first; a cursor is the submit's place in the global order, so new arrivals never shift a page. */
  async list(query: ComplaintListQuery): Promise<Page<ComplaintSnapshot>> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (condition: (placeholder: string) => string, value: unknown): void => {
      params.push(value);
      conditions.push(condition(`$${params.length}`));
    };
    const scope = query.scope;
    if (scope.kind === 'agency') where((p) => `${p} = ANY(assignment_trail)`, scope.agencyCode);
    if (scope.kind === 'agencies') where((p) => `assignment_trail && ${p}::text[]`, [...scope.agencyCodes]);
    if (scope.kind === 'reporter') where((p) => `reporter_id = ${p}`, scope.reporterId);
    if (query.status) where((p) => `status = ${p}`, query.status);
    if (query.agencyCode) where((p) => `assigned_agency_code = ${p}`, query.agencyCode);
    if (query.after) {
      const before = decodeCursor(CURSOR_KIND, query.after);
      if (before === null) throw new InvalidCursorError(query.after);
      where((p) => `list_order < ${p}`, before);
    }
    params.push(query.first + 1);
    const rows: { state: Complaint; version: number; list_order: number | string }[] = await this.dataSource.query(
      `SELECT state, version, list_order FROM complaint_summary
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY list_order DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, query.first);
    const items = page.map((row) => ({
      node: { state: row.state, version: Number(row.version) },
      cursor: encodeCursor(CURSOR_KIND, Number(row.list_order)),
    }));
    return { items, hasNextPage: rows.length > query.first, endCursor: items.at(-1)?.cursor ?? null };
  }
}
