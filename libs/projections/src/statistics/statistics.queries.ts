import type { DataSource } from 'typeorm';
import type { AgencyStatistics, CategoryStatistics, StatisticsFigures } from './statistics.js';

export interface StatisticsQuery {
  /** Months of receipt, inclusive, YYYY-MM. */
  readonly fromMonth: string;
  readonly toMonth: string;
  /** Instants bounding those months in the calendar's time zone: [from, until). */
  readonly from: Date;
  readonly until: Date;
  readonly timeZone: string;
  readonly agencyCodes?: readonly string[] | null;
}

interface FigureRow {
  key: string | null;
  period: string;
  received: number;
  verified: number;
  responded: number;
  responded_on_time: number;
  median: number | null;
  p90: number | null;
  escalated: number;
  sanctioned: number;
  ratings: number;
  satisfaction: string | number | null;
  missed: number;
  accepted: number;
  rejected: number;
  recommended: number;
  implemented: number;
  overdue: number;
}

const FIGURES = `
  count(*)::int AS received,
  count(verified_at)::int AS verified,
  count(first_response_at)::int AS responded,
  (count(*) FILTER (WHERE responded_on_time))::int AS responded_on_time,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY response_seconds) AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY response_seconds) AS p90,
  (count(*) FILTER (WHERE escalated))::int AS escalated,
  (count(*) FILTER (WHERE sanction_count > 0))::int AS sanctioned,
  count(rating)::int AS ratings,
  avg(rating)::float8 AS satisfaction,
  (count(*) FILTER (WHERE missed_response_deadline))::int AS missed,
  (count(*) FILTER (WHERE ombudsman_decision = 'ACCEPTED'))::int AS accepted,
  (count(*) FILTER (WHERE ombudsman_decision = 'REJECTED'))::int AS rejected,
  (count(*) FILTER (WHERE recommended))::int AS recommended,
  (count(*) FILTER (WHERE recommendation_implemented))::int AS implemented,
  (count(*) FILTER (WHERE recommendation_overdue))::int AS overdue`;

/** Statistics per agency and per service category, aggregated from the complaint-workflow read model. */
export class StatisticsQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byAgency(query: StatisticsQuery): Promise<AgencyStatistics[]> {
    const rows = await this.aggregate('agency_code', query);
    return rows.map((row) => ({ agencyCode: row.key, period: row.period, ...figures(row) }));
  }

  async byCategory(query: StatisticsQuery): Promise<CategoryStatistics[]> {
    const rows = await this.aggregate('category', query);
    return rows.map((row) => ({ category: row.key, period: row.period, ...figures(row) }));
  }

  private aggregate(column: 'agency_code' | 'category', query: StatisticsQuery): Promise<FigureRow[]> {
    const agencyFilter = query.agencyCodes ? 'AND agency_code = ANY($4::text[])' : '';
    return this.dataSource.query(
      `SELECT ${column} AS key, to_char(received_at AT TIME ZONE $3, 'YYYY-MM') AS period, ${FIGURES}
       FROM complaint_workflow
       WHERE received_at >= $1 AND received_at < $2 ${agencyFilter}
       GROUP BY 1, 2
       ORDER BY ${column} COLLATE "C" NULLS FIRST, 2`,
      [
        query.from.toISOString(),
        query.until.toISOString(),
        query.timeZone,
        ...(query.agencyCodes ? [query.agencyCodes] : []),
      ],
    );
  }
}

function figures(row: FigureRow): StatisticsFigures {
  const satisfaction = row.satisfaction === null ? null : Number(row.satisfaction);
  return {
    received: row.received,
    verified: row.verified,
    responded: row.responded,
    respondedOnTime: row.responded_on_time,
    respondedOnTimePercent: row.responded === 0 ? null : (100 * row.responded_on_time) / row.responded,
    medianResponseSeconds: row.median,
    p90ResponseSeconds: row.p90,
    escalated: row.escalated,
    sanctioned: row.sanctioned,
    ratings: row.ratings,
    satisfactionAverage: satisfaction,
    missedResponseDeadline: row.missed,
    redMark: row.missed > 0,
    ombudsmanAccepted: row.accepted,
    ombudsmanRejected: row.rejected,
    recommended: row.recommended,
    recommendationImplemented: row.implemented,
    recommendationOverdue: row.overdue,
  };
}
