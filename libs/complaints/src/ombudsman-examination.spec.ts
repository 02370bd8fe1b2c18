import {
  auditor,
  citizen,
  clock,
  officer,
  ombudsman,
  operator,
  RECEIVED_AT,
  system,
} from '../../../test/fixtures/complaint-events.js';
import {
  ACCEPTED_AT,
  acceptedHistory,
  complaintOf,
  ESCALATED_AT,
  escalatedHistory,
  JABAR_OFFICE,
  KALSEL_OFFICE,
  NATIONAL_OFFICE,
  OMBUDSMAN_AGENCY,
  RECOMMENDED_AT,
  recommendedHistory,
} from '../../../test/fixtures/ombudsman.js';
import {
  agencyTree,
  answeredHistory,
  schedule,
  submittedWithDeadlines,
  windowOf,
} from '../../../test/fixtures/workflow.js';
import {
  acceptComplaintForExamination,
  type AcceptComplaintForExamination,
} from './accept-complaint-for-examination.js';
import { checkDeadlines, nextDeadlineCheck } from './check-deadlines.js';
import {
  ActionNotAllowed,
  ComplaintNotFound,
  InvalidComplaintInput,
  InvalidComplaintTransition,
  OmbudsmanPreconditionFailed,
  RejectedReportNotReopened,
  UnknownAgency,
} from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import { deadlinesOf, evolve, initialState, workflowOf } from './complaint.js';
import { escalateComplaint } from './escalate-complaint.js';
import { issueRecommendation, type IssueRecommendation } from './issue-recommendation.js';
import { concludeComplaint, orderFieldCheck } from './ombudsman-decisions.js';
import type {
  ComplaintAcceptedByOmbudsman,
  ComplaintRecommendationImplemented,
  ComplaintRejectedByOmbudsman,
} from './ombudsman-examination.events.js';
import { examinationOf } from './ombudsman-examination.js';
import type { OmbudsmanPreconditionCheck } from './ombudsman.js';
import {
  rejectComplaintForExamination,
  type RejectComplaintForExamination,
} from './reject-complaint-for-examination.js';
import { reopenComplaint } from './reopen-complaint.js';
import {
  reportRecommendationImplementation,
  type ReportRecommendationImplementation,
} from './report-recommendation-implementation.js';
import { sanctionComplaint } from './sanction-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';

const AGENCY = OMBUDSMAN_AGENCY;
const NOTE = 'Laporan memenuhi syarat formil dan materiil';

/** The preconditions of a report on a complaint received at the fixture clock and escalated at ESCALATED_AT. */
const held = (overrides: Partial<OmbudsmanPreconditionCheck> = {}): OmbudsmanPreconditionCheck => ({
  priorComplaint: { basis: 'ASSIGNED_TO_AGENCY', agencyCode: AGENCY, statement: null },
  matterOccurredAt: RECEIVED_AT,
  reportedAt: ESCALATED_AT.toISOString(),
  reportLimit: 'P24M',
  // Two calendar months… years later, at the same WIB wall-clock time.
  reportLimitEndsAt: '2027-03-03T01:00:00.000Z',
  failed: [],
  ...overrides,
});

/** Received with KAB-BANJAR-DINKES addressed, escalated by an operator at triage before any agency had it. */
const escalatedAtTriage = (id: string, by = operator(), at = clock.after('P2D')): ComplaintEvent[] => {
  const history = [submittedWithDeadlines(id, { requestedAgencyCode: AGENCY, reporterId: 'citizen-siti' })];
  return [
    ...history,
    escalateComplaint(
      { complaintId: id, reason: 'Perlu ditangani Ombudsman', actor: by, now: at, schedule },
      complaintOf(history),
    ),
  ];
};

const sanctionedHistory = (
  id: string,
  base: ComplaintEvent[] = escalatedHistory(id),
  at: Date = clock.after('P17D'),
): ComplaintEvent[] => [
  ...base,
  sanctionComplaint(
    {
      complaintId: id,
      sanctionedAgencyCode: AGENCY,
      kind: 'WRITTEN_REPRIMAND',
      reason: 'Lalai menanggapi',
      actor: ombudsman(),
      office: NATIONAL_OFFICE,
      now: at,
      agencies: agencyTree,
      schedule,
    },
    complaintOf(base),
  ),
];

