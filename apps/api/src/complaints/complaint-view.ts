import type { AgencyDirectory } from '#aduan/agencies';
import type { Complaint } from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { AgencyModel } from '../agencies/agency.model.js';
import type { ComplaintModel } from './models/complaint.model.js';

/** Maps a complaint's state (from a write or a read model) to its GraphQL shape. */
export function toComplaintModel({ state, version }: ComplaintSnapshot, agencies: AgencyDirectory): ComplaintModel {
  const agency = (code: string): AgencyModel => describeAgency(code, agencies);
  return {
    id: state.id,
    trackingCode: state.trackingCode,
    title: state.title,
    description: state.description,
    type: state.complaintType,
    channel: state.channel,
    status: state.status,
    anonymous: state.anonymous,
    confidential: state.confidential,
    requestedAgency: state.requestedAgencyCode ? agency(state.requestedAgencyCode) : null,
    assignedAgency: state.assignedAgencyCode ? agency(state.assignedAgencyCode) : null,
    submittedAt: new Date(state.submittedAt),
    dueAt: new Date(state.dueAt),
    respondedAt: lastResponseAt(state),
    escalatedAt: state.escalation ? new Date(state.escalation.escalatedAt) : null,
    version,
    responses: state.responses.map((r) => ({
      agency: agency(r.agencyCode),
      message: r.message,
      respondedAt: new Date(r.respondedAt),
      onTime: r.onTime,
    })),
    escalation: state.escalation ? { ...state.escalation, escalatedAt: new Date(state.escalation.escalatedAt) } : null,
    sanctions: state.sanctions.map((s) => ({
      sanctionedAgency: agency(s.sanctionedAgencyCode),
      officialName: s.officialName,
      kind: s.kind,
      reason: s.reason,
      sanctionedAt: new Date(s.sanctionedAt),
    })),
    complaint: state,
  };
}

/** An agency removed from the directory since the event was written still shows its code. */
export function describeAgency(code: string, agencies: AgencyDirectory): AgencyModel {
  const found = agencies.get(code);
  return found ? { ...found } : { code, name: code, parentCode: null, level: 'WORK_UNIT', smsKeyword: null };
}

function lastResponseAt(state: Complaint): Date | null {
  const last = state.responses.at(-1);
  return last ? new Date(last.respondedAt) : null;
}
