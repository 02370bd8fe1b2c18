import type { CommandActor } from './actor.js';
import type { ComplaintVerified } from './complaint-workflow.events.js';
import { InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintState } from './complaint.js';
import type { DeadlineSchedule } from './deadlines.js';
import { classificationEvents, type Classification, type ClassificationEvent } from './classify-complaint.js';
import { optionalText } from './validation.js';
import { existing, requireRole } from './workflow-rules.js';

export interface VerifyComplaint extends Classification {
  readonly complaintId: string;
  readonly note?: string | null;
  readonly actor: CommandActor;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

/**
 * An operator verifies a new report: complete, intelligible and a public-service matter. It may
 * classify it and raise its privacy in the same step. Disposition (forwarding) follows; an operator's
 * forward of an unverified report verifies it implicitly ("verify and dispose" in one action).
 */
export function verifyComplaint(
  command: VerifyComplaint,
  state: ComplaintState,
): [ComplaintVerified, ...ClassificationEvent[]] {
  const complaint = existing(state, command.complaintId);
  requireRole(command.actor, 'operator', 'verify a complaint');
  if (complaint.status !== 'SUBMITTED') {
    throw new InvalidComplaintTransition(
      'verify',
      complaint.status,
      complaint.status === 'VERIFIED' ? 'it is already verified' : 'only a new report awaits verification',
    );
  }
  return [
    {
      type: 'ComplaintVerified',
      data: {
        complaintId: complaint.id,
        note: optionalText('note', command.note, 2000),
        verifiedAt: command.now.toISOString(),
      },
    },
    ...classificationEvents(command, complaint),
  ];
}