describe('acceptComplaintForExamination (Law 37/2008 art. 24)', () => {
  const spec = DeciderSpecification.for({ decide: acceptComplaintForExamination, evolve, initialState });
  const accept = (
    complaintId: string,
    overrides: Partial<AcceptComplaintForExamination> = {},
  ): AcceptComplaintForExamination => ({
    complaintId,
    note: `  ${NOTE} `,
    actor: ombudsman(),
    office: NATIONAL_OFFICE,
    now: ACCEPTED_AT,
    schedule,
    ...overrides,
  });
  const acceptedEvent = (
    complaintId: string,
    overrides: Partial<ComplaintAcceptedByOmbudsman['data']> = {},
  ): ComplaintAcceptedByOmbudsman => ({
    type: 'ComplaintAcceptedByOmbudsman',
    data: {
      complaintId,
      officeCode: 'OMBUDSMAN-RI',
      preconditions: held(),
      note: NOTE,
      acceptedAt: ACCEPTED_AT.toISOString(),
      ...overrides,
    },
  });

  it('accepts a report the agency left unanswered, recording the facts both preconditions rest on', () => {
    spec.given(escalatedHistory('acc-ok')).when(accept('acc-ok')).then(acceptedEvent('acc-ok'));
    const state = complaintOf([...escalatedHistory('acc-ok'), acceptedEvent('acc-ok')]);
    expect(state.status).toBe('ESCALATED');
    expect(examinationOf(state)).toEqual({
      decision: 'ACCEPTED',
      officeCode: 'OMBUDSMAN-RI',
      decidedAt: ACCEPTED_AT.toISOString(),
      preconditions: held(),
      grounds: [],
      note: NOTE,
      recommendations: [],
    });
    // Accepting settles nothing: the Ombudsman's DISPUTE deadline keeps running.
    expect(deadlinesOf(state).find((d) => d.kind === 'DISPUTE')?.status).toBe('OPEN');
  });

  it('lets a regional office accept a report on an agency in its province', () => {
    spec
      .given(escalatedHistory('acc-region'))
      .when(accept('acc-region', { office: KALSEL_OFFICE }))
      .then(acceptedEvent('acc-region', { officeCode: 'OMBUDSMAN-KALSEL' }));
  });

  it("refuses another region's office, and anyone but the Ombudsman", () => {
    spec
      .given(escalatedHistory('acc-other'))
      .when(accept('acc-other', { office: JABAR_OFFICE }))
      .thenThrows(ActionNotAllowed, (e) => /OMBUDSMAN-JABAR/.test(e.message) && /KAB-BANJAR-DINKES/.test(e.message));
    for (const actor of [operator(), officer(AGENCY), auditor(), citizen('citizen-siti'), system()]) {
      spec.given(escalatedHistory('acc-role')).when(accept('acc-role', { actor })).thenThrows(ActionNotAllowed);
    }
    spec
      .given(escalatedHistory('acc-office'))
      .when(accept('acc-office', { office: null }))
      .thenThrows(ActionNotAllowed);
  });

  it('refuses when nothing shows the reporter complained to the agency first, naming the precondition', () => {
    const error = spec
      .given(escalatedAtTriage('acc-first'))
      .when(accept('acc-first'))
      .thenThrows(OmbudsmanPreconditionFailed);
    expect(error.failed).toEqual(['COMPLAINED_TO_AGENCY_FIRST']);
    expect(error.details).toEqual({ failedPreconditions: ['COMPLAINED_TO_AGENCY_FIRST'] });
    expect(error.code).toBe('OMBUDSMAN_PRECONDITION_FAILED');
    expect(error.category).toBe('conflict');
  });

  it('accepts that report when the Ombudsman states a complaint the reporter made outside Aduan', () => {
    const statement = 'Pelapor mengadu langsung ke Dinkes Banjar pada 10 Januari 2025, tanpa tanggapan';
    spec
      .given(escalatedAtTriage('acc-stated'))
      .when(accept('acc-stated', { agencyComplaintOutsideAduan: statement, note: null }))
      .then(
        acceptedEvent('acc-stated', {
          note: null,
          preconditions: held({
            priorComplaint: { basis: 'STATED_BY_OMBUDSMAN', agencyCode: AGENCY, statement },
            reportedAt: clock.after('P2D').toISOString(),
          }),
        }),
      );
    spec
      .given(escalatedAtTriage('acc-stated-short'))
      .when(accept('acc-stated-short', { agencyComplaintOutsideAduan: 'ya' }))
      .thenThrows(InvalidComplaintInput, (e) => e.field === 'agencyComplaintOutsideAduan');
  });

  it('counts an unanswered report whose legal deadline passed at triage as a complaint to the agency', () => {
    spec
      .given(escalatedAtTriage('acc-lapsed', system(), ESCALATED_AT))
      .when(accept('acc-lapsed'))
      .then(
        acceptedEvent('acc-lapsed', {
          preconditions: held({
            priorComplaint: { basis: 'RESPONSE_DEADLINE_PASSED', agencyCode: AGENCY, statement: null },
          }),
        }),
      );
  });

  it('refuses a matter older than two years when reported, and accepts one reported on the last day', () => {
    const old = new Date('2023-03-15T00:00:00.000Z');
    const error = spec
      .given(escalatedHistory('acc-old'))
      .when(accept('acc-old', { matterOccurredAt: old }))
      .thenThrows(OmbudsmanPreconditionFailed);
    expect(error.failed).toEqual(['WITHIN_REPORT_LIMIT']);
    expect(error.message).toContain('2025-03-15T00:00:00.000Z');
    // Exactly two years (P24M, WIB wall clock) before the escalation is still in time.
    const lastDay = new Date('2023-03-18T01:00:00.000Z');
    spec
      .given(escalatedHistory('acc-edge'))
      .when(accept('acc-edge', { matterOccurredAt: lastDay }))
      .then(
        acceptedEvent('acc-edge', {
          preconditions: held({
            matterOccurredAt: lastDay.toISOString(),
            reportLimitEndsAt: ESCALATED_AT.toISOString(),
          }),
        }),
      );
  });

  it('names both preconditions when both fail', () => {
    spec
      .given(escalatedAtTriage('acc-both'))
      .when(accept('acc-both', { matterOccurredAt: new Date('2020-01-01T00:00:00Z') }))
      .thenThrows(
        OmbudsmanPreconditionFailed,
        (e) => e.failed.join() === 'COMPLAINED_TO_AGENCY_FIRST,WITHIN_REPORT_LIMIT',
      );
  });

  it('refuses a matter date after the report reached the Ombudsman (and so any in the future)', () => {
    for (const at of [clock.after('P15DT1S'), clock.after('P400D'), new Date('not a date')]) {
      spec
        .given(escalatedHistory('acc-future'))
        .when(accept('acc-future', { matterOccurredAt: at }))
        .thenThrows(InvalidComplaintInput, (e) => e.field === 'matterOccurredAt');
    }
  });

  it('decides once, and only on a complaint with the Ombudsman', () => {
    spec
      .given(acceptedHistory('acc-twice'))
      .when(accept('acc-twice'))
      .thenThrows(InvalidComplaintTransition, (e) => /already accepted/.test(e.message));
    spec.given(answeredHistory('acc-answered')).when(accept('acc-answered')).thenThrows(InvalidComplaintTransition);
    spec.given([]).when(accept('acc-none')).thenThrows(ComplaintNotFound);
  });

  it('accepts a complaint the Ombudsman sanctioned before deciding on it', () => {
    spec
      .given(sanctionedHistory('acc-sanctioned'))
      .when(accept('acc-sanctioned'))
      .then(acceptedEvent('acc-sanctioned'));
  });

  it('leaves a triage report without an agency to the national office', () => {
    const history = [submittedWithDeadlines('acc-national')];
    const escalated = [
      ...history,
      escalateComplaint(
        {
          complaintId: 'acc-national',
          reason: 'Langsung ke Ombudsman',
          actor: operator(),
          now: clock.after('P2D'),
          schedule,
        },
        complaintOf(history),
      ),
    ];
    spec
      .given(escalated)
      .when(accept('acc-national', { office: KALSEL_OFFICE }))
      .thenThrows(ActionNotAllowed, (e) => /no agency/.test(e.message));
    spec.given(escalated).when(accept('acc-national')).thenThrows(OmbudsmanPreconditionFailed);
  });
});

