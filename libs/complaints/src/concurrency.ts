import type { Role } from './actor.js';
import type { ComplaintEventType } from './complaint.events.js';

/**
 * Events that decide nothing a later command depends on, each with the one role that writes it. A
 * command a client decided on an earlier version is still what the client meant after them, so it may
 * be decided again on the newer state instead of answering a conflict.
 * - The system's deadline annotations (a warning, a non-escalating breach) change no status, no
 *   assignment and nothing a person's command decides on; the escalation and the auto-close they may
 *   lead to are events of their own, and decisive.
 * - An operator's erasure of the reporter's identity changes only the contact, which no decision reads:
 *   deciders see the sealed form or none (reporter-identity.ts), the reporter is recognised by account
 *   or access key (reporter-access.ts), and erasing again decides nothing.
 */
export const NON_DECISIVE_EVENTS: Readonly<Partial<Record<ComplaintEventType, Role>>> = {
  ComplaintDeadlineWarned: 'system',
  ComplaintDeadlineBreached: 'system',
  ReporterIdentityErased: 'operator',
};

/**
 * Whether an event appended after a client's expected version leaves the client's decision valid: of a
 * type that decides nothing, written by the role that writes it ({@link NON_DECISIVE_EVENTS}). The same
 * type written by anyone else is not recognised, so it answers a conflict as any other event does.
 */
export const leavesDecisionValid = (event: { readonly type: string; readonly actorRole: string }): boolean =>
  Object.hasOwn(NON_DECISIVE_EVENTS, event.type) &&
  NON_DECISIVE_EVENTS[event.type as ComplaintEventType] === event.actorRole;
