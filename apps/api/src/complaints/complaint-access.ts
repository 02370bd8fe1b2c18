import type { Complaint } from '#aduan/complaints';
import type { Caller } from '#aduan/identity';
import type { ComplaintScope } from '#aduan/projections';
import { forbidden, unauthenticated } from '../graphql/api-errors.js';

// Roles with a mandate over every complaint: triage, oversight, audit and the national integration.
const OVERSEERS: ReadonlySet<Caller['role']> = new Set(['operator', 'ombudsman', 'auditor', 'sp4n']);

/** Who may see a complaint at all: overseers, the agencies it was assigned to, and its reporter. */
export function canView(caller: Caller, complaint: Complaint): boolean {
  if (OVERSEERS.has(caller.role)) return true;
  if (caller.role === 'agency_officer')
    return caller.agencyCode !== null && complaint.assignmentTrail.includes(caller.agencyCode);
  if (caller.role === 'citizen') return complaint.reporterId !== null && complaint.reporterId === caller.id;
  return false;
}

export function assertCanView(caller: Caller, complaint: Complaint): void {
  if (caller.role === 'public') throw unauthenticated('Sign in to see complaints');
  if (!canView(caller, complaint)) throw forbidden('You may not see this complaint');
}

/**
 * Who may see the reporter's identity. An anonymous reporter is known only to themselves and to the
 * operators who triage (never to an agency, the Ombudsman, auditors or the national feed).
 */
export function canSeeReporter(caller: Caller, complaint: Complaint): boolean {
  if (caller.role === 'citizen' && complaint.reporterId !== null && complaint.reporterId === caller.id) return true;
  if (caller.role === 'operator') return true;
  if (complaint.anonymous) return false;
  return canView(caller, complaint);
}

/** The slice of the complaint list a caller may page through. */
export function listScope(caller: Caller): ComplaintScope {
  if (OVERSEERS.has(caller.role)) return { kind: 'all' };
  if (caller.role === 'agency_officer' && caller.agencyCode) return { kind: 'agency', agencyCode: caller.agencyCode };
  if (caller.role === 'citizen') return { kind: 'reporter', reporterId: caller.id };
  throw unauthenticated('Sign in to list complaints');
}
