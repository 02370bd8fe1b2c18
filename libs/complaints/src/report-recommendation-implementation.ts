import type { CommandActor } from './actor.js';
import { ancestorsOf, type AgencyDirectory } from './agency-directory.js';
import { ActionNotAllowed, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintState } from './complaint.js';
import type { ComplaintRecommendationImplemented } from './ombudsman-examination.events.js';
import { awaitedRecommendationOf, isWithOmbudsman, requireJurisdiction } from './ombudsman-examination.js';
import type { OmbudsmanOffice } from './ombudsman.js';
import { requiredText } from './validation.js';
import { existing } from './workflow-rules.js';

export interface ReportRecommendationImplementation {
  readonly complaintId: string;
  /** What was done, 5–2000 characters. */
  readonly note: string;
  readonly actor: CommandActor;
  /** The office, when the Ombudsman records a report it received outside Aduan. */
  readonly office?: OmbudsmanOffice | null;
  readonly now: Date;
  /** The agency tree: an agency above the recommended one (its superior) may report too. */
  readonly agencies: AgencyDirectory;
}

/**
 * The agency a recommendation is addressed to reports implementing it (Law 37/2008 art. 38(2) makes the
 * superior report: an officer of any agency above it may too), or the Ombudsman records such a report
 * received outside Aduan. A report after the due time is recorded as late; the recommendation then
 * counts as implemented, and the next one may be issued.
 */
export function reportRecommendationImplementation(
  command: ReportRecommendationImplementation,
  state: ComplaintState,
): ComplaintRecommendationImplemented {
  const complaint = existing(state, command.complaintId);
  const { actor } = command;
  if (actor.role !== 'agency_officer' && actor.role !== 'ombudsman') {
    throw new ActionNotAllowed(
      'Only an officer of the agency a recommendation is addressed to (or of an agency above it), or the Ombudsman, can report its implementation',
    );
  }
  if (actor.role === 'ombudsman') {
    if (!command.office) throw new ActionNotAllowed('The Ombudsman acts through an office');
    requireJurisdiction(command.office, complaint);
  }
  const recommendation = isWithOmbudsman(complaint) ? awaitedRecommendationOf(complaint) : null;
  if (!recommendation) {
    throw new InvalidComplaintTransition(
      'report the implementation of a recommendation on',
      complaint.status,
      'no recommendation awaits its implementation report',
    );
  }
  if (actor.role === 'agency_officer') {
    const own = actor.agencyCode;
    if (
      own === null ||
      (own !== recommendation.agencyCode && !ancestorsOf(command.agencies, recommendation.agencyCode).includes(own))
    ) {
      throw new ActionNotAllowed(
        `Recommendation ${recommendation.number} is addressed to ${recommendation.agencyCode}: only its officers, or those of an agency above it, report its implementation`,
      );
    }
  }
  return {
    type: 'ComplaintRecommendationImplemented',
    data: {
      complaintId: complaint.id,
      recommendationNumber: recommendation.number,
      agencyCode: recommendation.agencyCode,
      reportedByAgencyCode: actor.role === 'agency_officer' ? actor.agencyCode : null,
      note: requiredText('note', command.note, 5, 2000),
      dueAt: recommendation.dueAt,
      onTime: command.now.getTime() <= Date.parse(recommendation.dueAt),
      implementedAt: command.now.toISOString(),
    },
  };
}
