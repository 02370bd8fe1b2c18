import { isOfficerOf, type CommandActor } from './actor.js';
import { ActionNotAllowed, ComplaintNotFound, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintResponded } from './complaint.events.js';
import type { ComplaintState } from './complaint.js';
import { requiredText } from './validation.js';

export interface RespondToComplaint {
  readonly complaintId: string;
  readonly message: string;
  readonly actor: CommandActor;
  readonly now: Date;
}

/** The assigned agency answers. Follow-up answers are allowed until the complaint is escalated. */
export function respondToComplaint(command: RespondToComplaint, state: ComplaintState): ComplaintResponded {
  if (state.status === 'NONE') throw new ComplaintNotFound(command.complaintId);
  if (state.status === 'SUBMITTED') {
    throw new InvalidComplaintTransition('respond to', state.status, 'it has not been forwarded to an agency yet');
  }
  if (!isOfficerOf(command.actor, state.assignedAgencyCode)) {
    throw new ActionNotAllowed(`Only an officer of the assigned agency (${state.assignedAgencyCode}) can respond`);
  }
  if (state.status === 'ESCALATED' || state.status === 'SANCTIONED') {
    throw new InvalidComplaintTransition('respond to', state.status, 'it is with the Ombudsman');
  }
  return {
    type: 'ComplaintResponded',
    data: {
      complaintId: state.id,
      agencyCode: state.assignedAgencyCode,
      message: requiredText('message', command.message, 5, 5000),
      respondedAt: command.now.toISOString(),
      onTime: command.now.getTime() <= Date.parse(state.dueAt),
    },
  };
}
