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
import { NATIONAL_OFFICE } from '../../../test/fixtures/ombudsman.js';
import type { CommandActor } from './actor.js';
import {
  ActionNotAllowed,
  ComplaintNotFound,
  InvalidComplaintInput,
  InvalidComplaintTransition,
  UnknownAgency,
} from './complaint.errors.js';
import { SANCTION_KINDS, type ComplaintEvent, type ComplaintSanctioned } from './complaint.events.js';
import { evolve, initialState, replay } from './complaint.js';
import { sanctionComplaint, type SanctionComplaint } from './sanction-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';

const spec = DeciderSpecification.for({ decide: sanctionComplaint, evolve, initialState });

const AGENCY = 'KAB-BANJAR-DINKES';
const REASON = 'Instansi tidak menanggapi aduan dalam 14 hari';
const NOW = clock.after('P40D');

const sanction = (complaintId: string, overrides: Partial<SanctionComplaint> = {}): SanctionComplaint => ({
  complaintId,
  sanctionedAgencyCode: AGENCY,
  kind: 'WRITTEN_REPRIMAND',
  reason: REASON,
  actor: ombudsman(),
  office: NATIONAL_OFFICE,
  now: NOW,
  agencies,
  ...overrides,
});

const event = (complaintId: string, overrides: Partial<ComplaintSanctioned['data']> = {}): ComplaintSanctioned => ({
  type: 'ComplaintSanctioned',
  data: {
    complaintId,
    sanctionedAgencyCode: AGENCY,
    officialName: null,
    kind: 'WRITTEN_REPRIMAND',
    reason: REASON,
    sanctionedAt: NOW.toISOString(),
    ...overrides,
  },
});

/** A complaint forwarded to AGENCY and escalated for want of an answer. */
const escalatedHistory = (complaintId: string): ComplaintEvent[] => [
  submitted(complaintId),
  forwarded(complaintId, AGENCY),
  escalated(complaintId, { agencyCode: AGENCY, source: 'SYSTEM' }),
];

