import type { CommandActor } from './actor.js';
import type {
  ComplaintAutoClosed,
  ComplaintDeadlineBreached,
  ComplaintDeadlineWarned,
} from './complaint-workflow.events.js';
import { ActionNotAllowed } from './complaint.errors.js';
import type { ComplaintEscalated } from './complaint.events.js';
import { deadlinesOf, type Complaint, type ComplaintState } from './complaint.js';
import { nextCheckOf, type DeadlineRecord, type DeadlineSchedule } from './deadlines.js';
import { escalateComplaint } from './escalate-complaint.js';
import { awaitedRecommendationOf } from './ombudsman-examination.js';

export interface CheckDeadlines {
  readonly complaintId: string;
  /** The deadline policy acts as the system. */
  readonly actor: CommandActor;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

export type DeadlineEvent =
  ComplaintDeadlineWarned | ComplaintDeadlineBreached | ComplaintEscalated | ComplaintAutoClosed;

/** The reason the system gives when the legal deadline passes unanswered. */
export const AUTOMATIC_ESCALATION_REASON =
  'Batas waktu tanggapan terlewati tanpa jawaban (RESPONSE_DEADLINE, UU 25/2009): diteruskan otomatis ke Ombudsman';

/**
 * What the deadline policy does now: warn of each running deadline at its warning point, record each
 * breach (an Ombudsman recommendation left unreported among them), escalate a complaint whose RESPONSE deadline passed unanswered, and close one whose
 * reporter let the CLOSURE window lapse. Nothing to do answers no events, so a repeated check (two
 * instances, a retried scan) decides nothing twice: each event changes the state it was decided on.
 */
export function checkDeadlines(command: CheckDeadlines, state: ComplaintState): DeadlineEvent[] {
  if (state.status === 'NONE') return [];
  if (command.actor.role !== 'system') throw new ActionNotAllowed('Only the system checks deadlines');
  const now = command.now.getTime();
  const events: DeadlineEvent[] = [];
  let final: DeadlineEvent | null = null;
  for (const record of deadlinesOf(state)) {
    if (record.status !== 'OPEN') continue;
    if (now > Date.parse(record.dueAt)) {
      const action: DeadlineEvent | null = final === null ? breachAction(command, state, record) : null;
      if (action) final = action;
      else events.push(marker('ComplaintDeadlineBreached', state, record, command.now));
    } else if (record.warnAt !== null && record.warnedAt === null && now >= Date.parse(record.warnAt)) {
      events.push(marker('ComplaintDeadlineWarned', state, record, command.now));
    }
  }
  return final ? [...events, final] : events;
}

/** When the complaint's deadlines next need a check; null when none runs. */
export const nextDeadlineCheck = (state: ComplaintState): Date | null =>
  state.status === 'NONE' ? null : nextCheckOf(deadlinesOf(state));

/** A passed RESPONSE deadline escalates; a lapsed CLOSURE window closes. Others only record the breach. */
function breachAction(command: CheckDeadlines, complaint: Complaint, record: DeadlineRecord): DeadlineEvent | null {
  if (record.kind === 'RESPONSE' && canEscalate(complaint)) {
    return escalateComplaint(
      {
        complaintId: complaint.id,
        reason: AUTOMATIC_ESCALATION_REASON,
        actor: command.actor,
        now: command.now,
        schedule: command.schedule,
      },
      complaint,
    );
  }
  if (record.kind === 'CLOSURE' && complaint.status === 'RESPONDED') {
    return {
      type: 'ComplaintAutoClosed',
      data: {
        complaintId: complaint.id,
        agencyCode: complaint.assignedAgencyCode,
        closedAt: command.now.toISOString(),
      },
    };
  }
  return null;
}

const canEscalate = (complaint: Complaint): boolean =>
  complaint.status === 'SUBMITTED' || complaint.status === 'VERIFIED' || complaint.status === 'FORWARDED';

function marker<T extends 'ComplaintDeadlineWarned' | 'ComplaintDeadlineBreached'>(
  type: T,
  complaint: Complaint,
  record: DeadlineRecord,
  now: Date,
): DeadlineEvent {
  const base = {
    complaintId: complaint.id,
    kind: record.kind,
    dueAt: record.dueAt,
    // A recommendation's deadline concerns the agency it is addressed to, not the one holding the complaint.
    agencyCode:
      record.kind === 'RECOMMENDATION'
        ? (awaitedRecommendationOf(complaint)?.agencyCode ?? complaint.assignedAgencyCode)
        : complaint.assignedAgencyCode,
  };
  return type === 'ComplaintDeadlineWarned'
    ? { type: 'ComplaintDeadlineWarned', data: { ...base, warnedAt: now.toISOString() } }
    : { type: 'ComplaintDeadlineBreached', data: { ...base, breachedAt: now.toISOString() } };
}
