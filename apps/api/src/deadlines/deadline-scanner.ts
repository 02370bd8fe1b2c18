import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  checkDeadlines,
  deadlinesOf,
  openDeadline,
  uuidV5,
  type ComplaintEvent,
  type ComplaintState,
  type DeadlineSchedule,
} from '#aduan/complaints';
import { SYSTEM_CALLER } from '#aduan/identity';
import type { AppConfig } from '#aduan/infrastructure';
import { ComplaintWorkflowQueries } from '#aduan/projections';
import { ComplaintRepository, type CommandContext } from '../complaints/complaint.repository.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { CLOCK, type Clock } from '../runtime/clock.js';
import { DEADLINE_SCHEDULE } from '../workflow/workflow.tokens.js';
import { describeErrorBriefly } from '#aduan/postgres';

export interface ScanResult {
  /** Complaints the schedule named as due. */
  readonly checked: number;
  /** Events the deadline policy appended (warnings, breaches, escalations, closures). */
  readonly appended: number;
  readonly failed: number;
}

/** Complaints looked at per scan; the rest wait for the next one. */
const BATCH = 200;

/**
 * Applies the deadline policy. The durable schedule is the complaint_workflow read model
 * (`next_check_at`), never a timer: every DEADLINE_SCAN_INTERVAL each API instance asks it which
 * complaints are due, reads each one's stream and lets the domain decide (checkDeadlines). Scanning is
 * at least once; the effect is exactly once: a decision is appended at the revision it was made on,
 * so a second instance deciding the same thing loses the race and, re-deciding on the new state, finds
 * nothing left to do; and each event's id is derived from the deadline it acts on, so a retried append
 * is recognised by the store. After a restart the first scan picks up whatever fell due meanwhile.
 */
@Injectable()
export class DeadlineScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Deadlines');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ScanResult> | null = null;
  private stopped = false;

  constructor(
    private readonly schedule: ComplaintWorkflowQueries,
    private readonly complaints: ComplaintRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DEADLINE_SCHEDULE) private readonly deadlines: DeadlineSchedule,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.workflow.scanInterval.milliseconds;
    this.timer = setInterval(() => void this.scan(), interval);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One scan now (also what the timer runs); a scan already under way is joined, not doubled. */
  scan(): Promise<ScanResult> {
    this.running ??= this.scanOnce().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async scanOnce(): Promise<ScanResult> {
    if (this.stopped) return { checked: 0, appended: 0, failed: 0 };
    const now = this.clock.now();
    let due: string[];
    try {
      due = await this.schedule.dueForCheck(now, BATCH);
    } catch (error) {
      this.logger.warn(`deadline scan skipped: ${describeErrorBriefly(error)}`);
      return { checked: 0, appended: 0, failed: 1 };
    }
    let appended = 0;
    let failed = 0;
    for (const complaintId of due) {
      if (this.stopped) break;
      try {
        appended += await this.check(complaintId, now);
      } catch (error) {
        failed++;
        this.logger.warn(`deadlines of ${complaintId}: ${describeErrorBriefly(error)}`);
      }
    }
    if (appended > 0) this.logger.log(`deadline policy: ${appended} events on ${due.length} complaints`);
    return { checked: due.length, appended, failed };
  }

  private async check(complaintId: string, now: Date): Promise<number> {
    const ids = new Map<ComplaintEvent, string>();
    let count = 0;
    const context: CommandContext = {
      caller: SYSTEM_CALLER,
      correlationId: `deadline-scan-${randomUUID()}`,
      commandId: randomUUID(),
      now,
      eventId: (event) => ids.get(event) ?? randomUUID(),
    };
    await this.complaints.executeAll(complaintId, null, context, (state) => {
      const events = checkDeadlines({ complaintId, actor: SYSTEM_CALLER, now, schedule: this.deadlines }, state);
      ids.clear();
      for (const event of events) ids.set(event, eventIdOf(complaintId, event, state));
      count = events.length;
      return events;
    });
    return count;
  }
}

/**
 * Names an event after the deadline it acts on, so the same decision always has the same id: one
 * warning per deadline, one breach, one automatic escalation per legal due time, one closure.
 */
function eventIdOf(complaintId: string, event: ComplaintEvent, state: ComplaintState): string {
  let subject: string;
  switch (event.type) {
    case 'ComplaintDeadlineWarned':
    case 'ComplaintDeadlineBreached':
      subject = `${event.data.kind}:${event.data.dueAt}`;
      break;
    case 'ComplaintEscalated':
      subject = `RESPONSE:${state.status === 'NONE' ? '' : state.dueAt}`;
      break;
    case 'ComplaintAutoClosed':
      subject = `CLOSURE:${state.status === 'NONE' ? '' : (openDeadline(deadlinesOf(state), 'CLOSURE')?.dueAt ?? '')}`;
      break;
    default:
      subject = randomUUID();
  }
  return uuidV5(`deadline-policy:${complaintId}:${event.type}:${subject}`);
}
