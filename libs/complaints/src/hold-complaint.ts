import type { CommandActor } from './actor.js';
import type { ComplaintPutOnHold } from './complaint-workflow.events.js';
import { InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintState } from './complaint.js';
import { requiredText } from './validation.js';
import { existing, requireRole } from './workflow-rules.js';

export interface HoldComplaint {
  readonly complaintId: string;
  /** What the reporter must add, 5–2000 characters. */
  readonly reason: string;
  readonly actor: CommandActor;
  readonly now: Date;
}

/**
 * An operator returns a report to the reporter for missing information. Its TRIAGE and RESPONSE clocks
 * stop; when the reporter adds the information the report counts as received again.
 */
export function holdComplaint(command: HoldComplaint, state: ComplaintState): ComplaintPutOnHold {
  const complaint = existing(state, command.complaintId);
  requireRole(command.actor, 'operator', 'put a complaint on hold');
  if (complaint.status !== 'SUBMITTED' && complaint.status !== 'VERIFIED') {
    throw new InvalidComplaintTransition('put on hold', complaint.status, 'only a report still in triage can be');
  }
  return {
    type: 'ComplaintPutOnHold',
    data: {
      complaintId: complaint.id,
      reason: requiredText('reason', command.reason, 5, 2000),
      heldAt: command.now.toISOString(),
    },
  };
}
