import type { CommandActor } from './actor.js';
import { ActionNotAllowed, ComplaintNotFound, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintEscalated, EscalationSource } from './complaint.events.js';
import type { Complaint, ComplaintState } from './complaint.js';
import { requiredText } from './validation.js';

export interface EscalateComplaint {
  readonly complaintId: string;
  readonly reason: string;
  readonly actor: CommandActor;
  readonly now: Date;
}

/**
 * Sends a complaint to the Ombudsman. An operator may do so at any time; the reporter once the
 * agency has answered (to dispute it) or once the legal deadline has passed; the system (the deadline
 * policy) only when the deadline has passed unanswered. A complaint is escalated at most once.
 */
export function escalateComplaint(command: EscalateComplaint, state: ComplaintState): ComplaintEscalated {
  if (state.status === 'NONE') throw new ComplaintNotFound(command.complaintId);
  const source = escalationSource(command.actor, state);
  if (state.status === 'ESCALATED' || state.status === 'SANCTIONED') {
    throw new InvalidComplaintTransition('escalate', state.status, 'it has already been escalated');
  }
  const deadlinePassed = command.now.getTime() > Date.parse(state.dueAt);
  if (source === 'REPORTER' && state.status !== 'RESPONDED' && !deadlinePassed) {
    throw new ActionNotAllowed(
      `The reporter can escalate once the agency has responded or after the deadline (${state.dueAt})`,
    );
  }
  if (source === 'SYSTEM' && (state.status === 'RESPONDED' || !deadlinePassed)) {
    throw new InvalidComplaintTransition(
      'escalate',
      state.status,
      `the system escalates only unanswered complaints past their deadline (${state.dueAt})`,
    );
  }
  return {
    type: 'ComplaintEscalated',
    data: {
      complaintId: state.id,
      reason: requiredText('reason', command.reason, 5, 2000),
      source,
      agencyCode: state.assignedAgencyCode,
      escalatedAt: command.now.toISOString(),
    },
  };
}

/** Who may escalate at all; when they may is checked against the state afterwards. */
function escalationSource(actor: CommandActor, complaint: Complaint): EscalationSource {
  if (actor.role === 'operator') return 'OPERATOR';
  if (actor.role === 'system') return 'SYSTEM';
  if (actor.role === 'citizen' && complaint.reporterId !== null && complaint.reporterId === actor.id) return 'REPORTER';
  throw new ActionNotAllowed('Only an operator, the reporter or the system can escalate a complaint');
}
