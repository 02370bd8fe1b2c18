import type { WorkflowEvent } from './complaint-workflow.events.js';
import { WORKFLOW_EVENT_TYPES, WORKFLOW_SCHEMA_VERSION } from './complaint-workflow.events.js';
import type { DeadlineWindow, Priority } from './deadlines.js';
import type { RecordedReporterContact } from './reporter-identity.js';
import type { ReporterIdentityEvent } from './reporter-identity.events.js';
import { REPORTER_IDENTITY_EVENT_TYPES, REPORTER_IDENTITY_SCHEMA_VERSION } from './reporter-identity.events.js';
import type { ServiceCategory } from './workflow.js';

/** The three kinds of report SP4N-LAPOR! accepts. */
export const COMPLAINT_TYPES = ['COMPLAINT', 'ASPIRATION', 'INFORMATION_REQUEST'] as const;
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];

/** Where a report came in. SP4N marks records pulled from the national system. */
export const CHANNELS = ['WEB', 'MOBILE_APP', 'SMS', 'WHATSAPP', 'SOCIAL_MEDIA', 'CALL_CENTER', 'SP4N'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Administrative sanctions of Law 25/2009 on Public Services, art. 54–58, from the lightest to the
 * heaviest. A written reprimand comes first; release from office follows when a reprimand is not
 * remedied; the license sanctions apply to a service provider that is a body rather than an official.
 */
export const SANCTION_KINDS = [
  'WRITTEN_REPRIMAND',
  'SALARY_REDUCTION',
  'DEMOTION',
  'RELEASE_FROM_OFFICE',
  'HONORABLE_DISMISSAL',
  'DISHONORABLE_DISMISSAL',
  'LICENSE_FREEZE',
  'LICENSE_REVOCATION',
] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** Who raised an escalation: the decision differs (a reporter needs a reason to dispute). */
export type EscalationSource = 'OPERATOR' | 'REPORTER' | 'SYSTEM';

/**
 * A citizen (or an operator on their behalf) filed a report. It opens the stream; `dueAt` is the
 * legal response deadline (Law 25/2009) computed from `receivedAt` when the report was received.
 * The optional fields came with the SP4N-LAPOR! workflow: events written before it lack them.
 *
 * Schema v2 carries the reporter's contact sealed (never in clear); v1 carried it in clear, and is
 * upcast to `{ form: 'clear', … }` (complaint.upcasting.ts).
 */
export interface ComplaintSubmitted {
  readonly type: 'ComplaintSubmitted';
  readonly data: {
    readonly complaintId: string;
    readonly trackingCode: string;
    readonly title: string;
    readonly description: string;
    readonly complaintType: ComplaintType;
    readonly channel: Channel;
    readonly requestedAgencyCode: string | null;
    readonly anonymous: boolean;
    readonly confidential: boolean;
    /** The contact sealed under the reporter's data key (v2), or in clear as v1 wrote it; null when none was given. */
    readonly reporter: RecordedReporterContact | null;
    /** The citizen account that filed it, so they can follow it; null for a report without an account. */
    readonly reporterId: string | null;
    readonly receivedAt: string;
    readonly dueAt: string;
    /** URGENT (health, life, safety) runs on shorter deadlines; absent means NORMAL. */
    readonly priority?: Priority;
    readonly category?: ServiceCategory | null;
    /** SHA-256 of the access key handed to a reporter without an account; the key itself is never stored. */
    readonly accessKeyHash?: string;
    /** The deadlines started on receipt (TRIAGE, RESPONSE). */
    readonly deadlines?: readonly DeadlineWindow[];
    /** Imported from SP4N-LAPOR!: the national system's tracking id (the complaint id derives from it). */
    readonly nationalTrackingId?: string;
  };
}

/** An operator or the assigned agency handed the complaint to another agency ("disposisi"). */
export interface ComplaintForwarded {
  readonly type: 'ComplaintForwarded';
  readonly data: {
    readonly complaintId: string;
    readonly fromAgencyCode: string | null;
    readonly toAgencyCode: string;
    readonly note: string | null;
    readonly forwardedAt: string;
    /** The receiving agency's FOLLOW_UP deadline (absent on events that predate deadlines). */
    readonly deadlines?: readonly DeadlineWindow[];
  };
}

/** The assigned agency answered. `onTime` compares with the legal deadline at the moment of answer. */
export interface ComplaintResponded {
  readonly type: 'ComplaintResponded';
  readonly data: {
    readonly complaintId: string;
    readonly agencyCode: string;
    readonly message: string;
    readonly respondedAt: string;
    readonly onTime: boolean;
    /** The reporter's CLOSURE window (absent on events that predate deadlines). */
    readonly deadlines?: readonly DeadlineWindow[];
  };
}

/** The complaint went to the Ombudsman: unanswered in time, disputed, or sent by an operator. */
export interface ComplaintEscalated {
  readonly type: 'ComplaintEscalated';
  readonly data: {
    readonly complaintId: string;
    readonly reason: string;
    readonly source: EscalationSource;
    /** The agency holding the complaint when it was escalated, for the Ombudsman's feed. */
    readonly agencyCode: string | null;
    readonly escalatedAt: string;
    /** The Ombudsman's DISPUTE deadline (absent on events that predate deadlines). */
    readonly deadlines?: readonly DeadlineWindow[];
  };
}

/** The Ombudsman recorded a sanction against an agency (and optionally a named official). */
export interface ComplaintSanctioned {
  readonly type: 'ComplaintSanctioned';
  readonly data: {
    readonly complaintId: string;
    readonly sanctionedAgencyCode: string;
    readonly officialName: string | null;
    readonly kind: SanctionKind;
    readonly reason: string;
    readonly sanctionedAt: string;
    /** The agency's REMEDY period before the next tier is due (absent on events that predate deadlines). */
    readonly deadlines?: readonly DeadlineWindow[];
  };
}

/** The five lifecycle events: submitted, forwarded, responded, escalated, sanctioned. */
export type LifecycleEvent =
  ComplaintSubmitted | ComplaintForwarded | ComplaintResponded | ComplaintEscalated | ComplaintSanctioned;

export type LifecycleEventType = LifecycleEvent['type'];

/**
 * Every event of a complaint stream: the lifecycle, the SP4N-LAPOR! workflow (complaint-workflow.events.ts)
 * and the reporter's identity (reporter-identity.events.ts).
 */
export type ComplaintEvent = LifecycleEvent | WorkflowEvent | ReporterIdentityEvent;

export type ComplaintEventType = ComplaintEvent['type'];

/** Current schema version of each lifecycle event's data; bump it together with an upcaster for the old one. */
export const CURRENT_SCHEMA_VERSION: Readonly<Record<LifecycleEventType, number>> = {
  ComplaintSubmitted: 2,
  ComplaintForwarded: 1,
  ComplaintResponded: 1,
  ComplaintEscalated: 1,
  ComplaintSanctioned: 1,
};

/** Current schema version of every event's data. */
export const SCHEMA_VERSIONS: Readonly<Record<ComplaintEventType, number>> = {
  ...CURRENT_SCHEMA_VERSION,
  ...WORKFLOW_SCHEMA_VERSION,
  ...REPORTER_IDENTITY_SCHEMA_VERSION,
};

/** Stable type names as stored; never derived from class names at run time. */
export const COMPLAINT_EVENT_TYPES: readonly ComplaintEventType[] = [
  'ComplaintSubmitted',
  'ComplaintForwarded',
  'ComplaintResponded',
  'ComplaintEscalated',
  'ComplaintSanctioned',
  ...WORKFLOW_EVENT_TYPES,
  ...REPORTER_IDENTITY_EVENT_TYPES,
];

export const complaintStreamName = (complaintId: string): string => `complaint-${complaintId}`;
export const COMPLAINT_STREAM_PREFIX = 'complaint-';
