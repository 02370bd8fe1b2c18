import type { DataSource } from 'typeorm';
import { MoreThan } from 'typeorm';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { InvalidCursorError, type Page } from '../page.js';
import { EscalationEntity } from './escalation.entity.js';

export interface EscalationRecord {
  readonly feedOrder: number;
  readonly complaintId: string;
  readonly reason: string;
  readonly source: string;
  readonly agencyCode: string | null;
  readonly escalatedAt: Date;
}

const CURSOR_KIND = 'escalation';

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
}
