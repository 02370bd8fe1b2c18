import {
  agencies,
  auditor,
  citizen,
  clock,
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
  UnknownAgency,
} from './complaint.errors.js';
import type { ComplaintForwarded } from './complaint.events.js';
import { evolve, initialState, replay } from './complaint.js';
import { forwardComplaint, type ForwardComplaint } from './forward-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';

const spec = DeciderSpecification.for({ decide: forwardComplaint, evolve, initialState });

const NOW = clock.after('P1D');

const forward = (
  complaintId: string,
  toAgencyCode: string,
  overrides: Partial<ForwardComplaint> = {},
): ForwardComplaint => ({
  complaintId,
  toAgencyCode,
  actor: operator(),
  now: NOW,
  agencies,
  ...overrides,
});

const event = (
  complaintId: string,
  fromAgencyCode: string | null,
  toAgencyCode: string,
  note: string | null = null,
): ComplaintForwarded => ({
  type: 'ComplaintForwarded',
  data: { complaintId, fromAgencyCode, toAgencyCode, note, forwardedAt: NOW.toISOString() },
});

describe('forwardComplaint', () => {
  describe('by an operator', () => {
    it('routes a newly submitted complaint, from no agency', () => {
      spec
        .given([submitted('fwd-op-new')])
        .when(forward('fwd-op-new', 'KAB-BANJAR-DINKES'))
        .then(event('fwd-op-new', null, 'KAB-BANJAR-DINKES'));
    });

    it('re-routes a forwarded complaint and records the agency it came from', () => {
      spec
        .given([submitted('fwd-op-again'), forwarded('fwd-op-again', 'KAB-BANJAR-DINKES')])
        .when(forward('fwd-op-again', 'PROV-KALSEL-DINKES'))
        .then(event('fwd-op-again', 'KAB-BANJAR-DINKES', 'PROV-KALSEL-DINKES'));
    });

    it('re-routes a responded complaint', () => {
      spec
        .given([
          submitted('fwd-op-responded'),
          forwarded('fwd-op-responded', 'KAB-BANJAR-DINKES'),
          responded('fwd-op-responded', 'KAB-BANJAR-DINKES'),
        ])
        .when(forward('fwd-op-responded', 'KEMENKES'))
        .then(event('fwd-op-responded', 'KAB-BANJAR-DINKES', 'KEMENKES'));
    });

    it('sends a responded complaint back to FORWARDED, awaiting the new agency', () => {
      const history = [
        submitted('fwd-op-status'),
        forwarded('fwd-op-status', 'KAB-BANJAR-DINKES'),
        responded('fwd-op-status', 'KAB-BANJAR-DINKES'),
      ];
      const decided = forwardComplaint(forward('fwd-op-status', 'KEMENKES'), replay(history));
      const after = replay([...history, decided]);
      expect(after).toMatchObject({ status: 'FORWARDED', assignedAgencyCode: 'KEMENKES' });
    });

    it('stores a note trimmed, and a blank note as null', () => {
      spec
        .given([submitted('fwd-note')])
        .when(forward('fwd-note', 'KAB-BANJAR-DINKES', { note: '  Mohon ditindaklanjuti segera. ' }))
        .then(event('fwd-note', null, 'KAB-BANJAR-DINKES', 'Mohon ditindaklanjuti segera.'));
      spec
        .given([submitted('fwd-note-blank')])
        .when(forward('fwd-note-blank', 'KAB-BANJAR-DINKES', { note: '   ' }))
        .then(event('fwd-note-blank', null, 'KAB-BANJAR-DINKES'));
    });

    it('accepts a note of 2000 characters and refuses one of 2001', () => {
      spec
        .given([submitted('fwd-note-2000')])
        .when(forward('fwd-note-2000', 'KEMENKES', { note: 'n'.repeat(2000) }))
        .then(event('fwd-note-2000', null, 'KEMENKES', 'n'.repeat(2000)));
      spec
        .given([submitted('fwd-note-2001')])
        .when(forward('fwd-note-2001', 'KEMENKES', { note: 'n'.repeat(2001) }))
        .thenThrows(InvalidComplaintInput, (error) => error.field === 'note');
    });
  });

  describe('by an agency officer', () => {
    it('lets the assigned agency pass the complaint on, recording itself as the origin', () => {
      spec
        .given([submitted('fwd-officer'), forwarded('fwd-officer', 'PROV-KALSEL-DINKES')])
        .when(forward('fwd-officer', 'KAB-BANJAR-DINKES', { actor: officer('PROV-KALSEL-DINKES') }))
        .then(event('fwd-officer', 'PROV-KALSEL-DINKES', 'KAB-BANJAR-DINKES'));
    });

    it('lets the assigned agency pass on a complaint it has already answered', () => {
      spec
        .given([
          submitted('fwd-officer-responded'),
          forwarded('fwd-officer-responded', 'KAB-BANJAR-DINKES'),
          responded('fwd-officer-responded', 'KAB-BANJAR-DINKES'),
        ])
        .when(forward('fwd-officer-responded', 'KAB-BANJAR-DISDUKCAPIL', { actor: officer('KAB-BANJAR-DINKES') }))
        .then(event('fwd-officer-responded', 'KAB-BANJAR-DINKES', 'KAB-BANJAR-DISDUKCAPIL'));
    });

    it('refuses an officer of another agency', () => {
      spec
        .given([submitted('fwd-other-agency'), forwarded('fwd-other-agency', 'KAB-BANJAR-DINKES')])
        .when(forward('fwd-other-agency', 'KEMENKES', { actor: officer('KOTA-BANJARMASIN-DISHUB') }))
        .thenThrows(ActionNotAllowed, (error) => error.code === 'NOT_ALLOWED' && error.category === 'forbidden');
    });

    it('refuses an officer of an agency that held the complaint before', () => {
      spec
        .given([
          submitted('fwd-previous-agency'),
          forwarded('fwd-previous-agency', 'PROV-KALSEL-DINKES'),
          forwarded('fwd-previous-agency', 'KAB-BANJAR-DINKES', { fromAgencyCode: 'PROV-KALSEL-DINKES' }),
        ])
        .when(forward('fwd-previous-agency', 'KEMENKES', { actor: officer('PROV-KALSEL-DINKES') }))
        .thenThrows(ActionNotAllowed);
    });

    it('refuses an officer while the complaint is not yet assigned, even of the requested agency', () => {
      spec
        .given([submitted('fwd-unassigned', { requestedAgencyCode: 'KAB-BANJAR-DINKES' })])
        .when(forward('fwd-unassigned', 'KEMENKES', { actor: officer('KAB-BANJAR-DINKES') }))
        .thenThrows(ActionNotAllowed);
    });
  });

  it.each<[string, CommandActor]>([
    ['the reporter', citizen('fwd-reporter')],
    ['another citizen', citizen('someone-else')],
    ['a caller without an account', publicCaller()],
    ['the Ombudsman', ombudsman()],
    ['an auditor', auditor()],
    ['the system', system()],
    ['the SP4N integration', sp4n()],
  ])('refuses %s', (_, actor) => {
    const id = `fwd-refused-${actor.role}-${actor.id}`;
    spec
      .given([submitted(id, { reporterId: 'fwd-reporter' }), forwarded(id, 'KAB-BANJAR-DINKES')])
      .when(forward(id, 'KEMENKES', { actor }))
      .thenThrows(ActionNotAllowed);
  });

  describe('target agency', () => {
    it('refuses an agency that is not in the directory', () => {
      spec
        .given([submitted('fwd-unknown')])
        .when(forward('fwd-unknown', 'KAB-ATLANTIS-DINKES'))
        .thenThrows(
          UnknownAgency,
          (error) =>
            error.field === 'toAgencyCode' &&
            error.agencyCode === 'KAB-ATLANTIS-DINKES' &&
            error.code === 'UNKNOWN_AGENCY' &&
            error.category === 'invalid',
        );
    });

    it('refuses an empty agency code', () => {
      spec
        .given([submitted('fwd-empty-target')])
        .when(forward('fwd-empty-target', '   '))
        .thenThrows(InvalidComplaintInput, (error) => error.field === 'toAgencyCode');
    });

    it('trims the agency code', () => {
      spec
        .given([submitted('fwd-trim-target')])
        .when(forward('fwd-trim-target', ' KEMENKES  '))
        .then(event('fwd-trim-target', null, 'KEMENKES'));
    });

    it('refuses the agency the complaint is already assigned to', () => {
      spec
        .given([submitted('fwd-same'), forwarded('fwd-same', 'KAB-BANJAR-DINKES')])
        .when(forward('fwd-same', ' KAB-BANJAR-DINKES '))
        .thenThrows(
          InvalidComplaintInput,
          (error) => error.field === 'toAgencyCode' && error.code === 'INVALID_INPUT' && error.category === 'invalid',
        );
    });

    it('allows sending it back to an agency that held it before', () => {
      spec
        .given([
          submitted('fwd-back'),
          forwarded('fwd-back', 'PROV-KALSEL-DINKES'),
          forwarded('fwd-back', 'KAB-BANJAR-DINKES', { fromAgencyCode: 'PROV-KALSEL-DINKES' }),
        ])
        .when(forward('fwd-back', 'PROV-KALSEL-DINKES', { actor: officer('KAB-BANJAR-DINKES') }))
        .then(event('fwd-back', 'KAB-BANJAR-DINKES', 'PROV-KALSEL-DINKES'));
    });
  });

  describe('with the Ombudsman', () => {
    it('refuses to forward an escalated complaint', () => {
      spec
        .given([
          submitted('fwd-escalated'),
          forwarded('fwd-escalated', 'KAB-BANJAR-DINKES'),
          escalated('fwd-escalated', { agencyCode: 'KAB-BANJAR-DINKES' }),
        ])
        .when(forward('fwd-escalated', 'KEMENKES'))
        .thenThrows(
          InvalidComplaintTransition,
          (error) =>
            error.status === 'ESCALATED' &&
            error.action === 'forward' &&
            error.code === 'INVALID_TRANSITION' &&
            error.category === 'conflict',
        );
    });

    it('refuses the assigned agency too', () => {
      spec
        .given([
          submitted('fwd-escalated-officer'),
          forwarded('fwd-escalated-officer', 'KAB-BANJAR-DINKES'),
          escalated('fwd-escalated-officer', { agencyCode: 'KAB-BANJAR-DINKES' }),
        ])
        .when(forward('fwd-escalated-officer', 'KEMENKES', { actor: officer('KAB-BANJAR-DINKES') }))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'ESCALATED');
    });

    it('refuses to forward a sanctioned complaint', () => {
      spec
        .given([
          submitted('fwd-sanctioned'),
          forwarded('fwd-sanctioned', 'KAB-BANJAR-DINKES'),
          escalated('fwd-sanctioned', { agencyCode: 'KAB-BANJAR-DINKES' }),
          sanctioned('fwd-sanctioned', 'KAB-BANJAR-DINKES'),
        ])
        .when(forward('fwd-sanctioned', 'KEMENKES'))
        .thenThrows(InvalidComplaintTransition, (error) => error.status === 'SANCTIONED');
    });
  });

  it('answers not found when the stream holds no complaint', () => {
    spec
      .given([])
      .when(forward('fwd-missing', 'KEMENKES'))
      .thenThrows(
        ComplaintNotFound,
        (error) =>
          error.complaintId === 'fwd-missing' && error.code === 'COMPLAINT_NOT_FOUND' && error.category === 'not-found',
      );
  });
});
