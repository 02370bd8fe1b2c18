import type { CommandActor } from './actor.js';
import type { ComplaintState } from './complaint.js';
import type { ReporterIdentityErased } from './reporter-identity.events.js';
import { existing, requireRole } from './workflow-rules.js';

export interface EraseReporterIdentity {
  readonly complaintId: string;
  readonly actor: CommandActor;
  readonly now: Date;
}

/**
 * An operator erases the reporter's identity on the reporter's request. The role is checked before the
 * complaint is looked up, so nobody else learns whether a complaint exists. Erasing again decides
 * nothing: the first erasure stands, and the retry answers the complaint as it is.
 */
export function eraseReporterIdentity(command: EraseReporterIdentity, state: ComplaintState): ReporterIdentityErased[] {
  requireRole(command.actor, 'operator', "erase a reporter's identity");
  const complaint = existing(state, command.complaintId);
  if (complaint.identityErasedAt !== undefined) return [];
  return [
    {
      type: 'ReporterIdentityErased',
      data: { complaintId: complaint.id, erasedAt: command.now.toISOString() },
    },
  ];
}
