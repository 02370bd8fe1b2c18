import {
  auditor,
  citizen,
  clock,
  DUE_AT,
  escalated,
  forwarded,
  officer,
  ombudsman,
  operator,
  publicCaller,
  responded,
  sanctioned,
  sp4n,
  submitted,
  system,
} from '../../../test/fixtures/complaint-events.js';
import type { CommandActor } from './actor.js';
import {
  ActionNotAllowed,
  ComplaintNotFound,
  InvalidComplaintInput,
  InvalidComplaintTransition,
} from './complaint.errors.js';
import type { ComplaintEscalated, EscalationSource } from './complaint.events.js';
import { evolve, initialState } from './complaint.js';
import { escalateComplaint, type EscalateComplaint } from './escalate-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';

const spec = DeciderSpecification.for({ decide: escalateComplaint, evolve, initialState });

const AGENCY = 'KAB-BANJAR-DINKES';
const REASON = 'Jawaban instansi tidak menyelesaikan masalah';
/** Before the deadline. */
const EARLY = clock.after('P5D');
/** One millisecond past the deadline. */
const LATE = new Date(Date.parse(DUE_AT) + 1);

const escalate = (complaintId: string, overrides: Partial<EscalateComplaint> = {}): EscalateComplaint => ({
  complaintId,
  reason: REASON,
  actor: operator(),
  now: EARLY,
  ...overrides,
});

const event = (
  complaintId: string,
  source: EscalationSource,
  agencyCode: string | null,
  now: Date = EARLY,
  reason = REASON,
): ComplaintEscalated => ({
  type: 'ComplaintEscalated',
  data: { complaintId, reason, source, agencyCode, escalatedAt: now.toISOString() },
});

