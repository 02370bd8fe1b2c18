import type { CommandActor } from './actor.js';
import type { ComplaintReopened } from './complaint-workflow.events.js';
import { InvalidComplaintTransition, RejectedReportNotReopened } from './complaint.errors.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { openWindow, spanEnd, type DeadlineSchedule } from './deadlines.js';
import { examinationOf, rejectionReasonsOf } from './ombudsman-examination.js';
import { requiredText } from './validation.js';
import { existing, requireReporter } from './workflow-rules.js';

export interface ReopenComplaint {
  readonly complaintId: string;
  /** Why it is not settled after all, 5–2000 characters. */
  readonly reason: string;
  readonly actor: CommandActor;
  readonly accessKey?: string | null;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

/**
 * The reporter reopens a complaint they (or the system) closed, within the policy's reopen window. It
 * goes back to the agency that answered, with new FOLLOW_UP and RESPONSE deadlines from now. A
 * complaint the Ombudsman concluded is not reopened (INVALID_TRANSITION), nor one it did not accept for
 * examination (REJECTED_BY_OMBUDSMAN).
 */
export function reopenComplaint(command: ReopenComplaint, state: ComplaintState): ComplaintReopened {
  const complaint = existing(state, command.complaintId);
  requireReporter(command.actor, complaint, command.accessKey, 'reopen a complaint');
  const workflow = workflowOf(complaint);
  const closure = workflow.closure;
  if (complaint.status !== 'CLOSED' || closure === null) {
    throw new InvalidComplaintTransition('reopen', complaint.status, 'only a closed complaint can be reopened');
  }
  const examination = examinationOf(complaint);
  if (examination?.decision === 'REJECTED') {
    throw new RejectedReportNotReopened(examination.officeCode, examination.decidedAt, rejectionReasonsOf(examination));
  }
  if (closure.closedBy === 'OMBUDSMAN' || complaint.assignedAgencyCode === null || complaint.escalation !== null) {
    throw new InvalidComplaintTransition('reopen', complaint.status, 'the Ombudsman concluded it');
  }
  const window = command.schedule.policy.reopenWindow;
  const until = spanEnd(new Date(closure.closedAt), window, command.schedule.calendar);
  if (command.now.getTime() > until.getTime()) {
    throw new InvalidComplaintTransition(
      'reopen',
      complaint.status,
      `the reopen window (${window.text} after closing) ended at ${until.toISOString()}`,
    );
  }
  const priority = workflow.priority;
  const response = openWindow('RESPONSE', 'RESPONSE', command.now, priority, command.schedule);
  return {
    type: 'ComplaintReopened',
    data: {
      complaintId: complaint.id,
      reason: requiredText('reason', command.reason, 5, 2000),
      toAgencyCode: complaint.assignedAgencyCode,
      deadlines: [openWindow('FOLLOW_UP', 'FOLLOW_UP', command.now, priority, command.schedule), response],
      dueAt: response.dueAt,
      reopenedAt: command.now.toISOString(),
    },
  };
}