describe('rejectComplaintForExamination (Law 37/2008 art. 36)', () => {
  const spec = DeciderSpecification.for({ decide: rejectComplaintForExamination, evolve, initialState });
  const reject = (
    complaintId: string,
    overrides: Partial<RejectComplaintForExamination> = {},
  ): RejectComplaintForExamination => ({
    complaintId,
    explanation: 'Pelapor diminta mengadu dahulu ke instansi terkait',
    actor: ombudsman(),
    office: NATIONAL_OFFICE,
    now: ACCEPTED_AT,
    schedule,
    ...overrides,
  });
  const rejectedEvent = (
    complaintId: string,
    overrides: Partial<ComplaintRejectedByOmbudsman['data']> = {},
  ): ComplaintRejectedByOmbudsman => ({
    type: 'ComplaintRejectedByOmbudsman',
    data: {
      complaintId,
      officeCode: 'OMBUDSMAN-RI',
      preconditions: held(),
      grounds: [],
      explanation: 'Pelapor diminta mengadu dahulu ke instansi terkait',
      rejectedAt: ACCEPTED_AT.toISOString(),
      ...overrides,
    },
  });

  it('records a failed precondition as the reason without it being named, and closes the complaint', () => {
    const triage = escalatedAtTriage('rej-first');
    const expected = rejectedEvent('rej-first', {
      preconditions: held({
        priorComplaint: null,
        reportedAt: clock.after('P2D').toISOString(),
        failed: ['COMPLAINED_TO_AGENCY_FIRST'],
      }),
    });
    spec.given(triage).when(reject('rej-first')).then(expected);
    const state = complaintOf([...triage, expected]);
    expect(state.status).toBe('CLOSED');
    expect(workflowOf(state).closure).toEqual({
      closedBy: 'OMBUDSMAN',
      closedAt: ACCEPTED_AT.toISOString(),
      finding: null,
      reason: 'Pelapor diminta mengadu dahulu ke instansi terkait',
    });
    expect(examinationOf(state)).toMatchObject({ decision: 'REJECTED', grounds: [] });
    expect(deadlinesOf(state).find((d) => d.kind === 'DISPUTE')?.status).toBe('MET');
    expect(deadlinesOf(state).filter((d) => d.status === 'OPEN')).toEqual([]);
    // Settled by the Ombudsman: the reporter does not reopen it, and is told why.
    const reopening = () =>
      reopenComplaint(
        {
          complaintId: 'rej-first',
          reason: 'Belum selesai',
          actor: citizen('citizen-siti'),
          now: clock.after('P17D'),
          schedule,
        },
        state,
      );
    expect(reopening).toThrow(RejectedReportNotReopened);
    expect(reopening).toThrow(
      `Cannot reopen the complaint: OMBUDSMAN-RI did not accept the report for examination on ${ACCEPTED_AT.toISOString()} (COMPLAINED_TO_AGENCY_FIRST failed), and that decision is not reopened`,
    );
    expect(() => reopening()).toThrow(expect.objectContaining({ code: 'REJECTED_BY_OMBUDSMAN', category: 'conflict' }));
  });

  it('takes the grounds of art. 36 when both preconditions hold, each once and in a stable order', () => {
    spec
      .given(escalatedHistory('rej-grounds'))
      .when(reject('rej-grounds', { grounds: ['OUTSIDE_AUTHORITY', 'BEFORE_COURT', 'OUTSIDE_AUTHORITY'] }))
      .then(rejectedEvent('rej-grounds', { grounds: ['BEFORE_COURT', 'OUTSIDE_AUTHORITY'] }));
  });

  it('refuses to reject a report meeting both preconditions without a ground', () => {
    for (const grounds of [undefined, null, []]) {
      spec
        .given(escalatedHistory('rej-none'))
        .when(reject('rej-none', { grounds }))
        .thenThrows(InvalidComplaintInput, (e) => e.field === 'grounds' && /art\. 24/.test(e.message));
    }
    spec
      .given(escalatedHistory('rej-bad'))
      .when(reject('rej-bad', { grounds: ['TOO_LATE'] }))
      .thenThrows(InvalidComplaintInput, (e) => e.field === 'grounds');
    spec
      .given(escalatedHistory('rej-short'))
      .when(reject('rej-short', { grounds: ['OTHER'], explanation: 'no' }))
      .thenThrows(InvalidComplaintInput, (e) => e.field === 'explanation');
  });

  it('records an old matter as the reason', () => {
    const old = new Date('2022-06-01T00:00:00.000Z');
    spec
      .given(escalatedHistory('rej-old'))
      .when(reject('rej-old', { matterOccurredAt: old }))
      .then(
        rejectedEvent('rej-old', {
          preconditions: held({
            matterOccurredAt: old.toISOString(),
            reportLimitEndsAt: '2024-06-01T00:00:00.000Z',
            failed: ['WITHIN_REPORT_LIMIT'],
          }),
        }),
      );
  });

  it('refuses once decided, once sanctioned, other regions and other roles', () => {
    spec
      .given(acceptedHistory('rej-accepted'))
      .when(reject('rej-accepted', { grounds: ['OTHER'] }))
      .thenThrows(InvalidComplaintTransition, (e) => /already accepted/.test(e.message));
    spec
      .given(sanctionedHistory('rej-sanctioned'))
      .when(reject('rej-sanctioned', { grounds: ['OTHER'] }))
      .thenThrows(InvalidComplaintTransition, (e) => /sanctioned/.test(e.message));
    spec
      .given(escalatedHistory('rej-region'))
      .when(reject('rej-region', { grounds: ['OTHER'], office: JABAR_OFFICE }))
      .thenThrows(ActionNotAllowed);
    spec
      .given(escalatedHistory('rej-role'))
      .when(reject('rej-role', { grounds: ['OTHER'], actor: operator() }))
      .thenThrows(ActionNotAllowed);
  });
});

