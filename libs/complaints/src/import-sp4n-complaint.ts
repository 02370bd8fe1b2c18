import type { CommandActor } from './actor.js';
import type { AgencyDirectory } from './agency-directory.js';
import { ComplaintAlreadyExists, InvalidComplaintInput } from './complaint.errors.js';
import type { ComplaintSubmitted, ComplaintType } from './complaint.events.js';
import type { ComplaintState } from './complaint.js';
import type { DeadlineSchedule } from './deadlines.js';
import { uuidV5 } from './deterministic-id.js';
import type { IsoDuration } from './iso-duration.js';
import type { SealedReporterContact } from './reporter-identity.js';
import { submitComplaint } from './submit-complaint.js';
import { trackingCodeFor } from './tracking-code.js';
import { requiredText } from './validation.js';
import { requireRole } from './workflow-rules.js';

export interface ImportSp4nComplaint {
  /** The national system's id for the complaint, 3–100 characters of A–Z, a–z, 0–9, `-`, `_`, `.`, `/`. */
  readonly nationalTrackingId: string;
  readonly title: string;
  readonly description: string;
  readonly type: ComplaintType | string;
  readonly requestedAgencyCode?: string | null;
  readonly anonymous?: boolean | null;
  readonly confidential?: boolean | null;
  /** Checked and sealed at the edge, as for submitComplaint. */
  readonly reporter?: SealedReporterContact | null;
  /** When the national system received it; deadlines count from then. Not after `now`. */
  readonly receivedAt: Date;
  readonly actor: CommandActor;
  readonly now: Date;
  readonly responseDeadline: IsoDuration;
  readonly agencies: AgencyDirectory;
  readonly schedule?: DeadlineSchedule;
}

const NATIONAL_ID = /^[A-Za-z0-9][A-Za-z0-9._/-]{2,99}$/;

/** The complaint id an SP4N record always maps to: a retried import finds the complaint it made. */
export const sp4nComplaintId = (nationalTrackingId: string): string => uuidV5(`sp4n:${nationalTrackingId}`);

/**
 * SP4N-LAPOR! hands over a complaint received nationally. It opens the stream of the id derived from
 * the national tracking id, on channel SP4N, with deadlines counted from the national receipt. A retry
 * of the same record decides nothing (no events): the import is idempotent on the national id.
 */
export function importSp4nComplaint(command: ImportSp4nComplaint, state: ComplaintState): ComplaintSubmitted[] {
  requireRole(command.actor, 'sp4n', 'import complaints from SP4N-LAPOR!');
  const nationalTrackingId = requiredText('nationalTrackingId', command.nationalTrackingId, 3, 100);
  if (!NATIONAL_ID.test(nationalTrackingId)) {
    throw new InvalidComplaintInput('nationalTrackingId', 'must be letters, digits, ".", "_", "-" or "/"');
  }
  const complaintId = sp4nComplaintId(nationalTrackingId);
  if (state.status !== 'NONE') {
    if (state.nationalTrackingId === nationalTrackingId) return [];
    throw new ComplaintAlreadyExists(complaintId);
  }
  if (Number.isNaN(command.receivedAt.getTime()) || command.receivedAt > command.now) {
    throw new InvalidComplaintInput('receivedAt', 'must be a past instant');
  }
  const submitted = submitComplaint(
    {
      complaintId,
      trackingCode: trackingCodeFor(complaintId),
      title: command.title,
      description: command.description,
      type: command.type,
      channel: 'SP4N',
      requestedAgencyCode: command.requestedAgencyCode ?? null,
      anonymous: command.anonymous ?? false,
      confidential: command.confidential ?? false,
      reporter: command.reporter ?? null,
      actor: command.actor,
      now: command.receivedAt,
      responseDeadline: command.responseDeadline,
      agencies: command.agencies,
      ...(command.schedule ? { schedule: command.schedule } : {}),
    },
    state,
  );
  return [{ ...submitted, data: { ...submitted.data, nationalTrackingId } }];
}
