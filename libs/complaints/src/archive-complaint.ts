import type { CommandActor } from './actor.js';
import type { ComplaintArchived } from './complaint-workflow.events.js';
import { InvalidComplaintInput, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintState } from './complaint.js';
import { oneOf, optionalText } from './validation.js';
import { existing, requireRole } from './workflow-rules.js';
import { ARCHIVE_REASONS, type ArchiveReason } from './workflow.js';

export interface ArchiveComplaint {
  readonly complaintId: string;
  readonly reason: ArchiveReason | string;
  /** Required for OUT_OF_SCOPE (where the matter belongs: court, police, KPK), optional otherwise. */
  readonly note?: string | null;
  /** Required for DUPLICATE: the complaint this one repeats. */
  readonly duplicateOfId?: string | null;
  readonly actor: CommandActor;
  readonly now: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An operator sets a report aside at triage; every deadline stops. */
export function archiveComplaint(command: ArchiveComplaint, state: ComplaintState): ComplaintArchived {
  const complaint = existing(state, command.complaintId);
  requireRole(command.actor, 'operator', 'archive a complaint');
  if (complaint.status !== 'SUBMITTED' && complaint.status !== 'VERIFIED' && complaint.status !== 'ON_HOLD') {
    throw new InvalidComplaintTransition('archive', complaint.status, 'only a report still in triage can be archived');
  }
  const reason = oneOf('reason', command.reason, ARCHIVE_REASONS);
  const note = optionalText('note', command.note, 2000);
  if (reason === 'OUT_OF_SCOPE' && note === null) {
    throw new InvalidComplaintInput('note', 'say where an out-of-scope matter belongs (court, police, KPK…)');
  }
  let duplicateOfId: string | null = null;
  if (reason === 'DUPLICATE') {
    duplicateOfId = optionalText('duplicateOfId', command.duplicateOfId, 36)?.toLowerCase() ?? null;
    if (duplicateOfId === null || !UUID.test(duplicateOfId)) {
      throw new InvalidComplaintInput('duplicateOfId', 'name the complaint this one duplicates (its id)');
    }
    if (duplicateOfId === complaint.id)
      throw new InvalidComplaintInput('duplicateOfId', 'a complaint cannot duplicate itself');
  }
  return {
    type: 'ComplaintArchived',
    data: { complaintId: complaint.id, reason, note, duplicateOfId, archivedAt: command.now.toISOString() },
  };
}
