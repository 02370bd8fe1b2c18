import type { CommandActor } from './actor.js';
import { InvalidComplaintInput, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintState } from './complaint.js';
import type { DeadlineSchedule } from './deadlines.js';
import type { ComplaintRejectedByOmbudsman } from './ombudsman-examination.events.js';
import {
  checkPreconditions,
  requireOmbudsmanOffice,
  requireUndecided,
  type PreconditionInputs,
} from './ombudsman-examination.js';
import { OMBUDSMAN_REJECTION_GROUNDS, type OmbudsmanOffice, type OmbudsmanRejectionGround } from './ombudsman.js';
import { oneOf, requiredText } from './validation.js';
import { existing } from './workflow-rules.js';

export interface RejectComplaintForExamination extends PreconditionInputs {
  readonly complaintId: string;
  /** Grounds beyond the preconditions (art. 36); may be empty when a precondition fails. */
  readonly grounds?: readonly (OmbudsmanRejectionGround | string)[] | null;
  /** Why, for the reporter and the record, 5–2000 characters. */
  readonly explanation: string;
  readonly actor: CommandActor;
  readonly office: OmbudsmanOffice | null;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

/**
 * An Ombudsman office does not accept an escalated report for examination. Every precondition that
 * fails is recorded as a reason without being named; when both hold, the office must name a ground of
 * art. 36. The complaint closes, settled by the Ombudsman without a finding. Only while escalated and
 * undecided: a complaint the Ombudsman already sanctioned has been acted on.
 */
export function rejectComplaintForExamination(
  command: RejectComplaintForExamination,
  state: ComplaintState,
): ComplaintRejectedByOmbudsman {
  const complaint = existing(state, command.complaintId);
  const office = requireOmbudsmanOffice(command.actor, command.office, complaint, 'reject a report for examination');
  if (complaint.status !== 'ESCALATED') {
    throw new InvalidComplaintTransition(
      'reject for examination',
      complaint.status,
      complaint.status === 'SANCTIONED'
        ? 'the Ombudsman already sanctioned it'
        : 'only a complaint escalated to the Ombudsman is examined',
    );
  }
  requireUndecided(complaint, 'reject for examination');
  const grounds = groundsOf(command.grounds);
  const explanation = requiredText('explanation', command.explanation, 5, 2000);
  const preconditions = checkPreconditions(complaint, command, command.schedule);
  if (preconditions.failed.length === 0 && grounds.length === 0) {
    throw new InvalidComplaintInput(
      'grounds',
      'both preconditions of Law 37/2008 art. 24 hold: name the ground for not accepting the report',
    );
  }
  return {
    type: 'ComplaintRejectedByOmbudsman',
    data: {
      complaintId: complaint.id,
      officeCode: office.code,
      preconditions,
      grounds,
      explanation,
      rejectedAt: command.now.toISOString(),
    },
  };
}

/** Each ground once, in the order of the list of grounds (so the record does not depend on the input's order). */
function groundsOf(value: readonly string[] | null | undefined): OmbudsmanRejectionGround[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidComplaintInput('grounds', 'must be a list');
  const given = new Set(value.map((ground) => oneOf('grounds', ground, OMBUDSMAN_REJECTION_GROUNDS)));
  return OMBUDSMAN_REJECTION_GROUNDS.filter((ground) => given.has(ground));
}
