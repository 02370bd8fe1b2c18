import type { ComplaintFacts } from '../complaint-workflow/complaint-facts.js';

/** Counts and times for one group of complaints (an agency's, or a category's, in one month). */
export interface StatisticsFigures {
  readonly received: number;
  readonly verified: number;
  readonly responded: number;
  readonly respondedOnTime: number;
  /** Share of answered complaints answered on time, in percent; null when none was answered. */
  readonly respondedOnTimePercent: number | null;
  /** Seconds from receipt to first answer. */
  readonly medianResponseSeconds: number | null;
  readonly p90ResponseSeconds: number | null;
  readonly escalated: number;
  readonly sanctioned: number;
  readonly ratings: number;
  readonly satisfactionAverage: number | null;
  /** Complaints whose RESPONSE deadline passed unanswered. */
  readonly missedResponseDeadline: number;
  /** The "red mark": the group has complaints that went unanswered past the legal deadline. */
  readonly redMark: boolean;
  /** Escalated reports the Ombudsman accepted for examination / did not accept. */
  readonly ombudsmanAccepted: number;
  readonly ombudsmanRejected: number;
  /** Complaints with an Ombudsman recommendation; with every one reported implemented; with one overdue. */
  readonly recommended: number;
  readonly recommendationImplemented: number;
  readonly recommendationOverdue: number;
}

export interface AgencyStatistics extends StatisticsFigures {
  /** Null for national triage (complaints not yet with an agency). */
  readonly agencyCode: string | null;
  /** YYYY-MM, the month of receipt in the working calendar's time zone. */
  readonly period: string;
}

export interface CategoryStatistics extends StatisticsFigures {
  readonly category: string | null;
  readonly period: string;
}

/** Linear interpolation between closest ranks, as PostgreSQL's percentile_cont. */
export function percentile(sorted: readonly number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/**
 * The statistics of a group of complaints, computed from their facts: the specification the SQL
 * aggregation in statistics.queries.ts follows (and a replay of the store is checked against).
 */
export function figuresOf(facts: readonly ComplaintFacts[]): StatisticsFigures {
  const times = facts
    .map((f) => f.responseSeconds)
    .filter((s): s is number => s !== null)
    .sort((a, b) => a - b);
  const ratings = facts.map((f) => f.rating).filter((r): r is number => r !== null);
  const responded = facts.filter((f) => f.firstResponseAt !== null).length;
  const respondedOnTime = facts.filter((f) => f.respondedOnTime === true).length;
  const missed = facts.filter((f) => f.missedResponseDeadline).length;
  return {
    received: facts.length,
    verified: facts.filter((f) => f.verifiedAt !== null).length,
    responded,
    respondedOnTime,
    respondedOnTimePercent: responded === 0 ? null : (100 * respondedOnTime) / responded,
    medianResponseSeconds: percentile(times, 0.5),
    p90ResponseSeconds: percentile(times, 0.9),
    escalated: facts.filter((f) => f.escalated).length,
    sanctioned: facts.filter((f) => f.sanctionCount > 0).length,
    ratings: ratings.length,
    satisfactionAverage: ratings.length === 0 ? null : ratings.reduce((a, b) => a + b, 0) / ratings.length,
    missedResponseDeadline: missed,
    redMark: missed > 0,
    ombudsmanAccepted: facts.filter((f) => f.ombudsmanDecision === 'ACCEPTED').length,
    ombudsmanRejected: facts.filter((f) => f.ombudsmanDecision === 'REJECTED').length,
    recommended: facts.filter((f) => f.recommended).length,
    recommendationImplemented: facts.filter((f) => f.recommendationImplemented).length,
    recommendationOverdue: facts.filter((f) => f.recommendationOverdue).length,
  };
}

/** Groups facts by a key and month, in key then month order (null keys first). */
export function groupFacts<K extends string | null>(
  facts: readonly ComplaintFacts[],
  keyOf: (facts: ComplaintFacts) => K,
  monthOf: (instant: Date) => string,
): { key: K; period: string; facts: ComplaintFacts[] }[] {
  const groups = new Map<string, { key: K; period: string; facts: ComplaintFacts[] }>();
  for (const f of facts) {
    const key = keyOf(f);
    const period = monthOf(new Date(f.receivedAt));
    const id = JSON.stringify([key, period]);
    const group = groups.get(id) ?? { key, period, facts: [] };
    group.facts.push(f);
    groups.set(id, group);
  }
  return [...groups.values()].sort(
    (a, b) => compareNullable(a.key, b.key) || (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );
}

/** Byte order, nulls first: as the SQL aggregation sorts (COLLATE "C" NULLS FIRST). */
const compareNullable = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
