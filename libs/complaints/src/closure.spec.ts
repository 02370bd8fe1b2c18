import { citizen, clock, officer, ombudsman, operator, publicCaller } from '../../../test/fixtures/complaint-events.js';
import {
  ACCESS_KEY,
  answeredHistory,
  forwardedWithDeadline,
  respondedWithDeadline,
  schedule,
  scheduleWith,
  submittedAnonymously,
  submittedWithDeadlines,
  windowOf,
} from '../../../test/fixtures/workflow.js';
import { closeComplaint, rateComplaint, type CloseComplaint } from './close-complaint.js';
import { ActionNotAllowed, InvalidComplaintInput, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import { deadlinesOf, evolve, initialState, replay, workflowOf, type Complaint } from './complaint.js';
import { disputeComplaint, type DisputeComplaint } from './dispute-complaint.js';
import { reopenComplaint, type ReopenComplaint } from './reopen-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';

const complaintOf = (events: readonly ComplaintEvent[]): Complaint => {
  const state = replay(events);
  if (state.status === 'NONE') throw new Error('no complaint');
  return state;
};
const REPORTER = citizen('citizen-siti');
const NOW = clock.after('P4D');

const closedByReporter = (id: string, at = NOW): ComplaintEvent => ({
  type: 'ComplaintClosedByReporter',
  data: { complaintId: id, rating: 4, comment: null, closedAt: at.toISOString() },
});
const autoClosed = (id: string, at: Date): ComplaintEvent => ({
  type: 'ComplaintAutoClosed',
  data: { complaintId: id, agencyCode: 'KAB-BANJAR-DINKES', closedAt: at.toISOString() },
});

describe('closeComplaint', () => {
  const spec = DeciderSpecification.for({ decide: closeComplaint, evolve, initialState });
  const close = (complaintId: string, overrides: Partial<CloseComplaint> = {}): CloseComplaint => ({
    complaintId,
    rating: 4,
    comment: '  Terima kasih, sudah buka lagi.  ',
    actor: REPORTER,
    now: NOW,
    ...overrides,
  });

  it('lets the reporter close an answered complaint with a rating and a comment', () => {
    spec
      .given(answeredHistory('close-ok'))
      .when(close('close-ok'))
      .then({
        type: 'ComplaintClosedByReporter',
        data: {
          complaintId: 'close-ok',
          rating: 4,
          comment: 'Terima kasih, sudah buka lagi.',
          closedAt: NOW.toISOString(),
        },
      });
    const state = complaintOf([
      ...answeredHistory('close-ok'),
      closeComplaint(close('close-ok'), complaintOf(answeredHistory('close-ok'))),
    ]);
    expect(state.status).toBe('CLOSED');
    expect(workflowOf(state)).toMatchObject({
      closure: { closedBy: 'REPORTER', closedAt: NOW.toISOString() },
      rating: { rating: 4, comment: 'Terima kasih, sudah buka lagi.' },
    });
    expect(deadlinesOf(state).find((d) => d.kind === 'CLOSURE')?.status).toBe('MET');
  });

  it.each([0, 6, 3.5, Number.NaN])('refuses the rating %s', (rating) => {
    spec
      .given(answeredHistory('close-rating'))
      .when(close('close-rating', { rating }))
      .thenThrows(InvalidComplaintInput, (e) => e.field === 'rating');
  });

  it('lets an anonymous reporter close with the access key', () => {
    const history = [
      submittedAnonymously('close-key'),
      forwardedWithDeadline('close-key', 'KAB-BANJAR-DINKES'),
      respondedWithDeadline('close-key', 'KAB-BANJAR-DINKES'),
    ];
    expect(
      closeComplaint(close('close-key', { actor: publicCaller(), accessKey: ACCESS_KEY }), complaintOf(history)).type,
    ).toBe('ComplaintClosedByReporter');
    spec
      .given(history)
      .when(close('close-key', { actor: publicCaller() }))
      .thenThrows(ActionNotAllowed);
  });

  it.each([
    ['another citizen', citizen('someone')],
    ['the agency', officer('KAB-BANJAR-DINKES')],
    ['an operator', operator()],
  ])('refuses %s', (_, actor) => {
    spec.given(answeredHistory('close-who')).when(close('close-who', { actor })).thenThrows(ActionNotAllowed);
  });

  it('refuses a complaint not answered yet', () => {
    spec
      .given([
        submittedWithDeadlines('close-early', { reporterId: 'citizen-siti' }),
        forwardedWithDeadline('close-early', 'KAB-BANJAR-DINKES'),
      ])
      .when(close('close-early'))
      .thenThrows(InvalidComplaintTransition, (e) => e.status === 'FORWARDED');
  });
});

describe('rateComplaint', () => {
  const rate = (complaintId: string, overrides: Partial<CloseComplaint> = {}): CloseComplaint => ({
    complaintId,
    rating: 2,
    actor: REPORTER,
    now: clock.after('P30D'),
    ...overrides,
  });

  it('lets the reporter rate a complaint the system closed, once', () => {
    const history = [...answeredHistory('rate-ok'), autoClosed('rate-ok', clock.after('P20D'))];
    const rated = rateComplaint(rate('rate-ok'), complaintOf(history));
    expect(rated).toEqual({
      type: 'ComplaintRated',
      data: { complaintId: 'rate-ok', rating: 2, comment: null, ratedAt: clock.after('P30D').toISOString() },
    });
    expect(workflowOf(complaintOf([...history, rated])).rating?.rating).toBe(2);
    expect(() => rateComplaint(rate('rate-ok'), complaintOf([...history, rated]))).toThrow(InvalidComplaintTransition);
  });

  it('refuses an open complaint and one the reporter closed with a rating', () => {
    expect(() => rateComplaint(rate('rate-open'), complaintOf(answeredHistory('rate-open')))).toThrow(
      InvalidComplaintTransition,
    );
    expect(() =>
      rateComplaint(
        rate('rate-closed'),
        complaintOf([...answeredHistory('rate-closed'), closedByReporter('rate-closed')]),
      ),
    ).toThrow(InvalidComplaintTransition);
  });
});

describe('disputeComplaint', () => {
  const spec = DeciderSpecification.for({ decide: disputeComplaint, evolve, initialState });
  const dispute = (complaintId: string, overrides: Partial<DisputeComplaint> = {}): DisputeComplaint => ({
    complaintId,
    reason: 'Puskesmas masih tutup setiap Senin',
    actor: REPORTER,
    now: NOW,
    schedule,
    ...overrides,
  });

  it('escalates the answered complaint to the Ombudsman as the reporter, starting the DISPUTE deadline', () => {
    spec
      .given(answeredHistory('disp-ok'))
      .when(dispute('disp-ok'))
      .then({
        type: 'ComplaintEscalated',
        data: {
          complaintId: 'disp-ok',
          reason: 'Puskesmas masih tutup setiap Senin',
          source: 'REPORTER',
          agencyCode: 'KAB-BANJAR-DINKES',
          escalatedAt: NOW.toISOString(),
          deadlines: [windowOf('DISPUTE', NOW)],
        },
      });
    const state = complaintOf([
      ...answeredHistory('disp-ok'),
      disputeComplaint(dispute('disp-ok'), complaintOf(answeredHistory('disp-ok'))),
    ]);
    expect(
      deadlinesOf(state)
        .filter((d) => d.status === 'OPEN')
        .map((d) => [d.kind, d.span]),
    ).toEqual([['DISPUTE', 'P14D']]);
    expect(deadlinesOf(state).find((d) => d.kind === 'CLOSURE')?.status).toBe('CANCELLED');
  });

  it('refuses before an answer, and anyone but the reporter', () => {
    spec
      .given([
        submittedWithDeadlines('disp-early', { reporterId: 'citizen-siti' }),
        forwardedWithDeadline('disp-early', 'KAB-BANJAR-DINKES'),
      ])
      .when(dispute('disp-early'))
      .thenThrows(InvalidComplaintTransition);
    spec
      .given(answeredHistory('disp-who'))
      .when(dispute('disp-who', { actor: operator() }))
      .thenThrows(ActionNotAllowed);
  });
});

describe('reopenComplaint', () => {
  const spec = DeciderSpecification.for({ decide: reopenComplaint, evolve, initialState });
  const reopen = (complaintId: string, overrides: Partial<ReopenComplaint> = {}): ReopenComplaint => ({
    complaintId,
    reason: 'Puskesmas tutup lagi sejak minggu ini',
    actor: REPORTER,
    now: clock.after('P10D'),
    schedule,
    ...overrides,
  });

  it('sends a closed complaint back to the agency that answered, with new deadlines', () => {
    const history = [...answeredHistory('reopen-ok'), closedByReporter('reopen-ok')];
    const at = clock.after('P10D');
    const response = windowOf('RESPONSE', at);
    spec
      .given(history)
      .when(reopen('reopen-ok'))
      .then({
        type: 'ComplaintReopened',
        data: {
          complaintId: 'reopen-ok',
          reason: 'Puskesmas tutup lagi sejak minggu ini',
          toAgencyCode: 'KAB-BANJAR-DINKES',
          deadlines: [windowOf('FOLLOW_UP', at), response],
          dueAt: response.dueAt,
          reopenedAt: at.toISOString(),
        },
      });
    const state = complaintOf([...history, reopenComplaint(reopen('reopen-ok'), complaintOf(history))]);
    expect(state).toMatchObject({
      status: 'FORWARDED',
      assignedAgencyCode: 'KAB-BANJAR-DINKES',
      dueAt: response.dueAt,
    });
    expect(workflowOf(state).closure).toBeNull();
    expect(workflowOf(state).closures).toHaveLength(1);
  });

  it('is allowed up to the end of the reopen window (P30D by default), not after', () => {
    const history = [...answeredHistory('reopen-window'), closedByReporter('reopen-window')];
    expect(
      reopenComplaint(reopen('reopen-window', { now: new Date(NOW.getTime() + 30 * 86_400_000) }), complaintOf(history))
        .type,
    ).toBe('ComplaintReopened');
    spec
      .given(history)
      .when(reopen('reopen-window', { now: new Date(NOW.getTime() + 30 * 86_400_000 + 1) }))
      .thenThrows(InvalidComplaintTransition, (e) => /reopen window/.test(e.message));
    spec
      .given(history)
      .when(reopen('reopen-window', { schedule: scheduleWith({ REOPEN_WINDOW: '2WD' }) }))
      .thenThrows(InvalidComplaintTransition);
  });

  it('reopens a complaint the system closed, and refuses one the Ombudsman concluded', () => {
    const auto = [...answeredHistory('reopen-auto'), autoClosed('reopen-auto', clock.after('P5D'))];
    expect(reopenComplaint(reopen('reopen-auto'), complaintOf(auto)).data.toAgencyCode).toBe('KAB-BANJAR-DINKES');
    const concluded: ComplaintEvent[] = [
      ...answeredHistory('reopen-ombudsman'),
      {
        type: 'ComplaintEscalated',
        data: {
          complaintId: 'reopen-ombudsman',
          reason: 'Tidak puas',
          source: 'REPORTER',
          agencyCode: 'KAB-BANJAR-DINKES',
          escalatedAt: NOW.toISOString(),
        },
      },
      {
        type: 'ComplaintConcluded',
        data: {
          complaintId: 'reopen-ombudsman',
          finding: 'RESOLVED',
          reason: 'Sudah diselesaikan',
          concludedAt: NOW.toISOString(),
        },
      },
    ];
    expect(complaintOf(concluded).status).toBe('CLOSED');
    spec
      .given(concluded)
      .when(reopen('reopen-ombudsman'))
      .thenThrows(InvalidComplaintTransition, (e) => /Ombudsman/.test(e.message));
  });

  it('refuses an open complaint and anyone but the reporter', () => {
    spec.given(answeredHistory('reopen-open')).when(reopen('reopen-open')).thenThrows(InvalidComplaintTransition);
    spec
      .given([...answeredHistory('reopen-who'), closedByReporter('reopen-who')])
      .when(reopen('reopen-who', { actor: ombudsman() }))
      .thenThrows(ActionNotAllowed);
  });
});
