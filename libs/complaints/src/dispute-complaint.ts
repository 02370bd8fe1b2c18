import type { CommandActor } from './actor.js';
import { InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintEscalated } from './complaint.events.js';
import type { ComplaintState } from './complaint.js';
import type { DeadlineSchedule } from './deadlines.js';
import { escalateComplaint } from './escalate-complaint.js';
import { existing, requireReporter } from './workflow-rules.js';

export interface DisputeComplaint {
  readonly complaintId: string;
  /** Why the answer does not settle it, 5–2000 characters. */
  readonly reason: string;
  readonly actor: CommandActor;
  readonly accessKey?: string | null;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

/**
 * The reporter disputes the agency's answer: the complaint goes to the Ombudsman (a reporter's
 * escalation), whose DISPUTE deadline starts.
 */
export function disputeComplaint(command: DisputeComplaint, state: ComplaintState): ComplaintEscalated {
  const complaint = existing(state, command.complaintId);
  requireReporter(command.actor, complaint, command.accessKey, 'dispute an answer');
  if (complaint.status !== 'RESPONDED') {
    throw new InvalidComplaintTransition('dispute', complaint.status, 'only an answered complaint can be disputed');
  }
  return escalateComplaint(command, complaint);
}