describe('issueRecommendation (Law 37/2008 art. 37–38)', () => {
  const spec = DeciderSpecification.for({ decide: issueRecommendation, evolve, initialState });
  const TEXT = 'Pulihkan jam layanan puskesmas dan umumkan jadwalnya';
  const recommend = (complaintId: string, overrides: Partial<IssueRecommendation> = {}): IssueRecommendation => ({
    complaintId,
    agencyCode: AGENCY,
    recommendation: `  ${TEXT}  `,
    actor: ombudsman(),
    office: NATIONAL_OFFICE,
    now: RECOMMENDED_AT,
    agencies: agencyTree,
    schedule,
    ...overrides,
  });

  it('recommends on an accepted report, starting the 60-day RECOMMENDATION deadline from receipt', () => {
    const expected: ComplaintEvent = {
      type: 'ComplaintRecommendationIssued',
      data: {
        complaintId: 'rec-ok',
        officeCode: 'OMBUDSMAN-RI',
        recommendationNumber: 1,
        agencyCode: AGENCY,
        recommendation: TEXT,
        receivedAt: RECOMMENDED_AT.toISOString(),
        issuedAt: RECOMMENDED_AT.toISOString(),
        deadlines: [
          {
            kind: 'RECOMMENDATION',
            rule: 'RECOMMENDATION',
            priority: 'NORMAL',
            span: 'P60D',
            startedAt: RECOMMENDED_AT.toISOString(),
            dueAt: clock.after('P80D').toISOString(),
            warnAt: clock.after('P65D').toISOString(),
          },
        ],
      },
    };
    spec.given(acceptedHistory('rec-ok')).when(recommend('rec-ok')).then(expected);
    const state = complaintOf([...acceptedHistory('rec-ok'), expected]);
    expect(state.status).toBe('ESCALATED');
    expect(examinationOf(state)?.recommendations).toEqual([
      {
        number: 1,
        officeCode: 'OMBUDSMAN-RI',
        agencyCode: AGENCY,
        text: TEXT,
        issuedAt: RECOMMENDED_AT.toISOString(),
        receivedAt: RECOMMENDED_AT.toISOString(),
        dueAt: clock.after('P80D').toISOString(),
        implementation: null,
      },
    ]);
    // The recommendation is the Ombudsman's settlement: it meets the DISPUTE deadline.
    expect(deadlinesOf(state).map((d) => [d.kind, d.status])).toEqual(
      expect.arrayContaining([
        ['DISPUTE', 'MET'],
        ['RECOMMENDATION', 'OPEN'],
      ]),
    );
  });

  it('counts from an earlier receipt on paper, never before the acceptance nor in the future', () => {
    const received = clock.after('P18D');
    spec
      .given(acceptedHistory('rec-paper'))
      .when(recommend('rec-paper', { receivedAt: received }))
      .then({
        type: 'ComplaintRecommendationIssued',
        data: {
          complaintId: 'rec-paper',
          officeCode: 'OMBUDSMAN-RI',
          recommendationNumber: 1,
          agencyCode: AGENCY,
          recommendation: TEXT,
          receivedAt: received.toISOString(),
          issuedAt: RECOMMENDED_AT.toISOString(),
          deadlines: [windowOf('RECOMMENDATION', received)],
        },
      });
    for (const receivedAt of [clock.after('P15D'), clock.after('P21D'), new Date(Number.NaN)]) {
      spec
        .given(acceptedHistory('rec-when'))
        .when(recommend('rec-when', { receivedAt }))
        .thenThrows(InvalidComplaintInput, (e) => e.field === 'receivedAt');
    }
  });

  it('needs the report accepted first', () => {
    spec
      .given(escalatedHistory('rec-early'))
      .when(recommend('rec-early'))
      .thenThrows(InvalidComplaintTransition, (e) => /not accepted/.test(e.message));
    spec.given(answeredHistory('rec-answered')).when(recommend('rec-answered')).thenThrows(InvalidComplaintTransition);
  });

  it('issues one recommendation at a time: the next once the first is reported implemented', () => {
    spec
      .given(recommendedHistory('rec-second'))
      .when(recommend('rec-second', { now: clock.after('P21D') }))
      .thenThrows(InvalidComplaintTransition, (e) => /recommendation 1 to KAB-BANJAR-DINKES awaits/.test(e.message));
    const implemented = [
      ...recommendedHistory('rec-second'),
      reportRecommendationImplementation(
        {
          complaintId: 'rec-second',
          note: 'Jadwal sudah diumumkan',
          actor: officer(AGENCY),
          now: clock.after('P30D'),
          agencies: agencyTree,
        },
        complaintOf(recommendedHistory('rec-second')),
      ),
    ];
    const second = issueRecommendation(
      recommend('rec-second', { agencyCode: 'KAB-BANJAR', now: clock.after('P31D') }),
      complaintOf(implemented),
    );
    expect(second.data).toMatchObject({ recommendationNumber: 2, agencyCode: 'KAB-BANJAR' });
  });

  it('refuses an unknown agency, other regions and other roles', () => {
    spec
      .given(acceptedHistory('rec-agency'))
      .when(recommend('rec-agency', { agencyCode: 'KAB-ANTAH-BERANTAH' }))
      .thenThrows(UnknownAgency);
    spec
      .given(acceptedHistory('rec-region'))
      .when(recommend('rec-region', { office: JABAR_OFFICE }))
      .thenThrows(ActionNotAllowed);
    spec
      .given(acceptedHistory('rec-role'))
      .when(recommend('rec-role', { actor: officer(AGENCY), office: null }))
      .thenThrows(ActionNotAllowed);
  });

  it('also recommends on a complaint the Ombudsman accepted and sanctioned', () => {
    const history = sanctionedHistory('rec-sanctioned', acceptedHistory('rec-sanctioned'));
    expect(complaintOf(history).status).toBe('SANCTIONED');
    expect(issueRecommendation(recommend('rec-sanctioned'), complaintOf(history)).data.recommendationNumber).toBe(1);
  });
});