describe('escalateComplaint', () => {
  describe('by an operator', () => {
    it('escalates a complaint never forwarded, with no agency', () => {
      spec
        .given([submitted('esc-op-submitted')])
        .when(escalate('esc-op-submitted'))
        .then(event('esc-op-submitted', 'OPERATOR', null));
    });

    it('escalates a forwarded complaint before the deadline, naming the agency holding it', () => {
      spec
        .given([submitted('esc-op-forwarded'), forwarded('esc-op-forwarded', AGENCY)])
        .when(escalate('esc-op-forwarded'))
        .then(event('esc-op-forwarded', 'OPERATOR', AGENCY));
    });

    it('escalates a responded complaint', () => {
      spec
        .given([
          submitted('esc-op-responded'),
          forwarded('esc-op-responded', AGENCY),
          responded('esc-op-responded', AGENCY),
        ])
        .when(escalate('esc-op-responded'))
        .then(event('esc-op-responded', 'OPERATOR', AGENCY));
    });

    it('names the agency currently holding the complaint, not an earlier one', () => {
      spec
        .given([
          submitted('esc-op-current-agency'),
          forwarded('esc-op-current-agency', 'PROV-KALSEL-DINKES'),
          forwarded('esc-op-current-agency', AGENCY, { fromAgencyCode: 'PROV-KALSEL-DINKES' }),
        ])
        .when(escalate('esc-op-current-agency'))
        .then(event('esc-op-current-agency', 'OPERATOR', AGENCY));
    });
  });

  describe('by the system (deadline policy)', () => {
    it('escalates an unanswered complaint after the deadline', () => {
      spec
        .given([submitted('esc-sys-forwarded'), forwarded('esc-sys-forwarded', AGENCY)])
        .when(escalate('esc-sys-forwarded', { actor: system(), now: LATE }))
        .then(event('esc-sys-forwarded', 'SYSTEM', AGENCY, LATE));
    });

    it('refuses before the deadline', () => {
      spec
        .given([submitted('esc-sys-early'), forwarded('esc-sys-early', AGENCY)])
        .when(escalate('esc-sys-early', { actor: system(), now: EARLY }))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'FORWARDED');
    });

    it('refuses a complaint the agency has answered, even late', () => {
      spec
        .given([
          submitted('esc-sys-answered'),
          forwarded('esc-sys-answered', AGENCY),
          responded('esc-sys-answered', AGENCY),
        ])
        .when(escalate('esc-sys-answered', { actor: system(), now: LATE }))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'RESPONDED');
    });

    it('escalates a complaint never forwarded', () => {
      spec
        .given([submitted('esc-sys-submitted')])
        .when(escalate('esc-sys-submitted', { actor: system(), now: LATE }))
        .then(event('esc-sys-submitted', 'SYSTEM', null, LATE));
    });
  });

  describe('by the reporter', () => {
    const REPORTER = 'esc-reporter-1';

    it('disputes an answer before the deadline', () => {
      spec
        .given([
          submitted('esc-rep-after-answer', { reporterId: REPORTER }),
          forwarded('esc-rep-after-answer', AGENCY),
          responded('esc-rep-after-answer', AGENCY),
        ])
        .when(escalate('esc-rep-after-answer', { actor: citizen(REPORTER) }))
        .then(event('esc-rep-after-answer', 'REPORTER', AGENCY));
    });

    it('escalates an unanswered complaint one millisecond after the deadline', () => {
      spec
        .given([submitted('esc-rep-late', { reporterId: REPORTER }), forwarded('esc-rep-late', AGENCY)])
        .when(escalate('esc-rep-late', { actor: citizen(REPORTER), now: LATE }))
        .then(event('esc-rep-late', 'REPORTER', AGENCY, LATE));
    });

    it('escalates a complaint never forwarded once the deadline has passed', () => {
      spec
        .given([submitted('esc-rep-late-submitted', { reporterId: REPORTER })])
        .when(escalate('esc-rep-late-submitted', { actor: citizen(REPORTER), now: LATE }))
        .then(event('esc-rep-late-submitted', 'REPORTER', null, LATE));
    });

    it('is refused at exactly the due instant (an answer then would still be on time)', () => {
      spec
        .given([submitted('esc-rep-at-due', { reporterId: REPORTER }), forwarded('esc-rep-at-due', AGENCY)])
        .when(escalate('esc-rep-at-due', { actor: citizen(REPORTER), now: new Date(DUE_AT) }))
        .thenThrows(ActionNotAllowed, (error) => error.code === 'NOT_ALLOWED' && error.category === 'forbidden');
    });

    it('is refused before an answer and before the deadline', () => {
      spec
        .given([
          submitted('esc-rep-early-forwarded', { reporterId: REPORTER }),
          forwarded('esc-rep-early-forwarded', AGENCY),
        ])
        .when(escalate('esc-rep-early-forwarded', { actor: citizen(REPORTER) }))
        .thenThrows(ActionNotAllowed);
      spec
        .given([submitted('esc-rep-early-submitted', { reporterId: REPORTER })])
        .when(escalate('esc-rep-early-submitted', { actor: citizen(REPORTER) }))
        .thenThrows(ActionNotAllowed);
    });

    it('refuses another citizen, even after an answer and after the deadline', () => {
      spec
        .given([
          submitted('esc-other-citizen', { reporterId: REPORTER }),
          forwarded('esc-other-citizen', AGENCY),
          responded('esc-other-citizen', AGENCY),
        ])
        .when(escalate('esc-other-citizen', { actor: citizen('esc-someone-else'), now: LATE }))
        .thenThrows(ActionNotAllowed);
    });

    it('refuses any citizen when the complaint was filed without an account', () => {
      spec
        .given([
          submitted('esc-no-account', { reporterId: null }),
          forwarded('esc-no-account', AGENCY),
          responded('esc-no-account', AGENCY),
        ])
        .when(escalate('esc-no-account', { actor: citizen('esc-no-account-citizen'), now: LATE }))
        .thenThrows(ActionNotAllowed);
    });
  });

  it.each<[string, CommandActor]>([
    ['an officer of the assigned agency', officer(AGENCY)],
    ['an officer of another agency', officer('KEMENKES')],
    ['the Ombudsman', ombudsman()],
    ['an auditor', auditor()],
    ['the SP4N integration', sp4n()],
    ['a caller without an account', publicCaller()],
  ])('refuses %s', (_, actor) => {
    const id = `esc-refused-${actor.role}-${actor.id}`;
    spec
      .given([submitted(id), forwarded(id, AGENCY), responded(id, AGENCY)])
      .when(escalate(id, { actor, now: LATE }))
      .thenThrows(ActionNotAllowed);
  });

  describe('at most once', () => {
    it.each<[string, CommandActor]>([
      ['an operator', operator()],
      ['the system', system()],
    ])('refuses %s on an escalated complaint', (_, actor) => {
      const id = `esc-twice-${actor.role}`;
      spec
        .given([submitted(id), forwarded(id, AGENCY), escalated(id, { agencyCode: AGENCY })])
        .when(escalate(id, { actor, now: LATE }))
        .thenThrows(
          InvalidComplaintTransition,
          (error) =>
            error.status === 'ESCALATED' &&
            error.action === 'escalate' &&
            error.code === 'INVALID_TRANSITION' &&
            error.category === 'conflict',
        );
    });

    it('refuses an operator on a sanctioned complaint', () => {
      spec
        .given([
          submitted('esc-twice-sanctioned'),
          forwarded('esc-twice-sanctioned', AGENCY),
          escalated('esc-twice-sanctioned', { agencyCode: AGENCY }),
          sanctioned('esc-twice-sanctioned', AGENCY),
        ])
        .when(escalate('esc-twice-sanctioned'))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'SANCTIONED');
    });

    it('refuses the reporter after the deadline on an escalated complaint', () => {
      spec
        .given([
          submitted('esc-twice-reporter-late', { reporterId: 'esc-twice-reporter' }),
          forwarded('esc-twice-reporter-late', AGENCY),
          escalated('esc-twice-reporter-late', { agencyCode: AGENCY, source: 'SYSTEM' }),
        ])
        .when(escalate('esc-twice-reporter-late', { actor: citizen('esc-twice-reporter'), now: LATE }))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'ESCALATED');
    });

    it('refuses the reporter on a complaint already escalated after an answer, as already escalated', () => {
      // The agency answered, then an operator escalated before the deadline. The reporter asking again
      // must hear "already escalated", not "wait until the agency has responded or the deadline passes".
      spec
        .given([
          submitted('esc-twice-reporter-early', { reporterId: 'esc-twice-reporter-2' }),
          forwarded('esc-twice-reporter-early', AGENCY),
          responded('esc-twice-reporter-early', AGENCY),
          escalated('esc-twice-reporter-early', { agencyCode: AGENCY, escalatedAt: clock.after('P4D').toISOString() }),
        ])
        .when(escalate('esc-twice-reporter-early', { actor: citizen('esc-twice-reporter-2') }))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'ESCALATED');
    });
  });

  describe('reason', () => {
    it.each([
      ['4 characters', 'Lama'],
      ['4 characters once trimmed', '   Lama  '],
      ['2001 characters', 'r'.repeat(2001)],
    ])('refuses a reason of %s', (_, reason) => {
      const id = `esc-reason-refused-${reason.length}`;
      spec
        .given([submitted(id)])
        .when(escalate(id, { reason }))
        .thenThrows(InvalidComplaintInput, (error) => error.field === 'reason' && error.category === 'invalid');
    });

    it.each([
      ['5 characters', 'Lambat'.slice(0, 5)],
      ['2000 characters', 'r'.repeat(2000)],
    ])('accepts a reason of %s', (_, reason) => {
      const id = `esc-reason-accepted-${reason.length}`;
      spec
        .given([submitted(id)])
        .when(escalate(id, { reason }))
        .then(event(id, 'OPERATOR', null, EARLY, reason));
    });

    it('stores the reason trimmed', () => {
      spec
        .given([submitted('esc-reason-trim')])
        .when(escalate('esc-reason-trim', { reason: `  ${REASON}\n` }))
        .then(event('esc-reason-trim', 'OPERATOR', null));
    });
  });

  it('answers not found when the stream holds no complaint', () => {
    spec
      .given([])
      .when(escalate('esc-missing'))
      .thenThrows(
        ComplaintNotFound,
        (error) =>
          error.complaintId === 'esc-missing' && error.code === 'COMPLAINT_NOT_FOUND' && error.category === 'not-found',
      );
  });
});
