import type { Caller } from '#aduan/identity';
import type { EscalationJurisdiction } from '#aduan/projections';
import { forbidden } from '../graphql/api-errors.js';
import type { AgencyTree } from '../agencies/agency-tree.js';
import type { AgencyDirectory } from '#aduan/agencies';

/** The national Ombudsman: the office of an ombudsman token without an agency, and it sees every escalation. */
export const NATIONAL_OMBUDSMAN = 'OMBUDSMAN-RI';

export interface OmbudsmanOffice {
  /** The office acknowledgements are kept for, e.g. OMBUDSMAN-KALSEL. */
  readonly code: string;
  /** Agencies whose escalations it handles; null for every one. */
  readonly jurisdiction: EscalationJurisdiction;
}

/**
 * The Ombudsman office an ombudsman caller speaks for: the token's agency, OMBUDSMAN-RI when none.
 * A regional office handles escalations whose agency lies in its province (its `jurisdictionCode`
 * and every agency below it); an agency that is neither is refused.
 */
export function ombudsmanOfficeOf(caller: Caller, directory: AgencyDirectory, tree: AgencyTree): OmbudsmanOffice {
  const code = caller.agencyCode ?? NATIONAL_OMBUDSMAN;
  if (code === NATIONAL_OMBUDSMAN) return { code, jurisdiction: null };
  const province = directory.get(code)?.jurisdictionCode;
  if (!province) throw forbidden(`${code} is not an Ombudsman office with a jurisdiction`);
  return { code, jurisdiction: [province, ...tree.descendantsOf(province)] };
}

/** The office an ombudsman caller acts for in a command; null for every other caller (the domain refuses them). */
export const actingOfficeOf = (caller: Caller, directory: AgencyDirectory, tree: AgencyTree): OmbudsmanOffice | null =>
  caller.role === 'ombudsman' ? ombudsmanOfficeOf(caller, directory, tree) : null;
