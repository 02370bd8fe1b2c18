import type { CommandActor } from './actor.js';
import type { AgencyDirectory } from './agency-directory.js';
import { ComplaintAlreadyExists, ActionNotAllowed, UnknownAgency } from './complaint.errors.js';
import {
  CHANNELS,
  COMPLAINT_TYPES,
  type Channel,
  type ComplaintSubmitted,
  type ComplaintType,
  type ReporterContact,
} from './complaint.events.js';
import type { ComplaintState } from './complaint.js';
import { addDuration, type IsoDuration } from './iso-duration.js';
import { oneOf, optionalEmail, optionalPhone, optionalText, requiredText } from './validation.js';

export interface SubmitComplaint {
  readonly complaintId: string;
  readonly trackingCode: string;
  readonly title: string;
  readonly description: string;
  readonly type: ComplaintType | string;
  readonly channel: Channel | string;
  readonly requestedAgencyCode?: string | null;
  readonly anonymous?: boolean | null;
  readonly confidential?: boolean | null;
  readonly reporter?: Partial<ReporterContact> | null;
  readonly actor: CommandActor;
  readonly now: Date;
  /** The legal response deadline (Law 25/2009), e.g. P14D. */
  readonly responseDeadline: IsoDuration;
  readonly agencies: AgencyDirectory;
}

const SUBMITTERS: readonly CommandActor['role'][] = ['public', 'citizen', 'operator', 'sp4n'];

/** Files a report. Anyone may report, with or without an account; operators enter call-centre reports. */
export function submitComplaint(command: SubmitComplaint, state: ComplaintState): ComplaintSubmitted {
  if (state.status !== 'NONE') throw new ComplaintAlreadyExists(command.complaintId);
  if (!SUBMITTERS.includes(command.actor.role)) {
    throw new ActionNotAllowed(`A ${command.actor.role} cannot submit complaints`);
  }
  const title = requiredText('title', command.title, 5, 200);
  const description = requiredText('description', command.description, 10, 5000);
  const complaintType = oneOf('type', command.type, COMPLAINT_TYPES);
  const channel = oneOf('channel', command.channel, CHANNELS);
  const requestedAgencyCode = optionalText('agencyCode', command.requestedAgencyCode, 64);
  if (requestedAgencyCode !== null && !command.agencies.exists(requestedAgencyCode)) {
    throw new UnknownAgency('agencyCode', requestedAgencyCode);
  }
  return {
    type: 'ComplaintSubmitted',
    data: {
      complaintId: command.complaintId,
      trackingCode: command.trackingCode,
      title,
      description,
      complaintType,
      channel,
      requestedAgencyCode,
      anonymous: command.anonymous ?? false,
      confidential: command.confidential ?? false,
      reporter: reporterContact(command.reporter),
      reporterId: command.actor.role === 'citizen' ? command.actor.id : null,
      receivedAt: command.now.toISOString(),
      dueAt: addDuration(command.now, command.responseDeadline).toISOString(),
    },
  };
}

function reporterContact(reporter: Partial<ReporterContact> | null | undefined): ReporterContact | null {
  if (!reporter) return null;
  const contact: ReporterContact = {
    name: optionalText('reporter.name', reporter.name, 200),
    email: optionalEmail('reporter.email', reporter.email),
    phone: optionalPhone('reporter.phone', reporter.phone),
  };
  return contact.name === null && contact.email === null && contact.phone === null ? null : contact;
}