describe('the RECOMMENDATION deadline', () => {
  const scan = (id: string, events: ComplaintEvent[], at: Date) =>
    checkDeadlines({ complaintId: id, actor: system(), now: at, schedule }, complaintOf(events));

  it('is warned at 75 %, breached after 60 days unreported, for the agency it is addressed to, once', () => {
    const history = recommendedHistory('dl-rec', 'KAB-BANJAR');
    expect(nextDeadlineCheck(complaintOf(history))?.toISOString()).toBe(clock.after('P65D').toISOString());
    const warned = [...history, ...scan('dl-rec', history, clock.after('P65D'))];
    expect(warned.at(-1)).toEqual({
      type: 'ComplaintDeadlineWarned',
      data: {
        complaintId: 'dl-rec',
        kind: 'RECOMMENDATION',
        dueAt: clock.after('P80D').toISOString(),
        agencyCode: 'KAB-BANJAR',
        warnedAt: clock.after('P65D').toISOString(),
      },
    });
    // At the due instant it is still in time.
    expect(scan('dl-rec', warned, clock.after('P80D'))).toEqual([]);
    const late = new Date(clock.after('P80D').getTime() + 1);
    const breached = [...warned, ...scan('dl-rec', warned, late)];
    expect(breached.at(-1)).toEqual({
      type: 'ComplaintDeadlineBreached',
      data: {
        complaintId: 'dl-rec',
        kind: 'RECOMMENDATION',
        dueAt: clock.after('P80D').toISOString(),
        agencyCode: 'KAB-BANJAR',
        breachedAt: late.toISOString(),
      },
    });
    const state = complaintOf(breached);
    expect(state.status).toBe('ESCALATED');
    expect(deadlinesOf(state).find((d) => d.kind === 'RECOMMENDATION')).toMatchObject({
      status: 'BREACHED',
      breachedAt: late.toISOString(),
      closedAt: null,
    });
    expect(scan('dl-rec', breached, clock.after('P90D'))).toEqual([]);
    expect(nextDeadlineCheck(state)).toBeNull();
  });
});

