import type { CommandActor } from './actor.js';
import { InvalidComplaintTransition, OmbudsmanPreconditionFailed } from './complaint.errors.js';
import type { ComplaintState } from './complaint.js';
import type { DeadlineSchedule } from './deadlines.js';
import type { ComplaintAcceptedByOmbudsman } from './ombudsman-examination.events.js';
import {
  checkPreconditions,
  describeFailedPreconditions,
  isWithOmbudsman,
  requireOmbudsmanOffice,
  requireUndecided,
  type PreconditionInputs,
} from './ombudsman-examination.js';
import type { OmbudsmanOffice } from './ombudsman.js';
import { optionalText } from './validation.js';
import { existing } from './workflow-rules.js';

export interface AcceptComplaintForExamination extends PreconditionInputs {
  readonly complaintId: string;
  /** Up to 2000 characters. */
  readonly note?: string | null;
  readonly actor: CommandActor;
  /** The office the Ombudsman acts for (from the caller's token); null for callers who are not the Ombudsman. */
  readonly office: OmbudsmanOffice | null;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

/**
 * An Ombudsman office accepts an escalated report for examination. Both preconditions of Law 37/2008
 * art. 24 must hold (see `checkPreconditions`); when one does not, the report cannot be accepted
 * (OMBUDSMAN_PRECONDITION_FAILED, naming it) and is to be rejected instead. Decided once per complaint,
 * while it is with the Ombudsman (escalated, or sanctioned before the Ombudsman decided).
 */
export function acceptComplaintForExamination(
  command: AcceptComplaintForExamination,
  state: ComplaintState,
): ComplaintAcceptedByOmbudsman {
  const complaint = existing(state, command.complaintId);
  const office = requireOmbudsmanOffice(command.actor, command.office, complaint, 'accept a report for examination');
  if (!isWithOmbudsman(complaint)) {
    throw new InvalidComplaintTransition(
      'accept for examination',
      complaint.status,
      'only a complaint escalated to the Ombudsman is examined',
    );
  }
  requireUndecided(complaint, 'accept for examination');
  const preconditions = checkPreconditions(complaint, command, command.schedule);
  if (preconditions.failed.length > 0) {
    throw new OmbudsmanPreconditionFailed(preconditions.failed, describeFailedPreconditions(preconditions));
  }
  return {
    type: 'ComplaintAcceptedByOmbudsman',
    data: {
      complaintId: complaint.id,
      officeCode: office.code,
      preconditions,
      note: optionalText('note', command.note, 2000),
      acceptedAt: command.now.toISOString(),
    },
  };
}
