import { examinationOf, type Complaint } from '#aduan/complaints';
import type { Caller } from '#aduan/identity';
import type { ComplaintScope } from '#aduan/projections';
import type { AgencyTree } from '../agencies/agency-tree.js';
import { forbidden, unauthenticated } from '../graphql/api-errors.js';

// Roles with a mandate over every complaint: triage, oversight, audit and the national integration.
const OVERSEERS: ReadonlySet<Caller['role']> = new Set(['operator', 'ombudsman', 'auditor', 'sp4n']);

/**
 * The agencies whose complaints an officer sees: their own, plus its sub-units when its level
 * supervises them (agency-tree.ts). Null for callers who are not officers.
 */
export type OfficerScope = readonly string[] | null;

export const officerScopeOf = (caller: Caller, tree: AgencyTree): OfficerScope =>
  caller.role === 'agency_officer' && caller.agencyCode !== null ? tree.scopeOf(caller.agencyCode) : null;

/**
 * Who may see a complaint at all: overseers, the agencies it was assigned to or an Ombudsman
 * recommendation is addressed to (and, given the officer's scope, the agencies above them that
 * supervise), and its reporter.
 */
export function canView(caller: Caller, complaint: Complaint, scope: OfficerScope = null): boolean {
  if (OVERSEERS.has(caller.role)) return true;
  if (caller.role === 'agency_officer') {
    if (caller.agencyCode === null) return false;
    const agencies = scope ?? [caller.agencyCode];
    const recommended = examinationOf(complaint)?.recommendations.map((r) => r.agencyCode) ?? [];
    return [...complaint.assignmentTrail, ...recommended].some((code) => agencies.includes(code));
  }
  if (caller.role === 'citizen') return complaint.reporterId !== null && complaint.reporterId === caller.id;
  return false;
}

export function assertCanView(caller: Caller, complaint: Complaint, scope: OfficerScope = null): void {
  if (caller.role === 'public') throw unauthenticated('Sign in to see complaints');
  if (!canView(caller, complaint, scope)) throw forbidden('You may not see this complaint');
}

/**
 * Who may see the reporter's identity. An anonymous reporter is known only to themselves and to the
 * operators who triage (never to an agency, the Ombudsman, auditors or the national feed).
 */
export function canSeeReporter(caller: Caller, complaint: Complaint, scope: OfficerScope = null): boolean {
  if (caller.role === 'citizen' && complaint.reporterId !== null && complaint.reporterId === caller.id) return true;
  if (caller.role === 'operator') return true;
  if (complaint.anonymous) return false;
  return canView(caller, complaint, scope);
}

/** The slice of the complaint list a caller may page through. */
export function listScope(caller: Caller, scope: OfficerScope = null): ComplaintScope {
  if (OVERSEERS.has(caller.role)) return { kind: 'all' };
  if (caller.role === 'agency_officer' && caller.agencyCode && scope && scope.length > 1) {
    return { kind: 'agencies', agencyCodes: scope };
  }
  if (caller.role === 'agency_officer' && caller.agencyCode) return { kind: 'agency', agencyCode: caller.agencyCode };
  if (caller.role === 'citizen') return { kind: 'reporter', reporterId: caller.id };
  throw unauthenticated('Sign in to list complaints');
}
