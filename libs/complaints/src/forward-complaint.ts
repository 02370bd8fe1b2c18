import { isOfficerOf, type CommandActor } from './actor.js';
import type { AgencyDirectory } from './agency-directory.js';
import {
  ActionNotAllowed,
  ComplaintNotFound,
  InvalidComplaintInput,
  InvalidComplaintTransition,
  UnknownAgency,
} from './complaint.errors.js';
import type { ComplaintForwarded } from './complaint.events.js';
import type { ComplaintState } from './complaint.js';
import { optionalText, requiredText } from './validation.js';

export interface ForwardComplaint {
  readonly complaintId: string;
  readonly toAgencyCode: string;
  readonly note?: string | null;
  readonly actor: CommandActor;
  readonly now: Date;
  readonly agencies: AgencyDirectory;
}

/**
 * Routes a complaint to the agency that owns the service ("disposisi"). Operators route anything
 * still open; the assigned agency may pass it on down (or across) the agency tree.
 */
export function forwardComplaint(command: ForwardComplaint, state: ComplaintState): ComplaintForwarded {
  if (state.status === 'NONE') throw new ComplaintNotFound(command.complaintId);
  if (command.actor.role !== 'operator' && !isOfficerOf(command.actor, state.assignedAgencyCode)) {
    throw new ActionNotAllowed('Only an operator or an officer of the assigned agency can forward this complaint');
  }
  if (state.status === 'ESCALATED' || state.status === 'SANCTIONED') {
    throw new InvalidComplaintTransition('forward', state.status, 'it is with the Ombudsman');
  }
  const toAgencyCode = requiredText('toAgencyCode', command.toAgencyCode, 1, 64);
  if (!command.agencies.exists(toAgencyCode)) throw new UnknownAgency('toAgencyCode', toAgencyCode);
  if (toAgencyCode === state.assignedAgencyCode) {
    throw new InvalidComplaintInput('toAgencyCode', `the complaint is already assigned to ${toAgencyCode}`);
  }
  return {
    type: 'ComplaintForwarded',
    data: {
      complaintId: state.id,
      fromAgencyCode: state.assignedAgencyCode,
      toAgencyCode,
      note: optionalText('note', command.note, 2000),
      forwardedAt: command.now.toISOString(),
    },
  };
}