describe('reportRecommendationImplementation (art. 38(2))', () => {
  const spec = DeciderSpecification.for({ decide: reportRecommendationImplementation, evolve, initialState });
  const report = (
    complaintId: string,
    overrides: Partial<ReportRecommendationImplementation> = {},
  ): ReportRecommendationImplementation => ({
    complaintId,
    note: '  Jadwal layanan sudah dipulihkan dan diumumkan ',
    actor: officer(AGENCY),
    now: clock.after('P40D'),
    agencies: agencyTree,
    ...overrides,
  });
  const implemented = (
    complaintId: string,
    overrides: Partial<ComplaintRecommendationImplemented['data']> = {},
  ): ComplaintRecommendationImplemented => ({
    type: 'ComplaintRecommendationImplemented',
    data: {
      complaintId,
      recommendationNumber: 1,
      agencyCode: AGENCY,
      reportedByAgencyCode: AGENCY,
      note: 'Jadwal layanan sudah dipulihkan dan diumumkan',
      dueAt: clock.after('P80D').toISOString(),
      onTime: true,
      implementedAt: clock.after('P40D').toISOString(),
      ...overrides,
    },
  });

  it('takes the report of the agency the recommendation is addressed to, in time', () => {
    spec.given(recommendedHistory('imp-ok')).when(report('imp-ok')).then(implemented('imp-ok'));
    const state = complaintOf([...recommendedHistory('imp-ok'), implemented('imp-ok')]);
    expect(deadlinesOf(state).find((d) => d.kind === 'RECOMMENDATION')).toMatchObject({
      status: 'MET',
      closedAt: clock.after('P40D').toISOString(),
    });
    expect(examinationOf(state)?.recommendations[0]?.implementation).toEqual({
      note: 'Jadwal layanan sudah dipulihkan dan diumumkan',
      reportedByAgencyCode: AGENCY,
      implementedAt: clock.after('P40D').toISOString(),
      onTime: true,
    });
  });

  it("takes the superior's report (an agency above it), and the Ombudsman's record of one", () => {
    spec
      .given(recommendedHistory('imp-superior'))
      .when(report('imp-superior', { actor: officer('PROV-KALSEL') }))
      .then(implemented('imp-superior', { reportedByAgencyCode: 'PROV-KALSEL' }));
    spec
      .given(recommendedHistory('imp-omb'))
      .when(report('imp-omb', { actor: ombudsman(), office: KALSEL_OFFICE }))
      .then(implemented('imp-omb', { reportedByAgencyCode: null }));
  });

  it('records a report after the deadline passed as late', () => {
    const history = recommendedHistory('imp-late');
    const breached = [
      ...history,
      ...checkDeadlines(
        { complaintId: 'imp-late', actor: system(), now: clock.after('P81D'), schedule },
        complaintOf(history),
      ),
    ];
    const at = clock.after('P90D');
    spec
      .given(breached)
      .when(report('imp-late', { now: at }))
      .then(implemented('imp-late', { onTime: false, implementedAt: at.toISOString() }));
    const state = complaintOf([
      ...breached,
      implemented('imp-late', { onTime: false, implementedAt: at.toISOString() }),
    ]);
    expect(deadlinesOf(state).find((d) => d.kind === 'RECOMMENDATION')).toMatchObject({
      status: 'BREACHED',
      closedAt: at.toISOString(),
    });
  });

  it('refuses other agencies, other regions and other roles', () => {
    for (const actor of [officer('KAB-BANJAR-DISKOMINFO'), officer('KAB-INDRAMAYU'), officer('KEC-JATIBARANG')]) {
      spec
        .given(recommendedHistory('imp-other'))
        .when(report('imp-other', { actor }))
        .thenThrows(ActionNotAllowed, (e) => /addressed to KAB-BANJAR-DINKES/.test(e.message));
    }
    spec
      .given(recommendedHistory('imp-region'))
      .when(report('imp-region', { actor: ombudsman(), office: JABAR_OFFICE }))
      .thenThrows(ActionNotAllowed);
    for (const actor of [operator(), citizen('citizen-siti'), auditor(), system()]) {
      spec.given(recommendedHistory('imp-role')).when(report('imp-role', { actor })).thenThrows(ActionNotAllowed);
    }
  });

  it('refuses when no recommendation awaits a report', () => {
    spec
      .given(acceptedHistory('imp-none'))
      .when(report('imp-none'))
      .thenThrows(InvalidComplaintTransition, (e) => /no recommendation awaits/.test(e.message));
    spec
      .given([...recommendedHistory('imp-twice'), implemented('imp-twice')])
      .when(report('imp-twice'))
      .thenThrows(InvalidComplaintTransition);
  });
});

