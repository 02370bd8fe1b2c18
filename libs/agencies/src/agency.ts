/** Tiers of the government tree complaints are routed along (disposisi goes downward). */
export const AGENCY_LEVELS = [
  'NATIONAL',
  'MINISTRY',
  'AGENCY',
  'REGIONAL_OFFICE',
  'PROVINCE',
  'REGENCY',
  'CITY',
  'WORK_UNIT',
  'DISTRICT',
] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export interface Agency {
  /** Stable identifier used in tokens, events and URLs, e.g. KAB-BANJAR-DINKES. */
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly level: AgencyLevel;
  /** The first word of an SMS to the short number that routes to this agency, e.g. BANJAR. */
  readonly smsKeyword: string | null;
  /**
   * Regional Ombudsman offices only: the province (e.g. PROV-KALSEL) whose agencies' escalations the
   * office handles. Absent elsewhere; the national Ombudsman (OMBUDSMAN-RI) handles every escalation.
   */
  readonly jurisdictionCode?: string | null;
}
