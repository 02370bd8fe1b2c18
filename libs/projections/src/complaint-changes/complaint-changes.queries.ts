import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { InvalidCursorError, type Page } from '../page.js';

export interface ComplaintChangeRecord {
  readonly ordinal: number;
  readonly complaintId: string;
  readonly nationalTrackingId: string | null;
  readonly trackingCode: string;
  readonly previousStatus: string | null;
  readonly newStatus: string;
  readonly eventType: string;
  readonly changedAt: Date;
}

interface ChangeRow {
  ordinal: string;
  complaint_id: string;
  national_tracking_id: string | null;
  tracking_code: string;
  previous_status: string | null;
  new_status: string;
  event_type: string;
  changed_at: Date;
}

const CURSOR_KIND = 'change';

export class ComplaintChangeQueries {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Status changes in the store's global order. The projector commits them in that order, a batch per
   * transaction, so a client paging with `after` never misses or repeats one while new ones arrive.
   */
  async list(first: number, after?: string | null): Promise<Page<ComplaintChangeRecord>> {
    let from = 0;
    if (after) {
      const key = decodeCursor(CURSOR_KIND, after);
      if (key === null) throw new InvalidCursorError(after);
      from = key;
    }
    const rows: ChangeRow[] = await this.dataSource.query(
      `SELECT ordinal, complaint_id, national_tracking_id, tracking_code, previous_status, new_status, event_type, changed_at
       FROM complaint_status_change WHERE ordinal > $1 ORDER BY ordinal LIMIT $2`,
      [from, first + 1],
    );
    const items = rows.slice(0, first).map((row) => ({
      node: {
        ordinal: Number(row.ordinal),
        complaintId: row.complaint_id,
        nationalTrackingId: row.national_tracking_id,
        trackingCode: row.tracking_code,
        previousStatus: row.previous_status,
        newStatus: row.new_status,
        eventType: row.event_type,
        changedAt: new Date(row.changed_at),
      },
      cursor: encodeCursor(CURSOR_KIND, Number(row.ordinal)),
    }));
    return { items, hasNextPage: rows.length > first, endCursor: items.at(-1)?.cursor ?? after ?? null };
  }
}
