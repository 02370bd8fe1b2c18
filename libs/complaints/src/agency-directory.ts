/** The facts about agencies a decision needs, looked up by the caller and passed in. */
export interface AgencyDirectory {
  exists(agencyCode: string): boolean;
  /**
   * The agency's parent in the tree (national → ministry/agency/province → regency/city → work unit →
   * district); null at the root. A directory that does not know the tree leaves it out, and the tree
   * rules then do not apply.
   */
  parentOf?(agencyCode: string): string | null;
}

/** The agency's ancestors, nearest first (empty when the directory does not know the tree). */
export function ancestorsOf(agencies: AgencyDirectory, agencyCode: string): string[] {
  const ancestors: string[] = [];
  let current = agencies.parentOf?.(agencyCode) ?? null;
  while (current !== null && !ancestors.includes(current)) {
    ancestors.push(current);
    current = agencies.parentOf?.(current) ?? null;
  }
  return ancestors;
}

/**
 * Where an agency's officer may forward a complaint along the tree: down to its own sub-units, up to
 * its parent, or across to a sibling (another unit of the same parent). Operators route anywhere.
 */
export function isWithinReach(agencies: AgencyDirectory, from: string, to: string): boolean {
  if (!agencies.parentOf) return true;
  const parent = agencies.parentOf(from);
  return (
    ancestorsOf(agencies, to).includes(from) || to === parent || (parent !== null && agencies.parentOf(to) === parent)
  );
}

/**
 * Where a complaint goes when its agency declares it not its authority: to the parent, unless the parent
 * is the tree's root (the national administrator), whose queue is national triage (null).
 */
export function returnTargetOf(agencies: AgencyDirectory, agencyCode: string): string | null {
  const parent = agencies.parentOf?.(agencyCode) ?? null;
  if (parent === null) return null;
  return (agencies.parentOf?.(parent) ?? null) === null ? null : parent;
}
