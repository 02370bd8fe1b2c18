import type { CommandActor } from './actor.js';
import type { ComplaintInformationAdded } from './complaint-workflow.events.js';
import { InvalidComplaintTransition } from './complaint.errors.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { openWindow, type DeadlineSchedule } from './deadlines.js';
import { isReporter } from './reporter-access.js';
import { requiredText } from './validation.js';
import { existing } from './workflow-rules.js';
import { ActionNotAllowed } from './complaint.errors.js';

export interface AddComplaintInformation {
  readonly complaintId: string;
  /** 5–5000 characters. */
  readonly information: string;
  readonly actor: CommandActor;
  readonly accessKey?: string | null;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

/**
 * The reporter (or an operator taking their call) adds information to an open complaint. On a
 * complaint on hold it resumes triage, and the TRIAGE and RESPONSE deadlines start again from now.
 */
export function addComplaintInformation(
  command: AddComplaintInformation,
  state: ComplaintState,
): ComplaintInformationAdded {
  const complaint = existing(state, command.complaintId);
  if (command.actor.role !== 'operator' && !isReporter(command.actor, complaint, command.accessKey)) {
    throw new ActionNotAllowed(
      'Only the reporter (signed in, or with the access key) or an operator can add information',
    );
  }
  if (complaint.status === 'ARCHIVED' || complaint.status === 'CLOSED') {
    throw new InvalidComplaintTransition('add information to', complaint.status, 'it is settled');
  }
  const information = requiredText('information', command.information, 5, 5000);
  const resumed = complaint.status === 'ON_HOLD';
  const priority = workflowOf(complaint).priority;
  const deadlines = resumed
    ? [
        openWindow('TRIAGE', 'TRIAGE', command.now, priority, command.schedule),
        openWindow('RESPONSE', 'RESPONSE', command.now, priority, command.schedule),
      ]
    : [];
  return {
    type: 'ComplaintInformationAdded',
    data: {
      complaintId: complaint.id,
      information,
      resumed,
      deadlines,
      dueAt: deadlines.find((w) => w.kind === 'RESPONSE')?.dueAt ?? null,
      addedAt: command.now.toISOString(),
    },
  };
}
