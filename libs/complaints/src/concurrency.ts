import type { ComplaintEventType } from './complaint.events.js';

/**
 * Events the system appends that only annotate a deadline (a warning or a non-escalating breach): they
 * change no status, no assignment and nothing a person's command decides on. A command a client
 * decided on an earlier version is still what the client meant after them, so it may be decided again
 * on the newer state instead of answering a conflict.
 */
export const NON_DECISIVE_SYSTEM_EVENTS: ReadonlySet<ComplaintEventType> = new Set([
  'ComplaintDeadlineWarned',
  'ComplaintDeadlineBreached',
]);

/**
 * Whether an event appended after a client's expected version leaves the client's decision valid:
 * written by the system, and of a type that decides nothing ({@link NON_DECISIVE_SYSTEM_EVENTS}).
 */
export const leavesDecisionValid = (event: { readonly type: string; readonly actorRole: string }): boolean =>
  event.actorRole === 'system' && NON_DECISIVE_SYSTEM_EVENTS.has(event.type as ComplaintEventType);
