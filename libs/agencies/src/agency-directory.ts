import type { AgencyDirectory as DomainAgencyDirectory } from '#aduan/complaints';
import { AGENCY_LEVELS, type Agency } from './agency.js';

/** The agency tree, validated when loaded so a bad data file fails at start, not mid-request. */
export class AgencyDirectory implements DomainAgencyDirectory {
  private readonly byCode: ReadonlyMap<string, Agency>;

  constructor(agencies: readonly Agency[]) {
    const byCode = new Map<string, Agency>();
    const keywords = new Set<string>();
    for (const agency of agencies) {
      if (!/^[A-Z0-9-]{2,64}$/.test(agency.code))
        throw new Error(`Agency code "${agency.code}" is not A–Z, 0–9 and dashes`);
      if (byCode.has(agency.code)) throw new Error(`Agency code ${agency.code} appears twice`);
      if (!AGENCY_LEVELS.includes(agency.level))
        throw new Error(`Agency ${agency.code} has unknown level ${agency.level}`);
      const keyword = agency.smsKeyword?.toUpperCase();
      if (keyword) {
        if (keywords.has(keyword)) throw new Error(`SMS keyword ${keyword} is used by two agencies`);
        keywords.add(keyword);
      }
      byCode.set(agency.code, agency);
    }
    for (const agency of agencies) {
      if (agency.parentCode !== null && !byCode.has(agency.parentCode)) {
        throw new Error(`Agency ${agency.code} names an unknown parent ${agency.parentCode}`);
      }
      if (agency.jurisdictionCode != null && !byCode.has(agency.jurisdictionCode)) {
        throw new Error(`Agency ${agency.code} names an unknown jurisdiction ${agency.jurisdictionCode}`);
      }
    }
    this.byCode = byCode;
  }

  exists(code: string): boolean {
    return this.byCode.has(code);
  }

  get(code: string): Agency | undefined {
    return this.byCode.get(code);
  }

  all(): readonly Agency[] {
    return [...this.byCode.values()];
  }

  /** Case-insensitive, as people type SMS keywords. */
  findBySmsKeyword(keyword: string): Agency | undefined {
    const wanted = keyword.toUpperCase();
    return this.all().find((agency) => agency.smsKeyword?.toUpperCase() === wanted);
  }
}
