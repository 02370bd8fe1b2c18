import { isOfficerOf, type CommandActor } from './actor.js';
import { isWithinReach, type AgencyDirectory } from './agency-directory.js';
import {
  ActionNotAllowed,
  ComplaintNotFound,
  InvalidComplaintInput,
  InvalidComplaintTransition,
  UnknownAgency,
} from './complaint.errors.js';
import type { ComplaintForwarded } from './complaint.events.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { openWindow, type DeadlineSchedule } from './deadlines.js';
import { optionalText, requiredText } from './validation.js';

export interface ForwardComplaint {
  readonly complaintId: string;
  readonly toAgencyCode: string;
  readonly note?: string | null;
  readonly actor: CommandActor;
  readonly now: Date;
  readonly agencies: AgencyDirectory;
  /** With it, the receiving agency's FOLLOW_UP deadline is recorded. */
  readonly schedule?: DeadlineSchedule;
}

/**
 * Routes a complaint to the agency that owns the service ("disposisi"). Operators route anything
 * still open, and an operator's forward of an unverified report verifies it in the same step; the
 * assigned agency may pass it on down (or across) the agency tree, or back to an agency that held it.
 */
export function forwardComplaint(command: ForwardComplaint, state: ComplaintState): ComplaintForwarded {
  if (state.status === 'NONE') throw new ComplaintNotFound(command.complaintId);
  if (command.actor.role !== 'operator' && !isOfficerOf(command.actor, state.assignedAgencyCode)) {
    throw new ActionNotAllowed('Only an operator or an officer of the assigned agency can forward this complaint');
  }
  if (state.status === 'ESCALATED' || state.status === 'SANCTIONED') {
    throw new InvalidComplaintTransition('forward', state.status, 'it is with the Ombudsman');
  }
  if (state.status === 'ON_HOLD') {
    throw new InvalidComplaintTransition('forward', state.status, 'it waits for information from the reporter');
  }
  if (state.status === 'ARCHIVED' || state.status === 'CLOSED') {
    throw new InvalidComplaintTransition('forward', state.status, 'it is settled');
  }
  const toAgencyCode = requiredText('toAgencyCode', command.toAgencyCode, 1, 64);
  if (!command.agencies.exists(toAgencyCode)) throw new UnknownAgency('toAgencyCode', toAgencyCode);
  if (toAgencyCode === state.assignedAgencyCode) {
    throw new InvalidComplaintInput('toAgencyCode', `the complaint is already assigned to ${toAgencyCode}`);
  }
  const from = state.assignedAgencyCode;
  if (
    command.actor.role === 'agency_officer' &&
    from !== null &&
    !isWithinReach(command.agencies, from, toAgencyCode) &&
    !state.assignmentTrail.includes(toAgencyCode)
  ) {
    throw new ActionNotAllowed(
      `An officer forwards along the agency tree (its sub-units, its parent or a sibling unit); ${toAgencyCode} is outside ${from}'s reach: hand it back as not your authority instead`,
    );
  }
  const deadlines = command.schedule
    ? {
        deadlines: [openWindow('FOLLOW_UP', 'FOLLOW_UP', command.now, workflowOf(state).priority, command.schedule)],
      }
    : {};
  return {
    type: 'ComplaintForwarded',
    data: {
      complaintId: state.id,
      fromAgencyCode: from,
      toAgencyCode,
      note: optionalText('note', command.note, 2000),
      forwardedAt: command.now.toISOString(),
      ...deadlines,
    },
  };
}
