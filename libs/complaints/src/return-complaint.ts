import { isOfficerOf, type CommandActor } from './actor.js';
import { returnTargetOf, type AgencyDirectory } from './agency-directory.js';
import type { ComplaintReturned } from './complaint-workflow.events.js';
import { ActionNotAllowed, InvalidComplaintTransition } from './complaint.errors.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { openWindow, type DeadlineSchedule } from './deadlines.js';
import { requiredText } from './validation.js';
import { existing } from './workflow-rules.js';

export interface ReturnComplaint {
  readonly complaintId: string;
  /** Why it is not the agency's authority, 5–2000 characters. */
  readonly reason: string;
  readonly actor: CommandActor;
  readonly now: Date;
  readonly agencies: AgencyDirectory;
  readonly schedule: DeadlineSchedule;
}

/**
 * NOT_OUR_AUTHORITY: the assigned agency hands the complaint back up the tree, to its parent, which
 * disposes it again; from an agency just below the national root it goes back to national triage.
 */
export function returnComplaint(command: ReturnComplaint, state: ComplaintState): ComplaintReturned {
  const complaint = existing(state, command.complaintId);
  if (!isOfficerOf(command.actor, complaint.assignedAgencyCode) || complaint.assignedAgencyCode === null) {
    throw new ActionNotAllowed('Only an officer of the assigned agency can hand a complaint back');
  }
  if (complaint.status !== 'FORWARDED') {
    throw new InvalidComplaintTransition(
      'hand back',
      complaint.status,
      complaint.status === 'RESPONDED' ? 'the agency has already answered it' : 'it is not awaiting the agency',
    );
  }
  const from = complaint.assignedAgencyCode;
  const to = returnTargetOf(command.agencies, from);
  const priority = workflowOf(complaint).priority;
  return {
    type: 'ComplaintReturned',
    data: {
      complaintId: complaint.id,
      fromAgencyCode: from,
      toAgencyCode: to,
      reason: requiredText('reason', command.reason, 5, 2000),
      deadlines: [
        to === null
          ? openWindow('TRIAGE', 'TRIAGE', command.now, priority, command.schedule)
          : openWindow('FOLLOW_UP', 'FOLLOW_UP', command.now, priority, command.schedule),
      ],
      returnedAt: command.now.toISOString(),
    },
  };
}
