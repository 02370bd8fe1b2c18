import type { Complaint } from './complaint.js';
import { cancelDeadlines, DEADLINE_KINDS, meetDeadlines, startDeadlines } from './deadlines.js';
import type { OmbudsmanExaminationEvent } from './ombudsman-examination.events.js';
import type { OmbudsmanExamination, OmbudsmanRecommendation } from './ombudsman.js';
import { EMPTY_WORKFLOW, type ComplaintWorkflow } from './workflow.js';

const withOmbudsman = (status: Complaint['status']): boolean => status === 'ESCALATED' || status === 'SANCTIONED';

/**
 * Folds the Ombudsman's examination (ombudsman-examination.events.ts). Total and pure like `evolve`: an
 * event that does not fit the state leaves it as it is.
 */
export function evolveExamination(complaint: Complaint, event: OmbudsmanExaminationEvent): Complaint {
  const workflow: ComplaintWorkflow = complaint.workflow ?? EMPTY_WORKFLOW;
  const examination = workflow.examination;
  switch (event.type) {
    case 'ComplaintAcceptedByOmbudsman': {
      if (!withOmbudsman(complaint.status) || examination) return complaint;
      const { officeCode, preconditions, note, acceptedAt } = event.data;
      const accepted: OmbudsmanExamination = {
        decision: 'ACCEPTED',
        officeCode,
        decidedAt: acceptedAt,
        preconditions,
        grounds: [],
        note,
        recommendations: [],
      };
      return { ...complaint, workflow: { ...workflow, examination: accepted } };
    }
    case 'ComplaintRejectedByOmbudsman': {
      if (complaint.status !== 'ESCALATED' || examination) return complaint;
      const { officeCode, preconditions, grounds, explanation, rejectedAt } = event.data;
      const closure = { closedBy: 'OMBUDSMAN' as const, closedAt: rejectedAt, finding: null, reason: explanation };
      return {
        ...complaint,
        status: 'CLOSED',
        workflow: {
          ...workflow,
          closure,
          closures: [...workflow.closures, closure],
          deadlines: cancelDeadlines(
            meetDeadlines(workflow.deadlines, ['DISPUTE'], rejectedAt),
            DEADLINE_KINDS,
            rejectedAt,
          ),
          examination: {
            decision: 'REJECTED',
            officeCode,
            decidedAt: rejectedAt,
            preconditions,
            grounds,
            note: explanation,
            recommendations: [],
          },
        },
      };
    }
    case 'ComplaintRecommendationIssued': {
      if (!withOmbudsman(complaint.status) || examination?.decision !== 'ACCEPTED') return complaint;
      const { officeCode, recommendationNumber, agencyCode, recommendation, receivedAt, issuedAt, deadlines } =
        event.data;
      const issued: OmbudsmanRecommendation = {
        number: recommendationNumber,
        officeCode,
        agencyCode,
        text: recommendation,
        issuedAt,
        receivedAt,
        dueAt: deadlines.find((d) => d.kind === 'RECOMMENDATION')?.dueAt ?? issuedAt,
        implementation: null,
      };
      return {
        ...complaint,
        workflow: {
          ...workflow,
          deadlines: startDeadlines(meetDeadlines(workflow.deadlines, ['DISPUTE'], issuedAt), deadlines),
          examination: { ...examination, recommendations: [...examination.recommendations, issued] },
        },
      };
    }
    case 'ComplaintRecommendationImplemented': {
      if (!withOmbudsman(complaint.status) || !examination) return complaint;
      const { recommendationNumber, reportedByAgencyCode, note, onTime, implementedAt } = event.data;
      const target = examination.recommendations.find((r) => r.number === recommendationNumber);
      if (!target || target.implementation) return complaint;
      return {
        ...complaint,
        workflow: {
          ...workflow,
          deadlines: meetDeadlines(workflow.deadlines, ['RECOMMENDATION'], implementedAt),
          examination: {
            ...examination,
            recommendations: examination.recommendations.map((r) =>
              r === target ? { ...r, implementation: { note, reportedByAgencyCode, implementedAt, onTime } } : r,
            ),
          },
        },
      };
    }
  }
}
