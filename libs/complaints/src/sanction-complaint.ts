import type { CommandActor } from './actor.js';
import type { AgencyDirectory } from './agency-directory.js';
import { ActionNotAllowed, ComplaintNotFound, InvalidComplaintTransition, UnknownAgency } from './complaint.errors.js';
import { SANCTION_KINDS, type ComplaintSanctioned, type SanctionKind } from './complaint.events.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { openWindow, type DeadlineSchedule } from './deadlines.js';
import { oneOf, optionalText, requiredText } from './validation.js';

export interface SanctionComplaint {
  readonly complaintId: string;
  readonly sanctionedAgencyCode: string;
  readonly officialName?: string | null;
  readonly kind: SanctionKind | string;
  readonly reason: string;
  readonly actor: CommandActor;
  readonly now: Date;
  readonly agencies: AgencyDirectory;
  /** With it, the sanctioned agency's REMEDY period is recorded (see sanction-ladder.ts). */
  readonly schedule?: DeadlineSchedule;
}

/**
 * The Ombudsman records a sanction on an escalated complaint; further sanctions may follow. Each one
 * opens a REMEDY period: when it lapses unremedied, the next tier of art. 54 is due (sanction-ladder.ts).
 */
export function sanctionComplaint(command: SanctionComplaint, state: ComplaintState): ComplaintSanctioned {
  if (state.status === 'NONE') throw new ComplaintNotFound(command.complaintId);
  if (command.actor.role !== 'ombudsman') throw new ActionNotAllowed('Only the Ombudsman can sanction');
  if (state.status !== 'ESCALATED' && state.status !== 'SANCTIONED') {
    throw new InvalidComplaintTransition('sanction', state.status, 'only escalated complaints can be sanctioned');
  }
  const sanctionedAgencyCode = requiredText('sanctionedAgencyCode', command.sanctionedAgencyCode, 1, 64);
  if (!command.agencies.exists(sanctionedAgencyCode))
    throw new UnknownAgency('sanctionedAgencyCode', sanctionedAgencyCode);
  return {
    type: 'ComplaintSanctioned',
    data: {
      complaintId: state.id,
      sanctionedAgencyCode,
      officialName: optionalText('officialName', command.officialName, 200),
      kind: oneOf('kind', command.kind, SANCTION_KINDS),
      reason: requiredText('reason', command.reason, 5, 2000),
      sanctionedAt: command.now.toISOString(),
      ...(command.schedule
        ? { deadlines: [openWindow('REMEDY', 'REMEDY', command.now, workflowOf(state).priority, command.schedule)] }
        : {}),
    },
  };
}