describe('sanctionComplaint', () => {
  it('records the Ombudsman’s sanction on an escalated complaint', () => {
    spec.given(escalatedHistory('sanc-ok')).when(sanction('sanc-ok')).then(event('sanc-ok'));
  });

  it('names the official, trimmed', () => {
    spec
      .given(escalatedHistory('sanc-official'))
      .when(sanction('sanc-official', { officialName: '  dr. Budi Santoso ', kind: 'SALARY_REDUCTION' }))
      .then(event('sanc-official', { officialName: 'dr. Budi Santoso', kind: 'SALARY_REDUCTION' }));
  });

  it.each([
    ['blank', '   '],
    ['null', null],
    ['omitted', undefined],
  ])('names no official when the name is %s', (label, officialName) => {
    const id = `sanc-no-official-${label}`;
    spec.given(escalatedHistory(id)).when(sanction(id, { officialName })).then(event(id));
  });

  it('refuses an official name longer than 200 characters', () => {
    spec
      .given(escalatedHistory('sanc-official-long'))
      .when(sanction('sanc-official-long', { officialName: 'o'.repeat(201) }))
      .thenThrows(InvalidComplaintInput, (error) => error.field === 'officialName');
  });

  describe('repeated sanctions', () => {
    it('accepts a further sanction on a sanctioned complaint', () => {
      spec
        .given([...escalatedHistory('sanc-again'), sanctioned('sanc-again', AGENCY)])
        .when(sanction('sanc-again', { kind: 'DEMOTION', officialName: 'Kepala Puskesmas' }))
        .then(event('sanc-again', { kind: 'DEMOTION', officialName: 'Kepala Puskesmas' }));
    });

    it('accumulates the sanctions in the state, in order', () => {
      const history = [...escalatedHistory('sanc-accumulate'), sanctioned('sanc-accumulate', AGENCY)];
      const second = sanctionComplaint(
        sanction('sanc-accumulate', { kind: 'LICENSE_FREEZE', sanctionedAgencyCode: 'PROV-KALSEL-DINKES' }),
        replay(history),
      );
      const state = replay([...history, second]);
      expect(state.status).toBe('SANCTIONED');
      expect(state.status !== 'NONE' && state.sanctions.map((s) => [s.kind, s.sanctionedAgencyCode])).toEqual([
        ['WRITTEN_REPRIMAND', AGENCY],
        ['LICENSE_FREEZE', 'PROV-KALSEL-DINKES'],
      ]);
    });
  });

  it.each<[string, CommandActor]>([
    ['an operator', operator()],
    ['an officer of the agency', officer(AGENCY)],
    ['the reporter', citizen('sanc-reporter')],
    ['an auditor', auditor()],
    ['the system', system()],
    ['the SP4N integration', sp4n()],
    ['a caller without an account', publicCaller()],
  ])('refuses %s', (_, actor) => {
    const id = `sanc-refused-${actor.role}`;
    spec
      .given(escalatedHistory(id))
      .when(sanction(id, { actor }))
      .thenThrows(ActionNotAllowed, (error) => error.code === 'NOT_ALLOWED' && error.category === 'forbidden');
  });

  describe('status', () => {
    it.each([
      ['SUBMITTED', (id: string): ComplaintEvent[] => [submitted(id)]],
      ['FORWARDED', (id: string): ComplaintEvent[] => [submitted(id), forwarded(id, AGENCY)]],
      [
        'RESPONDED',
        (id: string): ComplaintEvent[] => [
          submitted(id),
          forwarded(id, AGENCY),
          responded(id, AGENCY, { onTime: false }),
        ],
      ],
    ])('refuses a %s complaint: only escalated complaints are sanctioned', (status, history) => {
      const id = `sanc-status-${status}`;
      spec
        .given(history(id))
        .when(sanction(id))
        .thenThrows(
          InvalidComplaintTransition,
          (error) =>
            error.status === status &&
            error.action === 'sanction' &&
            error.code === 'INVALID_TRANSITION' &&
            error.category === 'conflict',
        );
    });

    it('answers not found when the stream holds no complaint', () => {
      spec
        .given([])
        .when(sanction('sanc-missing'))
        .thenThrows(
          ComplaintNotFound,
          (error) => error.complaintId === 'sanc-missing' && error.category === 'not-found',
        );
    });
  });

  describe('kind', () => {
    it.each(SANCTION_KINDS)('accepts %s', (kind) => {
      const id = `sanc-kind-${kind}`;
      spec.given(escalatedHistory(id)).when(sanction(id, { kind })).then(event(id, { kind }));
    });

    it.each(['FINE', 'written_reprimand', ''])('refuses "%s"', (kind) => {
      const id = `sanc-kind-refused-${kind}`;
      spec
        .given(escalatedHistory(id))
        .when(sanction(id, { kind }))
        .thenThrows(InvalidComplaintInput, (error) => error.field === 'kind' && error.category === 'invalid');
    });
  });

  describe('sanctioned agency', () => {
    it('refuses an agency that is not in the directory', () => {
      spec
        .given(escalatedHistory('sanc-unknown-agency'))
        .when(sanction('sanc-unknown-agency', { sanctionedAgencyCode: 'KAB-ATLANTIS' }))
        .thenThrows(
          UnknownAgency,
          (error) =>
            error.field === 'sanctionedAgencyCode' &&
            error.agencyCode === 'KAB-ATLANTIS' &&
            error.code === 'UNKNOWN_AGENCY' &&
            error.category === 'invalid',
        );
    });

    it('refuses an empty agency code', () => {
      spec
        .given(escalatedHistory('sanc-empty-agency'))
        .when(sanction('sanc-empty-agency', { sanctionedAgencyCode: ' ' }))
        .thenThrows(InvalidComplaintInput, (error) => error.field === 'sanctionedAgencyCode');
    });

    it('trims the agency code', () => {
      spec
        .given(escalatedHistory('sanc-trim-agency'))
        .when(sanction('sanc-trim-agency', { sanctionedAgencyCode: `  ${AGENCY} ` }))
        .then(event('sanc-trim-agency'));
    });
  });

  describe('reason', () => {
    it.each([
      ['4 characters', 'Abai'],
      ['4 characters once trimmed', '  Abai  '],
      ['2001 characters', 's'.repeat(2001)],
    ])('refuses a reason of %s', (_, reason) => {
      const id = `sanc-reason-refused-${reason.length}`;
      spec
        .given(escalatedHistory(id))
        .when(sanction(id, { reason }))
        .thenThrows(InvalidComplaintInput, (error) => error.field === 'reason');
    });

    it.each([
      ['5 characters', 'Lalai'],
      ['2000 characters', 's'.repeat(2000)],
    ])('accepts a reason of %s', (_, reason) => {
      const id = `sanc-reason-accepted-${reason.length}`;
      spec.given(escalatedHistory(id)).when(sanction(id, { reason })).then(event(id, { reason }));
    });
  });
});
