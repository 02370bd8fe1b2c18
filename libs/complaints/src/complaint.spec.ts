import {
  DUE_AT,
  escalated,
  forwarded,
  RECEIVED_AT,
  responded,
  sanctioned,
  sealedContact,
  submitted,
} from '../../../test/fixtures/complaint-events.js';
import type { ComplaintEvent } from './complaint.events.js';
import { evolve, initialState, replay, respondedAt, type Complaint, type ComplaintState } from './complaint.js';
import { trackingCodeFor } from './tracking-code.js';

const asComplaint = (state: ComplaintState): Complaint => {
  if (state.status === 'NONE') throw new Error('expected a complaint, got none');
  return state;
};

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

describe('complaint state', () => {
  it('starts with no complaint', () => {
    expect(initialState()).toEqual({ status: 'NONE' });
  });

  it('opens a SUBMITTED complaint with every fact of the report', () => {
    const reporter = sealedContact('key-state-submitted');
    const state = evolve(
      initialState(),
      submitted('state-submitted', {
        complaintType: 'ASPIRATION',
        channel: 'SMS',
        requestedAgencyCode: 'KAB-BANJAR-DINKES',
        anonymous: true,
        confidential: true,
        reporter,
        reporterId: 'sub-1',
      }),
    );
    expect(state).toStrictEqual({
      status: 'SUBMITTED',
      id: 'state-submitted',
      trackingCode: trackingCodeFor('state-submitted'),
      title: submitted('x').data.title,
      description: submitted('x').data.description,
      complaintType: 'ASPIRATION',
      channel: 'SMS',
      requestedAgencyCode: 'KAB-BANJAR-DINKES',
      anonymous: true,
      confidential: true,
      reporter,
      reporterId: 'sub-1',
      submittedAt: RECEIVED_AT,
      dueAt: DUE_AT,
      assignedAgencyCode: null,
      assignmentTrail: [],
      responses: [],
      escalation: null,
      sanctions: [],
    });
  });

  it('folds a whole lifecycle: forwarded twice, answered late, escalated, sanctioned twice', () => {
    const id = 'state-lifecycle';
    const events: ComplaintEvent[] = [
      submitted(id, { reporterId: 'sub-lifecycle' }),
      forwarded(id, 'PROV-KALSEL-DINKES', { forwardedAt: '2025-03-03T02:00:00.000Z' }),
      forwarded(id, 'KAB-BANJAR-DINKES', {
        fromAgencyCode: 'PROV-KALSEL-DINKES',
        forwardedAt: '2025-03-04T02:00:00.000Z',
      }),
      responded(id, 'KAB-BANJAR-DINKES', {
        message: 'Sedang kami periksa.',
        respondedAt: '2025-03-18T01:00:00.000Z',
        onTime: false,
      }),
      escalated(id, {
        reason: 'Jawaban terlambat',
        source: 'REPORTER',
        agencyCode: 'KAB-BANJAR-DINKES',
        escalatedAt: '2025-03-19T01:00:00.000Z',
      }),
      sanctioned(id, 'KAB-BANJAR-DINKES', {
        kind: 'WRITTEN_REPRIMAND',
        reason: 'Terlambat menjawab',
        sanctionedAt: '2025-04-01T01:00:00.000Z',
      }),
      sanctioned(id, 'KAB-BANJAR-DINKES', {
        kind: 'SALARY_REDUCTION',
        officialName: 'Kepala Dinas',
        reason: 'Teguran tidak diindahkan',
        sanctionedAt: '2025-05-01T01:00:00.000Z',
      }),
    ];
    const state = asComplaint(replay(events));
    expect(state).toMatchObject({
      status: 'SANCTIONED',
      id,
      reporterId: 'sub-lifecycle',
      assignedAgencyCode: 'KAB-BANJAR-DINKES',
      assignmentTrail: ['PROV-KALSEL-DINKES', 'KAB-BANJAR-DINKES'],
    });
    expect(state.responses).toStrictEqual([
      {
        agencyCode: 'KAB-BANJAR-DINKES',
        message: 'Sedang kami periksa.',
        respondedAt: '2025-03-18T01:00:00.000Z',
        onTime: false,
      },
    ]);
    expect(state.escalation).toStrictEqual({
      reason: 'Jawaban terlambat',
      source: 'REPORTER',
      agencyCode: 'KAB-BANJAR-DINKES',
      escalatedAt: '2025-03-19T01:00:00.000Z',
    });
    expect(state.sanctions).toStrictEqual([
      {
        sanctionedAgencyCode: 'KAB-BANJAR-DINKES',
        officialName: null,
        kind: 'WRITTEN_REPRIMAND',
        reason: 'Terlambat menjawab',
        sanctionedAt: '2025-04-01T01:00:00.000Z',
      },
      {
        sanctionedAgencyCode: 'KAB-BANJAR-DINKES',
        officialName: 'Kepala Dinas',
        kind: 'SALARY_REDUCTION',
        reason: 'Teguran tidak diindahkan',
        sanctionedAt: '2025-05-01T01:00:00.000Z',
      },
    ]);
    expect(respondedAt(state)).toBe('2025-03-18T01:00:00.000Z');
  });

  describe('status transitions', () => {
    it('FORWARDED assigns the target agency', () => {
      const state = replay([submitted('state-fwd'), forwarded('state-fwd', 'KEMENKES')]);
      expect(state).toMatchObject({ status: 'FORWARDED', assignedAgencyCode: 'KEMENKES', escalation: null });
    });

    it('RESPONDED keeps the assignment and appends each answer', () => {
      const state = asComplaint(
        replay([
          submitted('state-resp'),
          forwarded('state-resp', 'KEMENKES'),
          responded('state-resp', 'KEMENKES', { message: 'Pertama', respondedAt: '2025-03-05T00:00:00.000Z' }),
          responded('state-resp', 'KEMENKES', { message: 'Kedua', respondedAt: '2025-03-06T00:00:00.000Z' }),
        ]),
      );
      expect(state).toMatchObject({ status: 'RESPONDED', assignedAgencyCode: 'KEMENKES' });
      expect(state.responses.map((r) => r.message)).toEqual(['Pertama', 'Kedua']);
      expect(respondedAt(state)).toBe('2025-03-06T00:00:00.000Z');
    });

    it('a forward after an answer goes back to FORWARDED and keeps the earlier answers', () => {
      const state = asComplaint(
        replay([
          submitted('state-refwd'),
          forwarded('state-refwd', 'KAB-BANJAR-DINKES'),
          responded('state-refwd', 'KAB-BANJAR-DINKES'),
          forwarded('state-refwd', 'KEMENKES', { fromAgencyCode: 'KAB-BANJAR-DINKES' }),
        ]),
      );
      expect(state).toMatchObject({ status: 'FORWARDED', assignedAgencyCode: 'KEMENKES' });
      expect(state.responses).toHaveLength(1);
    });

    it('ESCALATED from SUBMITTED leaves the complaint unassigned', () => {
      const state = replay([submitted('state-esc-sub'), escalated('state-esc-sub', { source: 'SYSTEM' })]);
      expect(state).toMatchObject({
        status: 'ESCALATED',
        assignedAgencyCode: null,
        escalation: { source: 'SYSTEM', agencyCode: null },
      });
    });

    it('ESCALATED from FORWARDED keeps the assignment', () => {
      const state = replay([
        submitted('state-esc-fwd'),
        forwarded('state-esc-fwd', 'KEMENKES'),
        escalated('state-esc-fwd', { agencyCode: 'KEMENKES' }),
      ]);
      expect(state).toMatchObject({
        status: 'ESCALATED',
        assignedAgencyCode: 'KEMENKES',
        escalation: { agencyCode: 'KEMENKES' },
      });
    });

    it('respondedAt is null until the agency answers', () => {
      expect(respondedAt(asComplaint(replay([submitted('state-no-answer')])))).toBeNull();
    });
  });

  describe('assignment trail', () => {
    it('lists every agency the complaint was assigned to, in order', () => {
      const state = asComplaint(
        replay([
          submitted('trail-order'),
          forwarded('trail-order', 'KEMENKES'),
          forwarded('trail-order', 'PROV-KALSEL-DINKES', { fromAgencyCode: 'KEMENKES' }),
          forwarded('trail-order', 'KAB-BANJAR-DINKES', { fromAgencyCode: 'PROV-KALSEL-DINKES' }),
        ]),
      );
      expect(state.assignmentTrail).toEqual(['KEMENKES', 'PROV-KALSEL-DINKES', 'KAB-BANJAR-DINKES']);
      expect(state.assignedAgencyCode).toBe('KAB-BANJAR-DINKES');
    });

    it('lists an agency once even when the complaint comes back to it', () => {
      const state = asComplaint(
        replay([
          submitted('trail-back'),
          forwarded('trail-back', 'PROV-KALSEL-DINKES'),
          forwarded('trail-back', 'KAB-BANJAR-DINKES', { fromAgencyCode: 'PROV-KALSEL-DINKES' }),
          forwarded('trail-back', 'PROV-KALSEL-DINKES', { fromAgencyCode: 'KAB-BANJAR-DINKES' }),
        ]),
      );
      expect(state.assignmentTrail).toEqual(['PROV-KALSEL-DINKES', 'KAB-BANJAR-DINKES']);
      expect(state.assignedAgencyCode).toBe('PROV-KALSEL-DINKES');
    });

    it('is empty while the complaint is unassigned', () => {
      expect(asComplaint(replay([submitted('trail-empty')])).assignmentTrail).toEqual([]);
    });
  });

  describe('events that do not fit leave the state as it is (a replay never stops)', () => {
    const none = (): ComplaintEvent[] => [];
    const sub = (id: string): ComplaintEvent[] => [submitted(id)];
    const fwd = (id: string): ComplaintEvent[] => [submitted(id), forwarded(id, 'KEMENKES')];
    const resp = (id: string): ComplaintEvent[] => [...fwd(id), responded(id, 'KEMENKES')];
    const esc = (id: string): ComplaintEvent[] => [...fwd(id), escalated(id, { agencyCode: 'KEMENKES' })];
    const sanc = (id: string): ComplaintEvent[] => [...esc(id), sanctioned(id, 'KEMENKES')];

    it.each<[string, (id: string) => ComplaintEvent[], (id: string) => ComplaintEvent]>([
      ['a forward before any submit', none, (id) => forwarded(id, 'KEMENKES')],
      ['an answer before any submit', none, (id) => responded(id, 'KEMENKES')],
      ['an escalation before any submit', none, (id) => escalated(id)],
      ['a sanction before any submit', none, (id) => sanctioned(id, 'KEMENKES')],
      ['a second submit', sub, (id) => submitted(id, { title: 'Judul yang lain sama sekali' })],
      ['a second submit on a sanctioned complaint', sanc, (id) => submitted(id)],
      ['an answer to a complaint not forwarded', sub, (id) => responded(id, 'KEMENKES')],
      ['a sanction on a submitted complaint', sub, (id) => sanctioned(id, 'KEMENKES')],
      ['a sanction on a forwarded complaint', fwd, (id) => sanctioned(id, 'KEMENKES')],
      ['a sanction on a responded complaint', resp, (id) => sanctioned(id, 'KEMENKES')],
      ['a forward of an escalated complaint', esc, (id) => forwarded(id, 'KAB-BANJAR-DINKES')],
      ['a forward of a sanctioned complaint', sanc, (id) => forwarded(id, 'KAB-BANJAR-DINKES')],
      ['an answer to an escalated complaint', esc, (id) => responded(id, 'KEMENKES')],
      ['an answer to a sanctioned complaint', sanc, (id) => responded(id, 'KEMENKES')],
      ['a second escalation', esc, (id) => escalated(id, { reason: 'Sekali lagi', source: 'SYSTEM' })],
      ['an escalation of a sanctioned complaint', sanc, (id) => escalated(id)],
    ])('ignores %s', (label, history, misfit) => {
      const id = `misfit-${label.replaceAll(' ', '-')}`;
      const before = replay(history(id));
      expect(evolve(before, misfit(id))).toBe(before);
    });

    it('replays an out-of-order stream without throwing, keeping what fits', () => {
      const id = 'misfit-shuffled';
      const state = replay([
        responded(id, 'KEMENKES'),
        sanctioned(id, 'KEMENKES'),
        submitted(id),
        escalated(id, { source: 'SYSTEM', agencyCode: null }),
        forwarded(id, 'KEMENKES'),
        escalated(id, { source: 'OPERATOR' }),
      ]);
      expect(state).toMatchObject({
        status: 'ESCALATED',
        assignedAgencyCode: null,
        assignmentTrail: [],
        responses: [],
        sanctions: [],
        escalation: { source: 'SYSTEM' },
      });
    });
  });

  describe('replay', () => {
    const id = 'replay-equivalence';
    const events: ComplaintEvent[] = [
      submitted(id, { reporterId: 'sub-replay' }),
      forwarded(id, 'PROV-KALSEL-DINKES'),
      forwarded(id, 'KAB-BANJAR-DINKES', { fromAgencyCode: 'PROV-KALSEL-DINKES' }),
      responded(id, 'KAB-BANJAR-DINKES'),
      responded(id, 'KAB-BANJAR-DINKES', { message: 'Tindak lanjut kedua' }),
      escalated(id, { source: 'REPORTER', agencyCode: 'KAB-BANJAR-DINKES' }),
      sanctioned(id, 'KAB-BANJAR-DINKES'),
    ];

    it('equals evolving one event at a time', () => {
      let stepByStep = initialState();
      for (const event of events) stepByStep = evolve(stepByStep, event);
      expect(replay(events)).toStrictEqual(stepByStep);
    });

    it('can resume from a state folded from the head of the stream', () => {
      for (let cut = 0; cut <= events.length; cut++) {
        expect(replay(events.slice(cut), replay(events.slice(0, cut)))).toStrictEqual(replay(events));
      }
    });

    it('of nothing is the initial state', () => {
      expect(replay([])).toStrictEqual(initialState());
    });

    it('never changes the states or events it is given', () => {
      const frozen = deepFreeze(events.map((event) => structuredClone(event)));
      let state = initialState();
      for (const event of frozen) state = deepFreeze(evolve(state, event));
      expect(state).toStrictEqual(replay(events));
      expect(frozen).toStrictEqual(events);
    });

    it('gives the same state for the same events, every time', () => {
      expect(replay(events)).toStrictEqual(replay(events.map((event) => structuredClone(event))));
    });
  });
});
