import type {
  Channel,
  ComplaintEvent,
  ComplaintType,
  EscalationSource,
  ReporterContact,
  SanctionKind,
} from './complaint.events.js';

export const COMPLAINT_STATUSES = ['SUBMITTED', 'FORWARDED', 'RESPONDED', 'ESCALATED', 'SANCTIONED'] as const;
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
  readonly reporter: ReporterContact | null;
  readonly reporterId: string | null;
  readonly submittedAt: string;
  readonly dueAt: string;
  /** Each agency the complaint has been assigned to, once, in order of first assignment; an agency keeps sight of what it passed on. */
  readonly assignmentTrail: readonly string[];
  readonly responses: readonly ComplaintResponse[];
  readonly sanctions: readonly ComplaintSanction[];
}

/** Filed, not yet routed to an agency. */
export interface SubmittedComplaint extends ComplaintFacts {
  readonly status: 'SUBMITTED';
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

export type Complaint =
  SubmittedComplaint | ForwardedComplaint | RespondedComplaint | EscalatedComplaint | SanctionedComplaint;

/** The state before the stream's first event. */
export interface NoComplaint {
  readonly status: 'NONE';
}

export type ComplaintState = NoComplaint | Complaint;

export const initialState = (): ComplaintState => ({ status: 'NONE' });

/** When the complaint was last answered, if ever. */
export const respondedAt = (complaint: Complaint): string | null => complaint.responses.at(-1)?.respondedAt ?? null;

/**
 * Folds one event into the state. Total and pure: an event that does not fit the state (which the
 * deciders never produce) leaves the state as it is rather than throwing, so a replay never stops.
 */
export function evolve(state: ComplaintState, event: ComplaintEvent): ComplaintState {
  switch (event.type) {
    case 'ComplaintSubmitted': {
      if (state.status !== 'NONE') return state;
      const d = event.data;
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
        reporter: d.reporter,
        reporterId: d.reporterId,
        submittedAt: d.receivedAt,
        dueAt: d.dueAt,
        assignedAgencyCode: null,
        assignmentTrail: [],
        responses: [],
        escalation: null,
        sanctions: [],
      };
    }
    case 'ComplaintForwarded': {
      if (state.status !== 'SUBMITTED' && state.status !== 'FORWARDED' && state.status !== 'RESPONDED') return state;
      const to = event.data.toAgencyCode;
      return {
        ...state,
        status: 'FORWARDED',
        assignedAgencyCode: to,
        assignmentTrail: state.assignmentTrail.includes(to) ? state.assignmentTrail : [...state.assignmentTrail, to],
      };
    }
    case 'ComplaintResponded': {
      if (state.status !== 'FORWARDED' && state.status !== 'RESPONDED') return state;
      const { agencyCode, message, respondedAt: at, onTime } = event.data;
      return {
        ...state,
        status: 'RESPONDED',
        responses: [...state.responses, { agencyCode, message, respondedAt: at, onTime }],
      };
    }
    case 'ComplaintEscalated': {
      if (state.status === 'NONE' || state.status === 'ESCALATED' || state.status === 'SANCTIONED') return state;
      const { reason, source, agencyCode, escalatedAt } = event.data;
      return { ...state, status: 'ESCALATED', escalation: { reason, source, agencyCode, escalatedAt } };
    }
    case 'ComplaintSanctioned': {
      if (state.status !== 'ESCALATED' && state.status !== 'SANCTIONED') return state;
      const { sanctionedAgencyCode, officialName, kind, reason, sanctionedAt } = event.data;
      return {
        ...state,
        status: 'SANCTIONED',
        sanctions: [...state.sanctions, { sanctionedAgencyCode, officialName, kind, reason, sanctionedAt }],
      };
    }
  }
}

export const replay = (events: readonly ComplaintEvent[], from: ComplaintState = initialState()): ComplaintState =>
  events.reduce(evolve, from);
