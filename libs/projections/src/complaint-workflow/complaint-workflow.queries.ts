import type { DataSource } from 'typeorm';

/** The durable deadline schedule, as the scanner reads it. */
export class ComplaintWorkflowQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** Complaints whose deadlines need a look at `now`, most overdue first. */
  async dueForCheck(now: Date, limit: number): Promise<string[]> {
    const rows: { complaint_id: string }[] = await this.dataSource.query(
      `SELECT complaint_id FROM complaint_workflow WHERE next_check_at <= $1 ORDER BY next_check_at LIMIT $2`,
      [now.toISOString(), limit],
    );
    return rows.map((row) => row.complaint_id);
  }

  /** The next time any deadline needs a look, for diagnostics and tests. */
  async nextCheck(): Promise<Date | null> {
    const rows: { next: Date | null }[] = await this.dataSource.query(
      `SELECT min(next_check_at) AS next FROM complaint_workflow`,
    );
    return rows[0]?.next ?? null;
  }
}
