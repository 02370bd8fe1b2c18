import { isOfficerOf, type CommandActor } from './actor.js';
import { ActionNotAllowed, ComplaintNotFound, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintResponded } from './complaint.events.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { openWindow, type DeadlineSchedule } from './deadlines.js';
import { requiredText } from './validation.js';

export interface RespondToComplaint {
  readonly complaintId: string;
  readonly message: string;
  readonly actor: CommandActor;
  readonly now: Date;
  /** With it, the reporter's CLOSURE window is recorded. */
  readonly schedule?: DeadlineSchedule;
}

/** The assigned agency answers. Follow-up answers are allowed until the complaint is escalated or closed. */
export function respondToComplaint(command: RespondToComplaint, state: ComplaintState): ComplaintResponded {
  if (state.status === 'NONE') throw new ComplaintNotFound(command.complaintId);
  if (state.status === 'SUBMITTED' || state.status === 'VERIFIED') {
    throw new InvalidComplaintTransition('respond to', state.status, 'it has not been forwarded to an agency yet');
  }
  if (state.status === 'ON_HOLD' || state.status === 'ARCHIVED') {
    throw new InvalidComplaintTransition('respond to', state.status, 'it is not with an agency');
  }
  if (!isOfficerOf(command.actor, state.assignedAgencyCode)) {
    throw new ActionNotAllowed(`Only an officer of the assigned agency (${state.assignedAgencyCode}) can respond`);
  }
  if (state.status === 'ESCALATED' || state.status === 'SANCTIONED') {
    throw new InvalidComplaintTransition('respond to', state.status, 'it is with the Ombudsman');
  }
  if (state.status === 'CLOSED') {
    throw new InvalidComplaintTransition('respond to', state.status, 'it is closed; the reporter may reopen it');
  }
  const deadlines = command.schedule
    ? { deadlines: [openWindow('CLOSURE', 'CLOSURE', command.now, workflowOf(state).priority, command.schedule)] }
    : {};
  return {
    type: 'ComplaintResponded',
    data: {
      complaintId: state.id,
      agencyCode: state.assignedAgencyCode,
      message: requiredText('message', command.message, 5, 5000),
      respondedAt: command.now.toISOString(),
      onTime: command.now.getTime() <= Date.parse(state.dueAt),
      ...deadlines,
    },
  };
}
