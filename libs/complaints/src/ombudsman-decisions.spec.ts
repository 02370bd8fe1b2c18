import { agencies, clock, escalated, officer, ombudsman, operator } from '../../../test/fixtures/complaint-events.js';
import { JABAR_OFFICE, KALSEL_OFFICE, NATIONAL_OFFICE } from '../../../test/fixtures/ombudsman.js';
import { forwardedWithDeadline, schedule, submittedWithDeadlines, windowOf } from '../../../test/fixtures/workflow.js';
import { checkDeadlines } from './check-deadlines.js';
import { ActionNotAllowed, InvalidComplaintInput, InvalidComplaintTransition } from './complaint.errors.js';
import type { ComplaintEvent } from './complaint.events.js';
import type { OmbudsmanOffice } from './ombudsman.js';
import { deadlinesOf, replay, workflowOf, type Complaint } from './complaint.js';
import { escalateComplaint } from './escalate-complaint.js';
import { concludeComplaint, orderFieldCheck, recordSanctionRemedy } from './ombudsman-decisions.js';
import { sanctionComplaint } from './sanction-complaint.js';
import { sanctionLadderOf } from './sanction-ladder.js';

const complaintOf = (events: readonly ComplaintEvent[]): Complaint => {
  const state = replay(events);
  if (state.status === 'NONE') throw new Error('no complaint');
  return state;
};
const ESCALATED_AT = clock.after('P15D');
const AGENCY = 'KAB-BANJAR-DINKES';

/** Forwarded, then escalated by an operator with the DISPUTE deadline. */
const disputed = (id: string): ComplaintEvent[] => {
  const history = [submittedWithDeadlines(id), forwardedWithDeadline(id, AGENCY)];
  return [
    ...history,
    escalateComplaint(
      { complaintId: id, reason: 'Tidak ada tanggapan', actor: operator(), now: ESCALATED_AT, schedule },
      complaintOf(history),
    ),
  ];
};
const sanction = (id: string, events: ComplaintEvent[], kind = 'WRITTEN_REPRIMAND', at = clock.after('P20D')) => [
  ...events,
  sanctionComplaint(
    {
      complaintId: id,
      sanctionedAgencyCode: AGENCY,
      kind,
      reason: 'Lalai menanggapi',
      actor: ombudsman(),
      office: NATIONAL_OFFICE,
      now: at,
      agencies,
      schedule,
    },
    complaintOf(events),
  ),
];

