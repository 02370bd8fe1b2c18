/** The facts about agencies a decision needs, looked up by the caller and passed in. */
export interface AgencyDirectory {
  exists(agencyCode: string): boolean;
}
