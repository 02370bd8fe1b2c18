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
  responded,
  sanctioned,
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
import type { ComplaintResponded } from './complaint.events.js';
import { evolve, initialState } from './complaint.js';
import { respondToComplaint, type RespondToComplaint } from './respond-to-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';

const spec = DeciderSpecification.for({ decide: respondToComplaint, evolve, initialState });

const AGENCY = 'KAB-BANJAR-DINKES';
const MESSAGE = 'Petugas sudah ditegur dan jadwal pelayanan ditempel di pintu.';
const NOW = clock.after('P2D');

const respond = (complaintId: string, overrides: Partial<RespondToComplaint> = {}): RespondToComplaint => ({
  complaintId,
  message: MESSAGE,
  actor: officer(AGENCY),
  now: NOW,
  ...overrides,
});

const event = (complaintId: string, overrides: Partial<ComplaintResponded['data']> = {}): ComplaintResponded => ({
  type: 'ComplaintResponded',
  data: {
    complaintId,
    agencyCode: AGENCY,
    message: MESSAGE,
    respondedAt: NOW.toISOString(),
    onTime: true,
    ...overrides,
  },
});

describe('respondToComplaint', () => {
  it('records the answer of an officer of the assigned agency', () => {
    spec
      .given([submitted('resp-ok'), forwarded('resp-ok', AGENCY)])
      .when(respond('resp-ok'))
      .then(event('resp-ok'));
  });

  describe('on time', () => {
    it('is on time at exactly the due instant', () => {
      const dueAt = new Date(DUE_AT);
      spec
        .given([submitted('resp-at-due'), forwarded('resp-at-due', AGENCY)])
        .when(respond('resp-at-due', { now: dueAt }))
        .then(event('resp-at-due', { respondedAt: DUE_AT, onTime: true }));
    });

    it('is late one millisecond after the due instant', () => {
      const late = new Date(Date.parse(DUE_AT) + 1);
      spec
        .given([submitted('resp-late'), forwarded('resp-late', AGENCY)])
        .when(respond('resp-late', { now: late }))
        .then(event('resp-late', { respondedAt: '2025-03-17T01:00:00.001Z', onTime: false }));
    });

    it("compares with this complaint's own deadline", () => {
      const dueAt = clock.after('PT2S').toISOString();
      spec
        .given([submitted('resp-short-deadline', { dueAt }), forwarded('resp-short-deadline', AGENCY)])
        .when(respond('resp-short-deadline', { now: clock.after('PT3S') }))
        .then(event('resp-short-deadline', { respondedAt: '2025-03-03T01:00:03.000Z', onTime: false }));
    });
  });

  it('allows a follow-up answer once the agency has responded', () => {
    spec
      .given([submitted('resp-follow-up'), forwarded('resp-follow-up', AGENCY), responded('resp-follow-up', AGENCY)])
      .when(respond('resp-follow-up', { message: 'Tambahan: kepala puskesmas sudah diganti.' }))
      .then(event('resp-follow-up', { message: 'Tambahan: kepala puskesmas sudah diganti.' }));
  });

  it('lets the new agency answer after the complaint was forwarded on', () => {
    spec
      .given([
        submitted('resp-new-agency'),
        forwarded('resp-new-agency', 'PROV-KALSEL-DINKES'),
        forwarded('resp-new-agency', AGENCY, { fromAgencyCode: 'PROV-KALSEL-DINKES' }),
      ])
      .when(respond('resp-new-agency'))
      .then(event('resp-new-agency'));
  });

  describe('who answers', () => {
    it('refuses the agency that held the complaint before it was forwarded on', () => {
      spec
        .given([
          submitted('resp-old-agency'),
          forwarded('resp-old-agency', 'PROV-KALSEL-DINKES'),
          forwarded('resp-old-agency', AGENCY, { fromAgencyCode: 'PROV-KALSEL-DINKES' }),
        ])
        .when(respond('resp-old-agency', { actor: officer('PROV-KALSEL-DINKES') }))
        .thenThrows(ActionNotAllowed, (error) => error.code === 'NOT_ALLOWED' && error.category === 'forbidden');
    });

    it.each<[string, CommandActor]>([
      ['an officer of another agency', officer('KOTA-BANJARMASIN-DISHUB')],
      ['an operator', operator()],
      ['the reporter', citizen('resp-reporter')],
      ['the Ombudsman', ombudsman()],
      ['an auditor', auditor()],
      ['the system', system()],
    ])('refuses %s', (_, actor) => {
      const id = `resp-refused-${actor.role}`;
      spec
        .given([submitted(id, { reporterId: 'resp-reporter' }), forwarded(id, AGENCY)])
        .when(respond(id, { actor }))
        .thenThrows(ActionNotAllowed);
    });

    it('refuses an officer without an agency', () => {
      spec
        .given([submitted('resp-no-agency'), forwarded('resp-no-agency', AGENCY)])
        .when(respond('resp-no-agency', { actor: { id: 'officer-x', role: 'agency_officer', agencyCode: null } }))
        .thenThrows(ActionNotAllowed);
    });
  });

  describe('status', () => {
    it('refuses a complaint not yet forwarded, even from the requested agency', () => {
      spec
        .given([submitted('resp-submitted', { requestedAgencyCode: AGENCY })])
        .when(respond('resp-submitted'))
        .thenThrows(
          InvalidComplaintTransition,
          (error) =>
            error.status === 'SUBMITTED' && error.code === 'INVALID_TRANSITION' && error.category === 'conflict',
        );
    });

    it('refuses an escalated complaint', () => {
      spec
        .given([
          submitted('resp-escalated'),
          forwarded('resp-escalated', AGENCY),
          escalated('resp-escalated', { agencyCode: AGENCY }),
        ])
        .when(respond('resp-escalated'))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'ESCALATED');
    });

    it('refuses a sanctioned complaint', () => {
      spec
        .given([
          submitted('resp-sanctioned'),
          forwarded('resp-sanctioned', AGENCY),
          escalated('resp-sanctioned', { agencyCode: AGENCY }),
          sanctioned('resp-sanctioned', AGENCY),
        ])
        .when(respond('resp-sanctioned'))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'SANCTIONED');
    });

    it('answers not found when the stream holds no complaint', () => {
      spec
        .given([])
        .when(respond('resp-missing'))
        .thenThrows(ComplaintNotFound, (error) => error.complaintId === 'resp-missing');
    });
  });

  describe('message', () => {
    it.each([
      ['4 characters', 'Oke.'],
      ['4 characters once trimmed', '  Oke. \n'],
      ['5001 characters', 'm'.repeat(5001)],
    ])('refuses a message of %s', (_, message) => {
      const id = `resp-msg-refused-${message.length}`;
      spec
        .given([submitted(id), forwarded(id, AGENCY)])
        .when(respond(id, { message }))
        .thenThrows(InvalidComplaintInput, (error) => error.field === 'message' && error.category === 'invalid');
    });

    it.each([
      ['5 characters', 'Siap.'],
      ['5000 characters', 'm'.repeat(5000)],
    ])('accepts a message of %s', (_, message) => {
      const id = `resp-msg-accepted-${message.length}`;
      spec
        .given([submitted(id), forwarded(id, AGENCY)])
        .when(respond(id, { message }))
        .then(event(id, { message }));
    });

    it('stores the message trimmed', () => {
      spec
        .given([submitted('resp-msg-trim'), forwarded('resp-msg-trim', AGENCY)])
        .when(respond('resp-msg-trim', { message: `\n  ${MESSAGE}  ` }))
        .then(event('resp-msg-trim'));
    });
  });
});
