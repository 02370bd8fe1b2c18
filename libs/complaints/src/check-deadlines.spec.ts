import {
  agencies,
  clock,
  DUE_AT,
  forwarded,
  operator,
  responded,
  submitted,
  system,
} from '../../../test/fixtures/complaint-events.js';
import { NATIONAL_OFFICE } from '../../../test/fixtures/ombudsman.js';
import {
  answeredHistory,
  forwardedWithDeadline,
  schedule,
  submittedWithDeadlines,
  windowOf,
} from '../../../test/fixtures/workflow.js';
import {
  AUTOMATIC_ESCALATION_REASON,
  checkDeadlines,
  nextDeadlineCheck,
  type CheckDeadlines,
} from './check-deadlines.js';
import { ActionNotAllowed } from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import { deadlinesOf, replay, workflowOf, type Complaint } from './complaint.js';
import { sanctionComplaint } from './sanction-complaint.js';

const complaintOf = (events: readonly ComplaintEvent[]): Complaint => {
  const state = replay(events);
  if (state.status === 'NONE') throw new Error('no complaint');
  return state;
};
const check = (complaintId: string, now: Date): CheckDeadlines => ({ complaintId, actor: system(), now, schedule });
/** Runs the check and folds what it decided, as the scanner does. */
const run = (events: ComplaintEvent[], now: Date): ComplaintEvent[] => {
  const decided = checkDeadlines(check(complaintOf(events).id, now), complaintOf(events));
  return [...events, ...decided];
};

