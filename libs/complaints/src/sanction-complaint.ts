import type { CommandActor } from './actor.js';
import type { AgencyDirectory } from './agency-directory.js';
import { InvalidComplaintTransition, UnknownAgency } from './complaint.errors.js';
import { SANCTION_KINDS, type ComplaintSanctioned, type SanctionKind } from './complaint.events.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { openWindow, type DeadlineSchedule } from './deadlines.js';
import { requireOmbudsmanOffice } from './ombudsman-examination.js';
import type { OmbudsmanOffice } from './ombudsman.js';
import { oneOf, optionalText, requiredText } from './validation.js';
import { existing } from './workflow-rules.js';

export interface SanctionComplaint {
  readonly complaintId: string;
  readonly sanctionedAgencyCode: string;
  readonly officialName?: string | null;
  readonly kind: SanctionKind | string;
  readonly reason: string;
  readonly actor: CommandActor;
  /** The office the Ombudsman acts for (from the caller's token); null for callers who are not the Ombudsman. */
  readonly office: OmbudsmanOffice | null;
  readonly now: Date;
  readonly agencies: AgencyDirectory;
  /** With it, the sanctioned agency's REMEDY period is recorded (see sanction-ladder.ts). */
  readonly schedule?: DeadlineSchedule;
}

/**
 * The Ombudsman records a sanction on an escalated complaint; further sanctions may follow. Each one
 * opens a REMEDY period: when it lapses unremedied, the next tier of art. 54 is due (sanction-ladder.ts).
 * A regional office sanctions only on reports within its jurisdiction, as for every decision of the Ombudsman.
 */
export function sanctionComplaint(command: SanctionComplaint, state: ComplaintState): ComplaintSanctioned {
  const complaint = existing(state, command.complaintId);
  requireOmbudsmanOffice(command.actor, command.office, complaint, 'sanction');
  if (complaint.status !== 'ESCALATED' && complaint.status !== 'SANCTIONED') {
    throw new InvalidComplaintTransition('sanction', complaint.status, 'only escalated complaints can be sanctioned');
  }
  const sanctionedAgencyCode = requiredText('sanctionedAgencyCode', command.sanctionedAgencyCode, 1, 64);
  if (!command.agencies.exists(sanctionedAgencyCode))
    throw new UnknownAgency('sanctionedAgencyCode', sanctionedAgencyCode);
  return {
    type: 'ComplaintSanctioned',
    data: {
      complaintId: complaint.id,
      sanctionedAgencyCode,
      officialName: optionalText('officialName', command.officialName, 200),
      kind: oneOf('kind', command.kind, SANCTION_KINDS),
      reason: requiredText('reason', command.reason, 5, 2000),
      sanctionedAt: command.now.toISOString(),
      ...(command.schedule
        ? { deadlines: [openWindow('REMEDY', 'REMEDY', command.now, workflowOf(complaint).priority, command.schedule)] }
        : {}),
    },
  };
}
