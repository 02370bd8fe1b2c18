import type { AgencyDirectory, AgencyLevel } from '#aduan/agencies';
import type { AgencyDirectory as DomainAgencyDirectory } from '#aduan/complaints';

/**
 * Levels whose officers supervise their sub-units and so see the complaints assigned to them: the
 * national administrator, ministries and agencies, provinces, regencies and cities. Officers of a work
 * unit (OPD), a district or a regional office see their own agency's complaints only.
 */
export const SUPERVISING_LEVELS: ReadonlySet<AgencyLevel> = new Set([
  'NATIONAL',
  'MINISTRY',
  'AGENCY',
  'PROVINCE',
  'REGENCY',
  'CITY',
]);

/** The agency directory as a tree: parents for the domain's forwarding rules, sub-units for visibility. */
export class AgencyTree implements DomainAgencyDirectory {
  private readonly children = new Map<string, string[]>();
  private readonly scopes = new Map<string, readonly string[]>();

  constructor(private readonly directory: AgencyDirectory) {
    for (const agency of directory.all()) {
      if (agency.parentCode === null) continue;
      const siblings = this.children.get(agency.parentCode) ?? [];
      siblings.push(agency.code);
      this.children.set(agency.parentCode, siblings);
    }
  }

  exists(code: string): boolean {
    return this.directory.exists(code);
  }

  parentOf(code: string): string | null {
    return this.directory.get(code)?.parentCode ?? null;
  }

  /** Every agency below this one, at any depth. */
  descendantsOf(code: string): string[] {
    const found: string[] = [];
    const queue = [...(this.children.get(code) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (found.includes(next)) continue;
      found.push(next);
      queue.push(...(this.children.get(next) ?? []));
    }
    return found;
  }

  /**
   * The agencies whose complaints an officer of this agency sees: its own, plus all its sub-units
   * when its level supervises them.
   */
  scopeOf(code: string): readonly string[] {
    let scope = this.scopes.get(code);
    if (!scope) {
      const level = this.directory.get(code)?.level;
      scope = level && SUPERVISING_LEVELS.has(level) ? [code, ...this.descendantsOf(code)] : [code];
      this.scopes.set(code, scope);
    }
    return scope;
  }
}
