import type { WorkflowEvent } from './complaint-workflow.events.js';
import type { Complaint, ComplaintState } from './complaint.js';
import {
  cancelDeadlines,
  DEADLINE_KINDS,
  expireDeadlines,
  meetDeadlines,
  startDeadlines,
  type DeadlineRecord,
} from './deadlines.js';
import { evolveExamination } from './ombudsman-examination.evolve.js';
import { EMPTY_WORKFLOW, type ComplaintWorkflow } from './workflow.js';

const workflowOf = (complaint: Complaint): ComplaintWorkflow => complaint.workflow ?? EMPTY_WORKFLOW;

const changeDeadlines = (
  complaint: Complaint,
  change: (records: readonly DeadlineRecord[]) => readonly DeadlineRecord[],
): readonly DeadlineRecord[] => change(workflowOf(complaint).deadlines);

/**
 * Folds the workflow's events (complaint-workflow.events.ts). Like `evolve`, total and pure: an event
 * that does not fit the state leaves it as it is.
 */
export function evolveWorkflow(state: ComplaintState, event: WorkflowEvent): ComplaintState {
  if (state.status === 'NONE') return state;
  const workflow = workflowOf(state);
  switch (event.type) {
    case 'ComplaintVerified': {
      if (state.status !== 'SUBMITTED') return state;
      return { ...state, status: 'VERIFIED', workflow: { ...workflow, verifiedAt: event.data.verifiedAt } };
    }
    case 'ComplaintClassified': {
      if (state.status === 'ARCHIVED' || state.status === 'CLOSED') return state;
      const { category, priority, deadlines, dueAt } = event.data;
      return {
        ...state,
        dueAt: dueAt ?? state.dueAt,
        workflow: { ...workflow, category, priority, deadlines: startDeadlines(workflow.deadlines, deadlines) },
      };
    }
    case 'ComplaintPrivacyChanged': {
      const { anonymous, confidential } = event.data;
      return { ...state, anonymous, confidential };
    }
    case 'ComplaintPutOnHold': {
      if (state.status !== 'SUBMITTED' && state.status !== 'VERIFIED') return state;
      const { reason, heldAt } = event.data;
      return {
        ...state,
        status: 'ON_HOLD',
        workflow: {
          ...workflow,
          holds: [...workflow.holds, { reason, heldAt, resumedAt: null }],
          deadlines: cancelDeadlines(workflow.deadlines, ['TRIAGE', 'RESPONSE'], heldAt),
        },
      };
    }
    case 'ComplaintInformationAdded': {
      if (state.status === 'ARCHIVED' || state.status === 'CLOSED') return state;
      const { information, resumed, deadlines, dueAt, addedAt } = event.data;
      const withInformation = { ...workflow, information: [...workflow.information, { text: information, addedAt }] };
      if (!resumed || state.status !== 'ON_HOLD') return { ...state, workflow: withInformation };
      return {
        ...state,
        status: 'SUBMITTED',
        dueAt: dueAt ?? state.dueAt,
        workflow: {
          ...withInformation,
          holds: workflow.holds.map((hold, i) =>
            i === workflow.holds.length - 1 && hold.resumedAt === null ? { ...hold, resumedAt: addedAt } : hold,
          ),
          deadlines: startDeadlines(workflow.deadlines, deadlines),
        },
      };
    }
    case 'ComplaintReturned': {
      if (state.status !== 'FORWARDED') return state;
      const { fromAgencyCode, toAgencyCode, reason, deadlines, returnedAt } = event.data;
      const next = {
        ...workflow,
        returns: [...workflow.returns, { fromAgencyCode, toAgencyCode, reason, returnedAt }],
        deadlines: startDeadlines(meetDeadlines(workflow.deadlines, ['FOLLOW_UP'], returnedAt), deadlines),
      };
      if (toAgencyCode === null) return { ...state, status: 'VERIFIED', assignedAgencyCode: null, workflow: next };
      return {
        ...state,
        assignedAgencyCode: toAgencyCode,
        assignmentTrail: state.assignmentTrail.includes(toAgencyCode)
          ? state.assignmentTrail
          : [...state.assignmentTrail, toAgencyCode],
        workflow: next,
      };
    }
    case 'ComplaintArchived': {
      if (state.status !== 'SUBMITTED' && state.status !== 'VERIFIED' && state.status !== 'ON_HOLD') return state;
      const { reason, note, duplicateOfId, archivedAt } = event.data;
      return {
        ...state,
        status: 'ARCHIVED',
        workflow: {
          ...workflow,
          archive: { reason, note, duplicateOfId, archivedAt },
          deadlines: cancelDeadlines(workflow.deadlines, DEADLINE_KINDS, archivedAt),
        },
      };
    }
    case 'ComplaintClosedByReporter': {
      if (state.status !== 'RESPONDED') return state;
      const { rating, comment, closedAt } = event.data;
      const closure = { closedBy: 'REPORTER' as const, closedAt, finding: null, reason: null };
      return {
        ...state,
        status: 'CLOSED',
        workflow: {
          ...workflow,
          closure,
          closures: [...workflow.closures, closure],
          rating: { rating, comment, ratedAt: closedAt },
          deadlines: meetDeadlines(workflow.deadlines, ['CLOSURE'], closedAt),
        },
      };
    }
    case 'ComplaintAutoClosed': {
      if (state.status !== 'RESPONDED') return state;
      const { closedAt } = event.data;
      const closure = { closedBy: 'SYSTEM' as const, closedAt, finding: null, reason: null };
      return {
        ...state,
        status: 'CLOSED',
        workflow: {
          ...workflow,
          closure,
          closures: [...workflow.closures, closure],
          deadlines: expireDeadlines(workflow.deadlines, ['CLOSURE'], closedAt),
        },
      };
    }
    case 'ComplaintRated': {
      if (state.status !== 'CLOSED') return state;
      const { rating, comment, ratedAt } = event.data;
      return { ...state, workflow: { ...workflow, rating: { rating, comment, ratedAt } } };
    }
    case 'ComplaintReopened': {
      if (state.status !== 'CLOSED' || state.escalation !== null) return state;
      const { reason, toAgencyCode, deadlines, dueAt, reopenedAt } = event.data;
      return {
        ...state,
        status: 'FORWARDED',
        assignedAgencyCode: toAgencyCode,
        escalation: null,
        dueAt,
        assignmentTrail: state.assignmentTrail.includes(toAgencyCode)
          ? state.assignmentTrail
          : [...state.assignmentTrail, toAgencyCode],
        workflow: {
          ...workflow,
          closure: null,
          reopenings: [...workflow.reopenings, { reason, reopenedAt, toAgencyCode }],
          deadlines: startDeadlines(workflow.deadlines, deadlines),
        },
      };
    }
    case 'ComplaintConcluded': {
      if (state.status !== 'ESCALATED') return state;
      const { finding, reason, concludedAt } = event.data;
      const closure = { closedBy: 'OMBUDSMAN' as const, closedAt: concludedAt, finding, reason };
      return {
        ...state,
        status: 'CLOSED',
        workflow: {
          ...workflow,
          closure,
          closures: [...workflow.closures, closure],
          deadlines: meetDeadlines(workflow.deadlines, ['DISPUTE'], concludedAt),
        },
      };
    }
    case 'ComplaintFieldCheckOrdered': {
      if (state.status !== 'ESCALATED' && state.status !== 'SANCTIONED') return state;
      const { deadlines, orderedAt } = event.data;
      return {
        ...state,
        workflow: {
          ...workflow,
          fieldCheckOrderedAt: orderedAt,
          deadlines: startDeadlines(workflow.deadlines, deadlines),
        },
      };
    }
    case 'ComplaintSanctionRemedied': {
      if (state.status !== 'SANCTIONED') return state;
      const { agencyCode, note, remediedAt } = event.data;
      return {
        ...state,
        workflow: {
          ...workflow,
          remedies: [...workflow.remedies, { agencyCode, note, remediedAt }],
          deadlines: meetDeadlines(workflow.deadlines, ['REMEDY'], remediedAt),
        },
      };
    }
    case 'ComplaintDeadlineWarned': {
      const { kind, dueAt, warnedAt } = event.data;
      return {
        ...state,
        workflow: {
          ...workflow,
          deadlines: changeDeadlines(state, (records) =>
            records.map((r) =>
              r.status === 'OPEN' && r.kind === kind && r.dueAt === dueAt && r.warnedAt === null
                ? { ...r, warnedAt }
                : r,
            ),
          ),
        },
      };
    }
    case 'ComplaintAcceptedByOmbudsman':
    case 'ComplaintRejectedByOmbudsman':
    case 'ComplaintRecommendationIssued':
    case 'ComplaintRecommendationImplemented':
      return evolveExamination(state, event);
    case 'ComplaintDeadlineBreached': {
      const { kind, dueAt, breachedAt } = event.data;
      return {
        ...state,
        workflow: {
          ...workflow,
          deadlines: changeDeadlines(state, (records) =>
            records.map((r) =>
              r.status === 'OPEN' && r.kind === kind && r.dueAt === dueAt
                ? { ...r, status: 'BREACHED' as const, breachedAt }
                : r,
            ),
          ),
        },
      };
    }
  }
}
