/**
 * Roles of the people and systems acting on complaints. `public` is a caller without a token
 * (an anonymous citizen); `system` is Aduan itself, e.g. the deadline policy.
 */
export const ROLES = [
  'public',
  'citizen',
  'operator',
  'agency_officer',
  'ombudsman',
  'auditor',
  'sp4n',
  'system',
] as const;
export type Role = (typeof ROLES)[number];

/** Who issues a command: an identity checked at the edge, passed in as a fact. */
export interface CommandActor {
  readonly id: string;
  readonly role: Role;
  /** The officer's agency; null for roles not tied to one. */
  readonly agencyCode: string | null;
}

export const isOfficerOf = (actor: CommandActor, agencyCode: string | null): boolean =>
  actor.role === 'agency_officer' && agencyCode !== null && actor.agencyCode === agencyCode;
