import type { CommandActor } from './actor.js';
import { ActionNotAllowed, ComplaintNotFound, InvalidComplaintInput } from './complaint.errors.js';
import type { Complaint, ComplaintState } from './complaint.js';
import { isReporter } from './reporter-access.js';

/** The complaint, or COMPLAINT_NOT_FOUND when the stream holds none. */
export function existing(state: ComplaintState, complaintId: string): Complaint {
  if (state.status === 'NONE') throw new ComplaintNotFound(complaintId);
  return state;
}

export function requireRole(actor: CommandActor, role: CommandActor['role'], action: string): void {
  if (actor.role !== role) throw new ActionNotAllowed(`Only ${article(role)} ${role.replace('_', ' ')} can ${action}`);
}

/** The reporter proves who they are with their account or with the access key handed out at submit time. */
export function requireReporter(
  actor: CommandActor,
  complaint: Complaint,
  accessKey: string | null | undefined,
  action: string,
): void {
  if (!isReporter(actor, complaint, accessKey)) {
    throw new ActionNotAllowed(`Only the reporter (signed in, or with the complaint's access key) can ${action}`);
  }
}

/** A satisfaction rating: a whole number from 1 (very unsatisfied) to 5 (very satisfied). */
export function ratingOf(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new InvalidComplaintInput('rating', 'must be a whole number from 1 to 5');
  }
  return value;
}

const article = (word: string): string => (/^[aeiou]/.test(word) ? 'an' : 'the');
