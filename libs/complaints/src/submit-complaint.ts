import type { CommandActor } from './actor.js';
import type { AgencyDirectory } from './agency-directory.js';
import { ComplaintAlreadyExists, ActionNotAllowed, UnknownAgency } from './complaint.errors.js';
import {
  CHANNELS,
  COMPLAINT_TYPES,
  type Channel,
  type ComplaintSubmitted,
  type ComplaintType,
} from './complaint.events.js';
import type { ComplaintState } from './complaint.js';
import { openWindow, PRIORITIES, type DeadlineSchedule, type Priority } from './deadlines.js';
import { addDuration, type IsoDuration } from './iso-duration.js';
import { hashAccessKey } from './reporter-access.js';
import { reporterIdFor, type SealedReporterContact } from './reporter-identity.js';
import { oneOf, optionalText, requiredText } from './validation.js';
import { SERVICE_CATEGORIES, type ServiceCategory } from './workflow.js';

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
  /**
   * The reporter's contact, checked (reporterContactOf) and sealed at the edge before the decision: the
   * domain never holds it in clear, and decides nothing on it.
   */
  readonly reporter?: SealedReporterContact | null;
  readonly actor: CommandActor;
  readonly now: Date;
  /** The legal response deadline (Law 25/2009), e.g. P14D. */
  readonly responseDeadline: IsoDuration;
  readonly agencies: AgencyDirectory;
  /** URGENT for health, life and safety; NORMAL when absent. */
  readonly priority?: Priority | string | null;
  readonly category?: ServiceCategory | string | null;
  /**
   * A fresh random access key (chosen outside the domain). It is kept, as a hash, when the reporter has
   * no account or asked for anonymity, so they can follow the complaint without one.
   */
  readonly accessKey?: string | null;
  /**
   * The deadline policy and calendar. With it, the report's TRIAGE and RESPONSE deadlines are recorded
   * (RESPONSE then follows the policy for the priority, `responseDeadline` being the NORMAL one).
   */
  readonly schedule?: DeadlineSchedule;
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
  const anonymous = command.anonymous ?? false;
  const workflowFacts = workflowFactsOf(command, anonymous);
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
      anonymous,
      confidential: command.confidential ?? false,
      reporter: command.reporter ?? null,
      reporterId: reporterIdFor(command.actor),
      receivedAt: command.now.toISOString(),
      dueAt: workflowFacts.dueAt ?? addDuration(command.now, command.responseDeadline).toISOString(),
      ...workflowFacts.data,
    },
  };
}

/** Who may follow a complaint with an access key: a reporter without an account, or one who asked for anonymity. */
const needsAccessKey = (actor: CommandActor, anonymous: boolean): boolean => actor.role !== 'citizen' || anonymous;

function workflowFactsOf(
  command: SubmitComplaint,
  anonymous: boolean,
): { dueAt: string | null; data: Partial<ComplaintSubmitted['data']> } {
  const priority =
    command.priority === undefined || command.priority === null
      ? 'NORMAL'
      : oneOf('priority', command.priority, PRIORITIES);
  const category =
    command.category === undefined || command.category === null
      ? null
      : oneOf('category', command.category, SERVICE_CATEGORIES);
  const accessKeyHash =
    command.accessKey && needsAccessKey(command.actor, anonymous)
      ? { accessKeyHash: hashAccessKey(command.accessKey) }
      : {};
  if (!command.schedule) {
    const classification = {
      ...(priority !== 'NORMAL' ? { priority } : {}),
      ...(category !== null ? { category } : {}),
    };
    return { dueAt: null, data: { ...classification, ...accessKeyHash } };
  }
  const triage = openWindow('TRIAGE', 'TRIAGE', command.now, priority, command.schedule);
  const response = openWindow('RESPONSE', 'RESPONSE', command.now, priority, command.schedule);
  return { dueAt: response.dueAt, data: { priority, category, ...accessKeyHash, deadlines: [triage, response] } };
}
