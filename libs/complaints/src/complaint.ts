import type { Channel, ComplaintEvent, ComplaintType, EscalationSource, SanctionKind } from './complaint.events.js';
import { evolveWorkflow } from './complaint-workflow.evolve.js';
import { cancelDeadlines, meetDeadlines, startDeadlines, type DeadlineRecord } from './deadlines.js';
import { identityOf, type ReporterIdentity } from './reporter-identity.js';
import { EMPTY_WORKFLOW, type ComplaintWorkflow } from './workflow.js';

/**
 * Where a complaint stands. SUBMITTED → FORWARDED → RESPONDED → ESCALATED → SANCTIONED is the
 * lifecycle; the SP4N-LAPOR! workflow adds VERIFIED (verified, awaiting disposition), ON_HOLD (returned
 * to the reporter for information), ARCHIVED (set aside at triage) and CLOSED (settled).
 */
export const COMPLAINT_STATUSES = [
  'SUBMITTED',
  'FORWARDED',
  'RESPONDED',
  'ESCALATED',
  'SANCTIONED',
  'VERIFIED',
  'ON_HOLD',
  'ARCHIVED',
  'CLOSED',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export interface ComplaintResponse {
  readonly agencyCode: string;
  readonly message: string;
  readonly respondedAt: string;
  readonly onTime: boolean;
}

export interface ComplaintEscalation {
  readonly reason: string;
  readonly source: EscalationSource;
  readonly agencyCode: string | null;
  readonly escalatedAt: string;
}

export interface ComplaintSanction {
  readonly sanctionedAgencyCode: string;
  readonly officialName: string | null;
  readonly kind: SanctionKind;
  readonly reason: string;
  readonly sanctionedAt: string;
}

interface ComplaintFacts {
  readonly id: string;
  readonly trackingCode: string;
  readonly title: string;
  readonly description: string;
  readonly complaintType: ComplaintType;
  readonly channel: Channel;
  readonly requestedAgencyCode: string | null;
  readonly anonymous: boolean;
  readonly confidential: boolean;
  /** The contact's sealed form (or where it lies, or that it was erased): never the clear values. */
  readonly reporter: ReporterIdentity | null;
  readonly reporterId: string | null;
  /** When an operator erased the reporter's identity; absent while it never was. */
  readonly identityErasedAt?: string;
  readonly submittedAt: string;
  /** The legal response deadline; restarts when a held report is completed or a closed one reopened. */
  readonly dueAt: string;
  /** Each agency the complaint has been assigned to, once, in order of first assignment; an agency keeps sight of what it passed on. */
  readonly assignmentTrail: readonly string[];
  readonly responses: readonly ComplaintResponse[];
  readonly sanctions: readonly ComplaintSanction[];
  /** The workflow's facts; absent until the history holds one (read it with `workflowOf`). */
  readonly workflow?: ComplaintWorkflow;
  /** Imported from SP4N-LAPOR!: the national tracking id; absent for complaints filed here. */
  readonly nationalTrackingId?: string;
}

/** Filed, not yet routed to an agency. */
export interface SubmittedComplaint extends ComplaintFacts {
  readonly status: 'SUBMITTED';
  readonly assignedAgencyCode: null;
  readonly escalation: null;
}

/** Verified by an operator, awaiting disposition (or handed back to national triage by an agency). */
export interface VerifiedComplaint extends ComplaintFacts {
  readonly status: 'VERIFIED';
  readonly assignedAgencyCode: null;
  readonly escalation: null;
}

/** Returned to the reporter for missing information; its clocks stand still. */
export interface OnHoldComplaint extends ComplaintFacts {
  readonly status: 'ON_HOLD';
  readonly assignedAgencyCode: null;
  readonly escalation: null;
}

/** Set aside at triage (duplicate, not a public-service matter, unintelligible, out of scope). */
export interface ArchivedComplaint extends ComplaintFacts {
  readonly status: 'ARCHIVED';
  readonly assignedAgencyCode: null;
  readonly escalation: null;
}

/** Assigned to an agency that has not answered since. */
export interface ForwardedComplaint extends ComplaintFacts {
  readonly status: 'FORWARDED';
  readonly assignedAgencyCode: string;
  readonly escalation: null;
}

/** The assigned agency has answered. */
export interface RespondedComplaint extends ComplaintFacts {
  readonly status: 'RESPONDED';
  readonly assignedAgencyCode: string;
  readonly escalation: null;
}

/** In the Ombudsman's hands. */
export interface EscalatedComplaint extends ComplaintFacts {
  readonly status: 'ESCALATED';
  readonly assignedAgencyCode: string | null;
  readonly escalation: ComplaintEscalation;
}

/** The Ombudsman has sanctioned at least once; more sanctions may follow. */
export interface SanctionedComplaint extends ComplaintFacts {
  readonly status: 'SANCTIONED';
  readonly assignedAgencyCode: string | null;
  readonly escalation: ComplaintEscalation;
}

/** Settled: accepted by the reporter, closed for want of a reply, or concluded by the Ombudsman. */
export interface ClosedComplaint extends ComplaintFacts {
  readonly status: 'CLOSED';
  readonly assignedAgencyCode: string | null;
  readonly escalation: ComplaintEscalation | null;
}

export type Complaint =
  | SubmittedComplaint
  | VerifiedComplaint
  | OnHoldComplaint
  | ArchivedComplaint
  | ForwardedComplaint
  | RespondedComplaint
  | EscalatedComplaint
  | SanctionedComplaint
  | ClosedComplaint;

/** The state before the stream's first event. */
export interface NoComplaint {
  readonly status: 'NONE';
}

export type ComplaintState = NoComplaint | Complaint;

export const initialState = (): ComplaintState => ({ status: 'NONE' });

/** When the complaint was last answered, if ever. */
export const respondedAt = (complaint: Complaint): string | null => complaint.responses.at(-1)?.respondedAt ?? null;

/** The workflow's facts, with defaults for a complaint whose history holds none. */
export const workflowOf = (complaint: Complaint): ComplaintWorkflow => complaint.workflow ?? EMPTY_WORKFLOW;

/** Statuses in which nothing but the reporter's rating or reopening can happen any more. */
export const isSettled = (complaint: Complaint): boolean =>
  complaint.status === 'ARCHIVED' || complaint.status === 'CLOSED';

/**
 * Every deadline of the complaint, running or past. A complaint whose history predates deadline
 * records still shows its legal RESPONSE deadline (`dueAt`), derived from what happened.
 */
export function deadlinesOf(complaint: Complaint): readonly DeadlineRecord[] {
  const stored = workflowOf(complaint).deadlines;
  if (stored.some((r) => r.kind === 'RESPONSE')) return stored;
  return [legacyResponseDeadline(complaint), ...stored];
}

function legacyResponseDeadline(complaint: Complaint): DeadlineRecord {
  const base = {
    kind: 'RESPONSE' as const,
    rule: 'RESPONSE' as const,
    priority: workflowOf(complaint).priority,
    span: '',
    startedAt: complaint.submittedAt,
    dueAt: complaint.dueAt,
    warnAt: null,
    warnedAt: null,
  };
  const first = complaint.responses[0];
  if (first) {
    return first.onTime
      ? { ...base, status: 'MET', breachedAt: null, closedAt: first.respondedAt }
      : { ...base, status: 'BREACHED', breachedAt: first.respondedAt, closedAt: first.respondedAt };
  }
  const escalation = complaint.escalation;
  if (escalation) {
    return Date.parse(escalation.escalatedAt) > Date.parse(complaint.dueAt)
      ? { ...base, status: 'BREACHED', breachedAt: escalation.escalatedAt, closedAt: escalation.escalatedAt }
      : { ...base, status: 'CANCELLED', breachedAt: null, closedAt: escalation.escalatedAt };
  }
  if (complaint.status === 'ARCHIVED' || complaint.status === 'ON_HOLD' || complaint.status === 'CLOSED') {
    return { ...base, status: 'CANCELLED', breachedAt: null, closedAt: null };
  }
  return { ...base, status: 'OPEN', breachedAt: null, closedAt: null };
}

const withDeadlines = (
  complaint: Complaint,
  change: (records: readonly DeadlineRecord[]) => readonly DeadlineRecord[],
): ComplaintWorkflow => {
  const workflow = workflowOf(complaint);
  return { ...workflow, deadlines: change(workflow.deadlines) };
};

/**
 * Folds one event into the state. Total and pure: an event that does not fit the state (which the
 * deciders never produce) leaves the state as it is rather than throwing, so a replay never stops.
 */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  switch (event.type) {
    case 'ComplaintSubmitted': {
      if (state.status !== 'NONE') return state;
      const d = event.data;
      const hasWorkflowFacts =
        d.priority !== undefined ||
        d.category !== undefined ||
        d.accessKeyHash !== undefined ||
        d.deadlines !== undefined;
      return {
        status: 'SUBMITTED',
        id: d.complaintId,
        trackingCode: d.trackingCode,
        title: d.title,
        description: d.description,
        complaintType: d.complaintType,
        channel: d.channel,
        requestedAgencyCode: d.requestedAgencyCode,
        anonymous: d.anonymous,
        confidential: d.confidential,
        reporter: identityOf(d.reporter),
        reporterId: d.reporterId,
        submittedAt: d.receivedAt,
        dueAt: d.dueAt,
        assignedAgencyCode: null,
        assignmentTrail: [],
        responses: [],
        escalation: null,
        sanctions: [],
        ...(d.nationalTrackingId !== undefined ? { nationalTrackingId: d.nationalTrackingId } : {}),
        ...(hasWorkflowFacts
          ? {
              workflow: {
                ...EMPTY_WORKFLOW,
                priority: d.priority ?? 'NORMAL',
                category: d.category ?? null,
                accessKeyHash: d.accessKeyHash ?? null,
                deadlines: startDeadlines([], d.deadlines),
              },
            }
          : {}),
      };
    }
    case 'ComplaintForwarded': {
      if (
        state.status !== 'SUBMITTED' &&
        state.status !== 'VERIFIED' &&
        state.status !== 'FORWARDED' &&
        state.status !== 'RESPONDED'
      )
        return state;
      const { toAgencyCode: to, forwardedAt, deadlines } = event.data;
      const workflow = withDeadlines(state, (records) =>
        startDeadlines(meetDeadlines(records, ['TRIAGE', 'FOLLOW_UP'], forwardedAt), deadlines),
      );
      return {
        ...state,
        status: 'FORWARDED',
        assignedAgencyCode: to,
        assignmentTrail: state.assignmentTrail.includes(to) ? state.assignmentTrail : [...state.assignmentTrail, to],
        // An operator's forward of an unverified report verifies it in the same step ("verify and dispose").
        workflow: { ...workflow, verifiedAt: workflow.verifiedAt ?? forwardedAt },
      };
    }
    case 'ComplaintResponded': {
      if (state.status !== 'FORWARDED' && state.status !== 'RESPONDED') return state;
      const { agencyCode, message, respondedAt: at, onTime, deadlines } = event.data;
      return {
        ...state,
        status: 'RESPONDED',
        responses: [...state.responses, { agencyCode, message, respondedAt: at, onTime }],
        workflow: withDeadlines(state, (records) =>
          startDeadlines(meetDeadlines(records, ['FOLLOW_UP', 'RESPONSE'], at), deadlines),
        ),
      };
    }
    case 'ComplaintEscalated': {
      if (
        state.status === 'NONE' ||
        state.status === 'ESCALATED' ||
        state.status === 'SANCTIONED' ||
        state.status === 'ON_HOLD' ||
        state.status === 'ARCHIVED' ||
        state.status === 'CLOSED'
      )
        return state;
      const { reason, source, agencyCode, escalatedAt, deadlines } = event.data;
      const late = Date.parse(escalatedAt) > Date.parse(state.dueAt);
      const workflow = withDeadlines(state, (records) => {
        const settled = records.map((r) =>
          r.status === 'OPEN' && r.kind === 'RESPONSE' && late
            ? { ...r, status: 'BREACHED' as const, breachedAt: r.breachedAt ?? escalatedAt, closedAt: escalatedAt }
            : r,
        );
        return startDeadlines(
          cancelDeadlines(settled, ['TRIAGE', 'FOLLOW_UP', 'RESPONSE', 'CLOSURE'], escalatedAt),
          deadlines,
        );
      });
      return {
        ...state,
        status: 'ESCALATED',
        escalation: { reason, source, agencyCode, escalatedAt },
        workflow,
      };
    }
    case 'ComplaintSanctioned': {
      if (state.status !== 'ESCALATED' && state.status !== 'SANCTIONED') return state;
      const { sanctionedAgencyCode, officialName, kind, reason, sanctionedAt, deadlines } = event.data;
      return {
        ...state,
        status: 'SANCTIONED',
        sanctions: [...state.sanctions, { sanctionedAgencyCode, officialName, kind, reason, sanctionedAt }],
        workflow: withDeadlines(state, (records) =>
          startDeadlines(meetDeadlines(records, ['DISPUTE'], sanctionedAt), deadlines),
        ),
      };
    }
    case 'ReporterIdentityErased': {
      if (state.status === 'NONE' || state.identityErasedAt !== undefined) return state;
      return {
        ...state,
        reporter: state.reporter ? { form: 'erased', fields: state.reporter.fields } : null,
        identityErasedAt: event.data.erasedAt,
      };
    }
    default:
      return evolveWorkflow(state, event);
  }
}

export const replay = (events: readonly ComplaintEvent[], from: ComplaintState = initialState()): ComplaintState =>
  events.reduce(evolve, from);
