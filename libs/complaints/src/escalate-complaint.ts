import type { CommandActor } from './actor.js';
import { ActionNotAllowed, ComplaintNotFound, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintEscalated, EscalationSource } from './complaint.events.js';
import { workflowOf, type Complaint, type ComplaintState } from './complaint.js';
import { openWindow, type DeadlineSchedule } from './deadlines.js';
import { isReporter } from './reporter-access.js';
import { requiredText } from './validation.js';

export interface EscalateComplaint {
  readonly complaintId: string;
  readonly reason: string;
  readonly actor: CommandActor;
  readonly now: Date;
  /** The reporter's access key, for a reporter without an account (see isReporter). */
  readonly accessKey?: string | null;
  /** With it, the Ombudsman's DISPUTE deadline is recorded. */
  readonly schedule?: DeadlineSchedule;
}

/**
 * Sends a complaint to the Ombudsman. An operator may do so at any time; the reporter once the
 * agency has answered (to dispute it) or once the legal deadline has passed; the system (the deadline
 * policy) only when the deadline has passed unanswered. A complaint is escalated at most once.
 */
export function escalateComplaint(command: EscalateComplaint, state: ComplaintState): ComplaintEscalated {
  if (state.status === 'NONE') throw new ComplaintNotFound(command.complaintId);
  const source = escalationSource(command, state);
  if (state.status === 'ESCALATED' || state.status === 'SANCTIONED') {
    throw new InvalidComplaintTransition('escalate', state.status, 'it has already been escalated');
  }
  if (state.status === 'ON_HOLD') {
    throw new InvalidComplaintTransition('escalate', state.status, 'it waits for information from the reporter');
  }
  if (state.status === 'ARCHIVED' || state.status === 'CLOSED') {
    throw new InvalidComplaintTransition('escalate', state.status, 'it is settled');
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
      ...(command.schedule
        ? { deadlines: [openWindow('DISPUTE', 'DISPUTE', command.now, workflowOf(state).priority, command.schedule)] }
        : {}),
    },
  };
}

/** Who may escalate at all; when they may is checked against the state afterwards. */
function escalationSource({ actor, accessKey }: EscalateComplaint, complaint: Complaint): EscalationSource {
  if (actor.role === 'operator') return 'OPERATOR';
  if (actor.role === 'system') return 'SYSTEM';
  if (isReporter(actor, complaint, accessKey)) return 'REPORTER';
  throw new ActionNotAllowed('Only an operator, the reporter or the system can escalate a complaint');
}