describe('the Ombudsman', () => {
  it('settles a dispute without a sanction: CLOSED, the DISPUTE deadline met', () => {
    const history = disputed('omb-conclude');
    const decided = concludeComplaint(
      {
        complaintId: 'omb-conclude',
        finding: 'NO_MALADMINISTRATION',
        reason: 'Layanan sesuai standar',
        actor: ombudsman(),
        office: NATIONAL_OFFICE,
        now: clock.after('P20D'),
      },
      complaintOf(history),
    );
    const state = complaintOf([...history, decided]);
    expect(state.status).toBe('CLOSED');
    expect(workflowOf(state).closure).toMatchObject({ closedBy: 'OMBUDSMAN', finding: 'NO_MALADMINISTRATION' });
    expect(deadlinesOf(state).find((d) => d.kind === 'DISPUTE')?.status).toBe('MET');
    expect(() =>
      concludeComplaint(
        {
          complaintId: 'omb-conclude',
          finding: 'GUILTY',
          reason: 'Layanan sesuai',
          actor: ombudsman(),
          office: NATIONAL_OFFICE,
          now: clock.after('P20D'),
        },
        complaintOf(history),
      ),
    ).toThrow(InvalidComplaintInput);
    expect(() =>
      concludeComplaint(
        {
          complaintId: 'omb-conclude',
          finding: 'RESOLVED',
          reason: 'Layanan sesuai',
          actor: operator(),
          office: null,
          now: clock.after('P20D'),
        },
        complaintOf(history),
      ),
    ).toThrow(ActionNotAllowed);
  });

  it('orders a field check: the DISPUTE deadline becomes 60 days from the escalation', () => {
    const history = disputed('omb-field');
    expect(deadlinesOf(complaintOf(history)).find((d) => d.kind === 'DISPUTE')).toMatchObject({
      span: 'P14D',
      dueAt: clock.after('P29D').toISOString(),
    });
    const decided = orderFieldCheck(
      {
        complaintId: 'omb-field',
        reason: 'Perlu pemeriksaan lapangan',
        actor: ombudsman(),
        office: NATIONAL_OFFICE,
        now: clock.after('P16D'),
        schedule,
      },
      complaintOf(history),
    );
    expect(decided.data.deadlines).toEqual([windowOf('DISPUTE', ESCALATED_AT, 'NORMAL', 'DISPUTE_FIELD_CHECK')]);
    const state = complaintOf([...history, decided]);
    expect(
      deadlinesOf(state)
        .filter((d) => d.kind === 'DISPUTE')
        .map((d) => [d.status, d.rule, d.dueAt]),
    ).toEqual([
      ['CANCELLED', 'DISPUTE', clock.after('P29D').toISOString()],
      ['OPEN', 'DISPUTE_FIELD_CHECK', clock.after('P75D').toISOString()],
    ]);
    expect(() =>
      orderFieldCheck(
        {
          complaintId: 'omb-field',
          reason: 'Sekali lagi',
          actor: ombudsman(),
          office: NATIONAL_OFFICE,
          now: clock.after('P17D'),
          schedule,
        },
        state,
      ),
    ).toThrow(InvalidComplaintTransition);
  });

  describe('the sanction ladder (Law 25/2009 art. 54)', () => {
    it('starts at a written reprimand', () => {
      expect(sanctionLadderOf(complaintOf(disputed('lad-start')))).toEqual({
        stage: 'NOT_SANCTIONED',
        latestKind: null,
        recommendedKind: 'WRITTEN_REPRIMAND',
        remedyDueAt: null,
      });
    });

    it('makes release from office due when a reprimand is not remedied within three months', () => {
      const history = sanction('lad-due', disputed('lad-due'));
      expect(sanctionLadderOf(complaintOf(history))).toEqual({
        stage: 'AWAITING_REMEDY',
        latestKind: 'WRITTEN_REPRIMAND',
        recommendedKind: 'RELEASE_FROM_OFFICE',
        remedyDueAt: '2025-06-23T01:00:00.000Z',
      });
      const lapsed = [
        ...history,
        ...checkDeadlines(
          {
            complaintId: 'lad-due',
            actor: { id: 'aduan', role: 'system', agencyCode: null },
            now: new Date('2025-06-24T00:00:00Z'),
            schedule,
          },
          complaintOf(history),
        ),
      ];
      expect(sanctionLadderOf(complaintOf(lapsed))).toMatchObject({
        stage: 'NEXT_TIER_DUE',
        recommendedKind: 'RELEASE_FROM_OFFICE',
      });
      const released = sanction('lad-due', lapsed, 'RELEASE_FROM_OFFICE', new Date('2025-06-25T00:00:00Z'));
      expect(sanctionLadderOf(complaintOf(released))).toMatchObject({
        stage: 'AWAITING_REMEDY',
        recommendedKind: 'HONORABLE_DISMISSAL',
      });
    });

    it('stops when the Ombudsman records the remedy, even late', () => {
      const history = sanction('lad-remedy', disputed('lad-remedy'));
      const remedy = (events: ComplaintEvent[], at: Date) =>
        recordSanctionRemedy(
          {
            complaintId: 'lad-remedy',
            note: 'Jadwal layanan dipulihkan',
            actor: ombudsman(),
            office: NATIONAL_OFFICE,
            now: at,
          },
          complaintOf(events),
        );
      const remedied = [...history, remedy(history, clock.after('P40D'))];
      expect(sanctionLadderOf(complaintOf(remedied))).toMatchObject({ stage: 'REMEDIED', recommendedKind: null });
      expect(deadlinesOf(complaintOf(remedied)).find((d) => d.kind === 'REMEDY')?.status).toBe('MET');
      expect(() => remedy(remedied, clock.after('P41D'))).toThrow(InvalidComplaintTransition);
      expect(() =>
        recordSanctionRemedy(
          { complaintId: 'lad-remedy', note: 'Sudah', actor: officer(AGENCY), office: null, now: clock.after('P41D') },
          complaintOf(history),
        ),
      ).toThrow(ActionNotAllowed);
    });

    it('reaches the top of the ladder', () => {
      const top = sanction('lad-top', disputed('lad-top'), 'DISHONORABLE_DISMISSAL');
      const lapsed = [
        ...top,
        ...checkDeadlines(
          {
            complaintId: 'lad-top',
            actor: { id: 'aduan', role: 'system', agencyCode: null },
            now: new Date('2025-07-01T00:00:00Z'),
            schedule,
          },
          complaintOf(top),
        ),
      ];
      expect(sanctionLadderOf(complaintOf(lapsed))).toMatchObject({ stage: 'TOP_TIER', recommendedKind: null });
    });

    it('keeps the existing freedom: the Ombudsman may sanction any tier at once', () => {
      const history = [...disputed('lad-free')];
      expect(() => sanction('lad-free', history, 'RELEASE_FROM_OFFICE')).not.toThrow();
      expect(
        sanctionLadderOf(complaintOf([submittedWithDeadlines('lad-none'), escalated('lad-none')])).recommendedKind,
      ).toBe('WRITTEN_REPRIMAND');
    });
  });

  describe('acts through an office: a regional one only on reports within its province', () => {
    // Each decision on a complaint handled by KAB-BANJAR-DINKES (South Kalimantan), in the state it needs.
    const DECISIONS: Record<string, (office: OmbudsmanOffice | null) => ComplaintEvent> = {
      sanctionComplaint: (office) =>
        sanctionComplaint(
          {
            complaintId: 'juris',
            sanctionedAgencyCode: AGENCY,
            kind: 'WRITTEN_REPRIMAND',
            reason: 'Lalai menanggapi',
            actor: ombudsman(),
            office,
            now: clock.after('P20D'),
            agencies,
            schedule,
          },
          complaintOf(disputed('juris')),
        ),
      concludeComplaint: (office) =>
        concludeComplaint(
          {
            complaintId: 'juris',
            finding: 'RESOLVED',
            reason: 'Sudah diselesaikan',
            actor: ombudsman(),
            office,
            now: clock.after('P20D'),
          },
          complaintOf(disputed('juris')),
        ),
      orderFieldCheck: (office) =>
        orderFieldCheck(
          {
            complaintId: 'juris',
            reason: 'Perlu cek lapangan',
            actor: ombudsman(),
            office,
            now: clock.after('P16D'),
            schedule,
          },
          complaintOf(disputed('juris')),
        ),
      recordSanctionRemedy: (office) =>
        recordSanctionRemedy(
          { complaintId: 'juris', note: 'Sudah diperbaiki', actor: ombudsman(), office, now: clock.after('P40D') },
          complaintOf(sanction('juris', disputed('juris'))),
        ),
    };

    it.each(Object.keys(DECISIONS))('%s: the national office and the province’s own decide', (name) => {
      const decide = DECISIONS[name] as (office: OmbudsmanOffice | null) => ComplaintEvent;
      expect(decide(NATIONAL_OFFICE).data.complaintId).toBe('juris');
      expect(decide(KALSEL_OFFICE).data.complaintId).toBe('juris');
    });

    it.each(Object.keys(DECISIONS))('%s: another province’s office, or no office, is refused', (name) => {
      const decide = DECISIONS[name] as (office: OmbudsmanOffice | null) => ComplaintEvent;
      expect(() => decide(JABAR_OFFICE)).toThrow(ActionNotAllowed);
      expect(() => decide(JABAR_OFFICE)).toThrow(/OMBUDSMAN-JABAR .*KAB-BANJAR-DINKES/);
      expect(() => decide(null)).toThrow(ActionNotAllowed);
    });
  });
});