describe('checkDeadlines', () => {
  const triage = windowOf('TRIAGE', clock.now());
  const response = windowOf('RESPONSE', clock.now());

  it('does nothing before any warning point', () => {
    expect(
      checkDeadlines(check('dl-quiet', clock.after('PT1H')), complaintOf([submittedWithDeadlines('dl-quiet')])),
    ).toEqual([]);
  });

  it('warns at the configured fraction (75 %) of the triage deadline, once', () => {
    // TRIAGE runs from Monday 08:00 WIB to Friday 00:00 WIB (88 hours): the warning is due 66 hours in.
    expect(triage.warnAt).toBe('2025-03-05T19:00:00.000Z');
    const history = [submittedWithDeadlines('dl-warn')];
    expect(checkDeadlines(check('dl-warn', new Date('2025-03-05T18:59:59.999Z')), complaintOf(history))).toEqual([]);
    const at = new Date('2025-03-05T19:00:00.000Z');
    expect(checkDeadlines(check('dl-warn', at), complaintOf(history))).toEqual([
      {
        type: 'ComplaintDeadlineWarned',
        data: {
          complaintId: 'dl-warn',
          kind: 'TRIAGE',
          dueAt: triage.dueAt,
          agencyCode: null,
          warnedAt: at.toISOString(),
        },
      },
    ]);
    const warned = run(history, at);
    expect(deadlinesOf(complaintOf(warned)).find((d) => d.kind === 'TRIAGE')?.warnedAt).toBe(at.toISOString());
    // A second scan (another instance, a retry) finds nothing left to do.
    expect(checkDeadlines(check('dl-warn', at), complaintOf(warned))).toEqual([]);
  });

  it('records a triage breach just after the due instant, not at it', () => {
    const history = run([submittedWithDeadlines('dl-breach')], new Date(triage.warnAt ?? ''));
    expect(checkDeadlines(check('dl-breach', new Date(triage.dueAt)), complaintOf(history))).toEqual([]);
    const after = new Date(Date.parse(triage.dueAt) + 1);
    expect(checkDeadlines(check('dl-breach', after), complaintOf(history))).toEqual([
      {
        type: 'ComplaintDeadlineBreached',
        data: {
          complaintId: 'dl-breach',
          kind: 'TRIAGE',
          dueAt: triage.dueAt,
          agencyCode: null,
          breachedAt: after.toISOString(),
        },
      },
    ]);
    const breached = complaintOf(run(history, after));
    expect(deadlinesOf(breached).find((d) => d.kind === 'TRIAGE')).toMatchObject({
      status: 'BREACHED',
      breachedAt: after.toISOString(),
    });
  });

  it('warns and breaches at once when a scan comes late', () => {
    const decided = checkDeadlines(
      check('dl-late-scan', clock.after('P6D')),
      complaintOf([submittedWithDeadlines('dl-late-scan')]),
    );
    expect(decided.map((e) => [e.type, 'kind' in e.data ? e.data.kind : null])).toEqual([
      ['ComplaintDeadlineBreached', 'TRIAGE'],
    ]);
  });

  it('escalates to the Ombudsman when the RESPONSE deadline passes unanswered, naming the agency', () => {
    const history = [submittedWithDeadlines('dl-escalate'), forwardedWithDeadline('dl-escalate', 'KAB-BANJAR-DINKES')];
    const after = new Date(Date.parse(response.dueAt) + 1);
    const decided = checkDeadlines(check('dl-escalate', after), complaintOf(history));
    expect(decided.at(-1)).toEqual({
      type: 'ComplaintEscalated',
      data: {
        complaintId: 'dl-escalate',
        reason: AUTOMATIC_ESCALATION_REASON,
        source: 'SYSTEM',
        agencyCode: 'KAB-BANJAR-DINKES',
        escalatedAt: after.toISOString(),
        deadlines: [windowOf('DISPUTE', after)],
      },
    });
    // The agency also missed its FOLLOW_UP deadline: recorded before the escalation.
    expect(decided.map((e) => e.type)).toEqual(['ComplaintDeadlineBreached', 'ComplaintEscalated']);
    const state = complaintOf([...history, ...decided]);
    expect(state).toMatchObject({ status: 'ESCALATED', escalation: { source: 'SYSTEM' } });
    expect(deadlinesOf(state).find((d) => d.kind === 'RESPONSE')).toMatchObject({ status: 'BREACHED' });
    expect(checkDeadlines(check('dl-escalate', after), state)).toEqual([]);
  });

  it('never escalates an answered complaint: the answer met the RESPONSE deadline', () => {
    const history = answeredHistory('dl-answered');
    expect(deadlinesOf(complaintOf(history)).find((d) => d.kind === 'RESPONSE')?.status).toBe('MET');
    const decided = checkDeadlines(check('dl-answered', clock.after('P15D')), complaintOf(history));
    expect(decided.map((e) => e.type)).not.toContain('ComplaintEscalated');
  });

  it('escalates a complaint that predates deadline records, from its dueAt', () => {
    const legacy = [submitted('dl-legacy'), forwarded('dl-legacy', 'KEMENKES')];
    expect(nextDeadlineCheck(complaintOf(legacy))?.toISOString()).toBe('2025-03-17T01:00:00.001Z');
    expect(checkDeadlines(check('dl-legacy', new Date(DUE_AT)), complaintOf(legacy))).toEqual([]);
    const decided = checkDeadlines(check('dl-legacy', clock.after('P15D')), complaintOf(legacy));
    expect(decided).toEqual([
      {
        type: 'ComplaintEscalated',
        data: {
          complaintId: 'dl-legacy',
          reason: AUTOMATIC_ESCALATION_REASON,
          source: 'SYSTEM',
          agencyCode: 'KEMENKES',
          escalatedAt: clock.after('P15D').toISOString(),
          deadlines: [windowOf('DISPUTE', clock.after('P15D'))],
        },
      },
    ]);
    expect(nextDeadlineCheck(complaintOf([...legacy, ...decided]))?.toISOString()).toBe(
      new Date(Date.parse(windowOf('DISPUTE', clock.after('P15D')).warnAt ?? '')).toISOString(),
    );
    expect(
      nextDeadlineCheck(
        complaintOf([
          submitted('dl-legacy-answered'),
          forwarded('dl-legacy-answered', 'KEMENKES'),
          responded('dl-legacy-answered', 'KEMENKES'),
        ]),
      ),
    ).toBeNull();
  });

  it('closes an answered complaint when the reporter lets the CLOSURE window lapse (10 working days)', () => {
    const history = answeredHistory('dl-autoclose');
    const closure = deadlinesOf(complaintOf(history)).find((d) => d.kind === 'CLOSURE');
    expect(closure).toMatchObject({ status: 'OPEN', span: '10WD' });
    const after = new Date(Date.parse(closure?.dueAt ?? '') + 1);
    const decided = checkDeadlines(check('dl-autoclose', after), complaintOf(history));
    expect(decided.at(-1)).toEqual({
      type: 'ComplaintAutoClosed',
      data: { complaintId: 'dl-autoclose', agencyCode: 'KAB-BANJAR-DINKES', closedAt: after.toISOString() },
    });
    const state = complaintOf([...history, ...decided]);
    expect(state.status).toBe('CLOSED');
    expect(workflowOf(state).closure).toEqual({
      closedBy: 'SYSTEM',
      closedAt: after.toISOString(),
      finding: null,
      reason: null,
    });
    expect(deadlinesOf(state).find((d) => d.kind === 'CLOSURE')?.status).toBe('EXPIRED');
    expect(nextDeadlineCheck(state)).toBeNull();
  });

  it('records a lapsed REMEDY period, which makes the next sanction tier due', () => {
    const history = [submittedWithDeadlines('dl-remedy'), forwardedWithDeadline('dl-remedy', 'KAB-BANJAR-DINKES')];
    const escalatedAt = clock.after('P15D');
    const withEscalation = [...history, ...checkDeadlines(check('dl-remedy', escalatedAt), complaintOf(history))];
    const sanction = sanctionComplaint(
      {
        complaintId: 'dl-remedy',
        sanctionedAgencyCode: 'KAB-BANJAR-DINKES',
        kind: 'WRITTEN_REPRIMAND',
        reason: 'Tidak menanggapi aduan',
        actor: { id: 'ombudsman-1', role: 'ombudsman', agencyCode: null },
        office: NATIONAL_OFFICE,
        now: clock.after('P20D'),
        agencies,
        schedule,
      },
      complaintOf(withEscalation),
    );
    const remedy = sanction.data.deadlines?.[0];
    expect(remedy).toMatchObject({ kind: 'REMEDY', span: 'P3M', dueAt: '2025-06-23T01:00:00.000Z' });
    const sanctioned = [...withEscalation, sanction];
    const after = new Date('2025-06-23T01:00:00.001Z');
    expect(checkDeadlines(check('dl-remedy', after), complaintOf(sanctioned))).toEqual([
      {
        type: 'ComplaintDeadlineBreached',
        data: {
          complaintId: 'dl-remedy',
          kind: 'REMEDY',
          dueAt: remedy?.dueAt,
          agencyCode: 'KAB-BANJAR-DINKES',
          breachedAt: after.toISOString(),
        },
      },
    ]);
  });

  it('is the system’s alone', () => {
    expect(() =>
      checkDeadlines(
        { ...check('dl-who', clock.after('P20D')), actor: operator() },
        complaintOf([submittedWithDeadlines('dl-who')]),
      ),
    ).toThrow(ActionNotAllowed);
  });

  it('answers the next check: the earliest warning not given, else the first instant past a due time', () => {
    const state = complaintOf([submittedWithDeadlines('dl-next')]);
    expect(nextDeadlineCheck(state)?.toISOString()).toBe(triage.warnAt);
    const warned = complaintOf(run([submittedWithDeadlines('dl-next')], new Date(triage.warnAt ?? '')));
    expect(nextDeadlineCheck(warned)?.toISOString()).toBe(new Date(Date.parse(triage.dueAt) + 1).toISOString());
  });
});
