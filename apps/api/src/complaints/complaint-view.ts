import type { AgencyDirectory } from '#aduan/agencies';
import {
  deadlinesOf,
  examinationOf,
  recommendationStatusOf,
  sanctionLadderOf,
  workflowOf,
  type Complaint,
} from '#aduan/complaints';
import type { ComplaintSnapshot } from '#aduan/projections';
import type { AgencyModel } from '../agencies/agency.model.js';
import type { ComplaintModel } from './models/complaint.model.js';
import type { OmbudsmanExaminationModel } from './models/ombudsman-examination.models.js';

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
    nationalTrackingId: state.nationalTrackingId ?? null,
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
    ...workflowFields(state),
    ombudsmanExamination: examinationView(state, agencies),
    accessKey: null,
    complaint: state,
  };
}

const date = (iso: string): Date => new Date(iso);
const optionalDate = (iso: string | null): Date | null => (iso === null ? null : new Date(iso));

/** The SP4N-LAPOR! workflow's part of the view. */
function workflowFields(state: Complaint) {
  const workflow = workflowOf(state);
  const ladder = sanctionLadderOf(state);
  return {
    priority: workflow.priority,
    category: workflow.category,
    verifiedAt: optionalDate(workflow.verifiedAt),
    deadlines: deadlinesOf(state).map((d) => ({
      kind: d.kind,
      status: d.status,
      rule: d.rule,
      priority: d.priority,
      span: d.span === '' ? null : d.span,
      startedAt: date(d.startedAt),
      dueAt: date(d.dueAt),
      warnAt: optionalDate(d.warnAt),
      warnedAt: optionalDate(d.warnedAt),
      breachedAt: optionalDate(d.breachedAt),
      closedAt: optionalDate(d.closedAt),
    })),
    holds: workflow.holds.map((h) => ({ ...h, heldAt: date(h.heldAt), resumedAt: optionalDate(h.resumedAt) })),
    information: workflow.information.map((i) => ({ text: i.text, addedAt: date(i.addedAt) })),
    returns: workflow.returns.map((r) => ({ ...r, returnedAt: date(r.returnedAt) })),
    archive: workflow.archive ? { ...workflow.archive, archivedAt: date(workflow.archive.archivedAt) } : null,
    closure: workflow.closure ? { ...workflow.closure, closedAt: date(workflow.closure.closedAt) } : null,
    rating: workflow.rating ? { ...workflow.rating, ratedAt: date(workflow.rating.ratedAt) } : null,
    reopenings: workflow.reopenings.map((r) => ({ ...r, reopenedAt: date(r.reopenedAt) })),
    fieldCheckOrderedAt: optionalDate(workflow.fieldCheckOrderedAt),
    sanctionLadder: { ...ladder, remedyDueAt: optionalDate(ladder.remedyDueAt) },
    remedies: workflow.remedies.map((r) => ({ ...r, remediedAt: date(r.remediedAt) })),
  };
}

/** The Ombudsman's handling; null for a complaint that never went to the Ombudsman. */
function examinationView(state: Complaint, agencies: AgencyDirectory): OmbudsmanExaminationModel | null {
  const examination = examinationOf(state);
  if (!examination) {
    if (state.escalation === null) return null;
    return {
      stage: 'AWAITING_DECISION',
      office: null,
      decidedAt: null,
      preconditions: null,
      grounds: [],
      note: null,
      recommendations: [],
    };
  }
  const agency = (code: string): AgencyModel => describeAgency(code, agencies);
  const { preconditions: p } = examination;
  return {
    stage: examination.decision,
    office: agency(examination.officeCode),
    decidedAt: date(examination.decidedAt),
    preconditions: {
      failed: [...p.failed],
      priorComplaint: p.priorComplaint
        ? {
            basis: p.priorComplaint.basis,
            agency: p.priorComplaint.agencyCode ? agency(p.priorComplaint.agencyCode) : null,
            statement: p.priorComplaint.statement,
          }
        : null,
      matterOccurredAt: date(p.matterOccurredAt),
      reportedAt: date(p.reportedAt),
      reportLimit: p.reportLimit,
      reportLimitEndsAt: date(p.reportLimitEndsAt),
    },
    grounds: [...examination.grounds],
    note: examination.note,
    recommendations: examination.recommendations.map((r) => ({
      number: r.number,
      office: agency(r.officeCode),
      agency: agency(r.agencyCode),
      recommendation: r.text,
      issuedAt: date(r.issuedAt),
      receivedAt: date(r.receivedAt),
      dueAt: date(r.dueAt),
      status: recommendationStatusOf(state, r),
      implementation: r.implementation
        ? {
            note: r.implementation.note,
            reportedByAgency: r.implementation.reportedByAgencyCode
              ? agency(r.implementation.reportedByAgencyCode)
              : null,
            implementedAt: date(r.implementation.implementedAt),
            onTime: r.implementation.onTime,
          }
        : null,
    })),
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
