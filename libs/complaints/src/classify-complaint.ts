import type { CommandActor } from './actor.js';
import type { ComplaintClassified, ComplaintPrivacyChanged } from './complaint-workflow.events.js';
import { InvalidComplaintInput, InvalidComplaintTransition } from './complaint.errors.js';
import { deadlinesOf, workflowOf, type Complaint, type ComplaintState } from './complaint.js';
import { openWindow, PRIORITIES, type DeadlineSchedule, type DeadlineWindow, type Priority } from './deadlines.js';
import { oneOf } from './validation.js';
import { existing, requireRole } from './workflow-rules.js';
import { SERVICE_CATEGORIES, type ServiceCategory } from './workflow.js';

/** What an operator may set at triage; every part optional. */
export interface Classification {
  readonly category?: ServiceCategory | string | null;
  readonly priority?: Priority | string | null;
  /** Only ever raised: a reporter's request for anonymity or confidentiality is never undone. */
  readonly anonymous?: boolean | null;
  readonly confidential?: boolean | null;
}

export interface ClassifyComplaint extends Classification {
  readonly complaintId: string;
  readonly actor: CommandActor;
  readonly now: Date;
  readonly schedule: DeadlineSchedule;
}

export type ClassificationEvent = ComplaintClassified | ComplaintPrivacyChanged;

/**
 * An operator sets the service category or priority, or raises privacy, at any time before the
 * complaint is settled. URGENT recomputes the running deadlines from their starts with the urgent rules.
 */
export function classifyComplaint(command: ClassifyComplaint, state: ComplaintState): ClassificationEvent[] {
  const complaint = existing(state, command.complaintId);
  requireRole(command.actor, 'operator', 'classify a complaint');
  if (complaint.status === 'ARCHIVED' || complaint.status === 'CLOSED') {
    throw new InvalidComplaintTransition('classify', complaint.status, 'it is settled');
  }
  const events = classificationEvents(command, complaint);
  if (events.length === 0)
    throw new InvalidComplaintInput('input', 'changes nothing: give a new category, priority or privacy flag');
  return events;
}

/** The events a classification causes on this complaint; none when it changes nothing. */
export function classificationEvents(
  command: Classification & { readonly now: Date; readonly schedule: DeadlineSchedule },
  complaint: Complaint,
): ClassificationEvent[] {
  const events: ClassificationEvent[] = [];
  const workflow = workflowOf(complaint);
  const category =
    command.category === undefined || command.category === null
      ? workflow.category
      : oneOf('category', command.category, SERVICE_CATEGORIES);
  const priority =
    command.priority === undefined || command.priority === null
      ? workflow.priority
      : oneOf('priority', command.priority, PRIORITIES);
  if (category !== workflow.category || priority !== workflow.priority) {
    const deadlines = priority !== workflow.priority ? recomputed(complaint, priority, command.schedule) : [];
    events.push({
      type: 'ComplaintClassified',
      data: {
        complaintId: complaint.id,
        category,
        priority,
        deadlines,
        dueAt: deadlines.find((w) => w.kind === 'RESPONSE')?.dueAt ?? null,
        classifiedAt: command.now.toISOString(),
      },
    });
  }
  const anonymous = complaint.anonymous || command.anonymous === true;
  const confidential = complaint.confidential || command.confidential === true;
  if (anonymous !== complaint.anonymous || confidential !== complaint.confidential) {
    events.push({
      type: 'ComplaintPrivacyChanged',
      data: { complaintId: complaint.id, anonymous, confidential, changedAt: command.now.toISOString() },
    });
  }
  return events;
}

/** The running deadlines again, from their own starts, under the new priority's rules. */
function recomputed(complaint: Complaint, priority: Priority, schedule: DeadlineSchedule): DeadlineWindow[] {
  return deadlinesOf(complaint)
    .filter((r) => r.status === 'OPEN')
    .map((r) => openWindow(r.kind, r.rule, new Date(r.startedAt), priority, schedule));
}
