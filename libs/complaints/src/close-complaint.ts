import type { CommandActor } from './actor.js';
import type { ComplaintClosedByReporter, ComplaintRated } from './complaint-workflow.events.js';
import { InvalidComplaintTransition } from './complaint.errors.js';
import { workflowOf, type ComplaintState } from './complaint.js';
import { optionalText } from './validation.js';
import { existing, ratingOf, requireReporter } from './workflow-rules.js';

export interface CloseComplaint {
  readonly complaintId: string;
  /** 1 (very unsatisfied) to 5 (very satisfied). */
  readonly rating: number;
  readonly comment?: string | null;
  readonly actor: CommandActor;
  readonly accessKey?: string | null;
  readonly now: Date;
}

/** The reporter accepts the agency's answer and closes the complaint with a satisfaction rating. */
export function closeComplaint(command: CloseComplaint, state: ComplaintState): ComplaintClosedByReporter {
  const complaint = existing(state, command.complaintId);
  requireReporter(command.actor, complaint, command.accessKey, 'close a complaint');
  if (complaint.status !== 'RESPONDED') {
    throw new InvalidComplaintTransition(
      'close',
      complaint.status,
      'only an answered complaint can be closed by its reporter',
    );
  }
  return {
    type: 'ComplaintClosedByReporter',
    data: {
      complaintId: complaint.id,
      rating: ratingOf(command.rating),
      comment: optionalText('comment', command.comment, 2000),
      closedAt: command.now.toISOString(),
    },
  };
}

export type RateComplaint = CloseComplaint;

/** The reporter rates a complaint closed without their rating (by the system, or by the Ombudsman). */
export function rateComplaint(command: RateComplaint, state: ComplaintState): ComplaintRated {
  const complaint = existing(state, command.complaintId);
  requireReporter(command.actor, complaint, command.accessKey, 'rate a complaint');
  const { closure, rating } = workflowOf(complaint);
  if (complaint.status !== 'CLOSED' || closure === null) {
    throw new InvalidComplaintTransition(
      'rate',
      complaint.status,
      'only a closed complaint is rated; close it with a rating',
    );
  }
  if (rating !== null && Date.parse(rating.ratedAt) >= Date.parse(closure.closedAt)) {
    throw new InvalidComplaintTransition('rate', complaint.status, 'the reporter has already rated it');
  }
  return {
    type: 'ComplaintRated',
    data: {
      complaintId: complaint.id,
      rating: ratingOf(command.rating),
      comment: optionalText('comment', command.comment, 2000),
      ratedAt: command.now.toISOString(),
    },
  };
}