describe('the recommendation and the Ombudsman’s other decisions', () => {
  const conclude = (id: string, finding: string, events: ComplaintEvent[]) =>
    concludeComplaint(
      {
        complaintId: id,
        finding,
        reason: 'Rekomendasi sudah dilaksanakan',
        actor: ombudsman(),
        office: NATIONAL_OFFICE,
        now: clock.after('P50D'),
      },
      complaintOf(events),
    );
  const implementedBy = (id: string, events: ComplaintEvent[], at = clock.after('P45D')): ComplaintEvent[] => [
    ...events,
    reportRecommendationImplementation(
      { complaintId: id, note: 'Sudah dilaksanakan', actor: officer(AGENCY), now: at, agencies: agencyTree },
      complaintOf(events),
    ),
  ];

  it('concludes RESOLVED only once the recommendation is reported implemented', () => {
    const history = recommendedHistory('mix-resolve');
    expect(() => conclude('mix-resolve', 'RESOLVED', history)).toThrow(/recommendation 1 awaits/);
    const done = [...implementedBy('mix-resolve', history)];
    const closed = complaintOf([...done, conclude('mix-resolve', 'RESOLVED', done)]);
    expect(closed.status).toBe('CLOSED');
    expect(deadlinesOf(closed).filter((d) => d.status === 'OPEN')).toEqual([]);
  });

  it('never concludes NO_MALADMINISTRATION after a recommendation', () => {
    const done = implementedBy('mix-finding', recommendedHistory('mix-finding'));
    expect(() => conclude('mix-finding', 'NO_MALADMINISTRATION', done)).toThrow(/found maladministration/);
    // Without a recommendation the existing conclusion is unchanged, accepted or not.
    expect(conclude('mix-plain', 'NO_MALADMINISTRATION', acceptedHistory('mix-plain')).type).toBe('ComplaintConcluded');
  });

  it('orders no field check once a recommendation is issued', () => {
    expect(() =>
      orderFieldCheck(
        {
          complaintId: 'mix-field',
          reason: 'Cek lapangan',
          actor: ombudsman(),
          office: NATIONAL_OFFICE,
          now: clock.after('P21D'),
          schedule,
        },
        complaintOf(recommendedHistory('mix-field')),
      ),
    ).toThrow(/examination is done/);
  });

  it('sanctions an agency that left its recommendation unreported; its report still counts after', () => {
    const history = recommendedHistory('mix-sanction');
    const breached = [
      ...history,
      ...checkDeadlines(
        { complaintId: 'mix-sanction', actor: system(), now: clock.after('P81D'), schedule },
        complaintOf(history),
      ),
    ];
    const sanctioned = sanctionedHistory('mix-sanction', breached, clock.after('P85D'));
    expect(complaintOf(sanctioned).status).toBe('SANCTIONED');
    const reported = implementedBy('mix-sanction', sanctioned, clock.after('P90D'));
    expect(examinationOf(complaintOf(reported))?.recommendations[0]?.implementation).toMatchObject({
      onTime: false,
      implementedAt: clock.after('P90D').toISOString(),
    });
  });

  it('folds an examination event that does not fit the state to no change', () => {
    const answered = complaintOf(answeredHistory('mix-odd'));
    const accepted = acceptedHistory('mix-odd').at(-1) as ComplaintEvent;
    expect(evolve(answered, accepted)).toBe(answered);
    const escalated = complaintOf(escalatedHistory('mix-odd2'));
    const issued = recommendedHistory('mix-odd2').at(-1) as ComplaintEvent;
    expect(evolve(escalated, issued)).toBe(escalated);
  });
});
