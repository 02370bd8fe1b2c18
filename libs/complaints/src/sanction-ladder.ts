import type { SanctionKind } from './complaint.events.js';
import { deadlinesOf, type Complaint } from './complaint.js';

/**
 * The next tier of Law 25/2009 art. 54–55 when a sanction is not remedied in its REMEDY period: a
 * written reprimand is followed by release from office; further tiers up to dishonourable dismissal;
 * for a body, a licence freeze by revocation. Null at the top of a ladder.
 */
export const NEXT_SANCTION_TIER: Readonly<Record<SanctionKind, SanctionKind | null>> = {
  WRITTEN_REPRIMAND: 'RELEASE_FROM_OFFICE',
  SALARY_REDUCTION: 'DEMOTION',
  DEMOTION: 'RELEASE_FROM_OFFICE',
  RELEASE_FROM_OFFICE: 'HONORABLE_DISMISSAL',
  HONORABLE_DISMISSAL: 'DISHONORABLE_DISMISSAL',
  DISHONORABLE_DISMISSAL: null,
  LICENSE_FREEZE: 'LICENSE_REVOCATION',
  LICENSE_REVOCATION: null,
};

/**
 * NOT_SANCTIONED: no sanction yet (an escalated complaint starts at WRITTEN_REPRIMAND).
 * AWAITING_REMEDY: the latest sanction's REMEDY period runs. REMEDIED: the agency remedied it.
 * NEXT_TIER_DUE: the period lapsed unremedied; `recommendedKind` is due. TOP_TIER: nothing heavier remains.
 */
export type SanctionLadderStage = 'NOT_SANCTIONED' | 'AWAITING_REMEDY' | 'REMEDIED' | 'NEXT_TIER_DUE' | 'TOP_TIER';

export interface SanctionLadder {
  readonly stage: SanctionLadderStage;
  readonly latestKind: SanctionKind | null;
  /** The tier the ladder points to next: due now when NEXT_TIER_DUE, if unremedied otherwise. */
  readonly recommendedKind: SanctionKind | null;
  /** When the latest sanction's REMEDY period ends (or ended). */
  readonly remedyDueAt: string | null;
}

/**
 * Where a complaint stands on the sanction ladder. Advisory: the Ombudsman decides each sanction
 * (and may go straight to a heavier one); the ladder makes the due tier visible.
 */
export function sanctionLadderOf(complaint: Complaint): SanctionLadder {
  const latest = complaint.sanctions.at(-1);
  if (!latest) {
    return {
      stage: 'NOT_SANCTIONED',
      latestKind: null,
      recommendedKind: complaint.escalation ? 'WRITTEN_REPRIMAND' : null,
      remedyDueAt: null,
    };
  }
  const next = NEXT_SANCTION_TIER[latest.kind];
  const remedy = deadlinesOf(complaint).findLast((r) => r.kind === 'REMEDY');
  const base = { latestKind: latest.kind, recommendedKind: next, remedyDueAt: remedy?.dueAt ?? null };
  if (remedy?.status === 'MET' || (remedy?.status === 'BREACHED' && remedy.closedAt !== null)) {
    return { ...base, stage: 'REMEDIED', recommendedKind: null };
  }
  if (remedy?.status === 'BREACHED') return { ...base, stage: next === null ? 'TOP_TIER' : 'NEXT_TIER_DUE' };
  return { ...base, stage: 'AWAITING_REMEDY' };
}
