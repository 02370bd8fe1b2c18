import {
  auditor,
  citizen,
  clock,
  forwarded,
  identityErased,
  officer,
  ombudsman,
  operator,
  publicCaller,
  sealedContact,
  sp4n,
  submitted,
} from '../../../test/fixtures/complaint-events.js';
import type { CommandActor } from './actor.js';
import { ActionNotAllowed, ComplaintNotFound } from './complaint.errors.js';
import { evolve, initialState, replay, type Complaint } from './complaint.js';
import { toComplaintEvent } from './complaint.upcasting.js';
import { eraseReporterIdentity, type EraseReporterIdentity } from './erase-reporter-identity.js';
import { DeciderSpecification } from './testing/decider-specification.js';

const spec = DeciderSpecification.for({ decide: eraseReporterIdentity, evolve, initialState });

const NOW = clock.after('P2D');
const erase = (complaintId: string, actor: CommandActor = operator()): EraseReporterIdentity => ({
  complaintId,
  actor,
  now: NOW,
});

describe('eraseReporterIdentity', () => {
  it('records who erased it and when, and nothing about the reporter', () => {
    spec
      .given([submitted('era-basic', { reporter: sealedContact('key-era-basic'), reporterId: 'citizen-siti' })])
      .when(erase('era-basic'))
      .then(identityErased('era-basic', NOW.toISOString()));
  });

  it('records the request even when the complaint holds no contact (the account may hold others)', () => {
    spec
      .given([submitted('era-no-contact', { reporterId: 'citizen-siti' })])
      .when(erase('era-no-contact'))
      .then(identityErased('era-no-contact', NOW.toISOString()));
  });

  it('decides nothing the second time: erasing twice is harmless', () => {
    spec
      .given([submitted('era-twice', { reporter: sealedContact('key-era-twice') }), identityErased('era-twice')])
      .when(erase('era-twice'))
      .then([]);
  });

  it('is for operators only, checked before the complaint is looked up', () => {
    for (const actor of [
      citizen('citizen-siti'),
      officer('KAB-BANJAR-DINKES'),
      ombudsman(),
      auditor(),
      sp4n(),
      publicCaller(),
    ]) {
      spec
        .given([submitted('era-role', { reporterId: 'citizen-siti' })])
        .when(erase('era-role', actor))
        .thenThrows(ActionNotAllowed);
      spec.given([]).when(erase('era-role-unknown', actor)).thenThrows(ActionNotAllowed);
    }
  });

  it('answers COMPLAINT_NOT_FOUND for a complaint that does not exist', () => {
    spec
      .given([])
      .when(erase('era-unknown'))
      .thenThrows(ComplaintNotFound, (e) => e.complaintId === 'era-unknown');
  });
});

describe("the state's reporter identity", () => {
  const state = (events: Parameters<typeof replay>[0]): Complaint => {
    const folded = replay(events);
    if (folded.status === 'NONE') throw new Error('no complaint');
    return folded;
  };

  it('keeps the sealed form of a v2 contact', () => {
    const reporter = sealedContact('key-state-sealed', ['email']);
    expect(state([submitted('id-sealed', { reporter })]).reporter).toStrictEqual(reporter);
  });

  it('keeps only which parts a v1 contact has, never its values', () => {
    const v1 = toComplaintEvent({
      type: 'ComplaintSubmitted',
      schemaVersion: 1,
      data: {
        ...submitted('id-legacy').data,
        reporter: { name: 'Siti Aminah', email: null, phone: '081234567890' },
      },
    });
    if (!v1) throw new Error('not decoded');
    expect(v1.type === 'ComplaintSubmitted' && v1.data.reporter).toStrictEqual({
      form: 'clear',
      name: 'Siti Aminah',
      email: null,
      phone: '081234567890',
    });
    const folded = state([v1]);
    expect(folded.reporter).toStrictEqual({ form: 'legacy', fields: ['name', 'phone'] });
    expect(JSON.stringify(folded)).not.toContain('Siti');
    expect(JSON.stringify(folded)).not.toContain('081234567890');
  });

  it('reads a v1 submit without a contact as having none', () => {
    const v1 = toComplaintEvent({
      type: 'ComplaintSubmitted',
      schemaVersion: 1,
      data: { ...submitted('id-legacy-none').data, reporter: null },
    });
    if (!v1) throw new Error('not decoded');
    expect(state([v1]).reporter).toBeNull();
  });

  it('becomes erased, keeping which parts there were, whatever form the contact had', () => {
    const sealed = state([
      submitted('id-erase-sealed', { reporter: sealedContact('key-erase', ['name', 'phone']) }),
      forwarded('id-erase-sealed', 'KAB-BANJAR-DINKES'),
      identityErased('id-erase-sealed', '2025-03-05T00:00:00.000Z'),
    ]);
    expect(sealed.reporter).toStrictEqual({ form: 'erased', fields: ['name', 'phone'] });
    expect(sealed.identityErasedAt).toBe('2025-03-05T00:00:00.000Z');
    expect(JSON.stringify(sealed)).not.toContain('key-erase');
    expect(sealed.status).toBe('FORWARDED');

    const legacy = toComplaintEvent({
      type: 'ComplaintSubmitted',
      schemaVersion: 1,
      data: { ...submitted('id-erase-legacy').data, reporter: { name: 'Budi', email: 'budi@example.id', phone: null } },
    });
    if (!legacy) throw new Error('not decoded');
    expect(state([legacy, identityErased('id-erase-legacy')]).reporter).toStrictEqual({
      form: 'erased',
      fields: ['name', 'email'],
    });
  });

  it('keeps the first erasure when a second one is folded, and marks a complaint without contact as erased', () => {
    const twice = state([
      submitted('id-erase-twice'),
      identityErased('id-erase-twice', '2025-03-05T00:00:00.000Z'),
      identityErased('id-erase-twice', '2025-03-09T00:00:00.000Z'),
    ]);
    expect(twice.reporter).toBeNull();
    expect(twice.identityErasedAt).toBe('2025-03-05T00:00:00.000Z');
  });
});
