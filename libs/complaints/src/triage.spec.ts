import {
  agencies,
  citizen,
  clock,
  escalated,
  forwarded,
  officer,
  ombudsman,
  operator,
  publicCaller,
  responded,
  submitted,
} from '../../../test/fixtures/complaint-events.js';
import {
  ACCESS_KEY,
  agencyTree,
  forwardedWithDeadline,
  schedule,
  submittedAnonymously,
  submittedWithDeadlines,
  windowOf,
} from '../../../test/fixtures/workflow.js';
import { addComplaintInformation, type AddComplaintInformation } from './add-complaint-information.js';
import { archiveComplaint, type ArchiveComplaint } from './archive-complaint.js';
import { classifyComplaint, type ClassifyComplaint } from './classify-complaint.js';
import {
  ActionNotAllowed,
  ComplaintNotFound,
  InvalidComplaintInput,
  InvalidComplaintTransition,
} from './complaint.errors.js';
import type { ComplaintArchived, ComplaintPutOnHold } from './complaint-workflow.events.js';
import type { ComplaintEvent } from './complaint.events.js';
import { deadlinesOf, evolve, initialState, replay, workflowOf, type Complaint } from './complaint.js';
import { forwardComplaint, type ForwardComplaint } from './forward-complaint.js';
import { holdComplaint, type HoldComplaint } from './hold-complaint.js';
import { returnComplaint, type ReturnComplaint } from './return-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';
import { verifyComplaint, type VerifyComplaint } from './verify-complaint.js';

const NOW = clock.after('PT2H');
const complaintOf = (events: ComplaintEvent[]): Complaint => {
  const state = replay(events);
  if (state.status === 'NONE') throw new Error('no complaint');
  return state;
};

describe('verifyComplaint', () => {
  const spec = DeciderSpecification.for({ decide: verifyComplaint, evolve, initialState });
  const verify = (complaintId: string, overrides: Partial<VerifyComplaint> = {}): VerifyComplaint => ({
    complaintId,
    actor: operator(),
    now: NOW,
    schedule,
    ...overrides,
  });

  it('verifies a new report: SUBMITTED becomes VERIFIED', () => {
    spec
      .given([submittedWithDeadlines('ver-ok')])
      .when(verify('ver-ok', { note: '  Lengkap  ' }))
      .then([
        { type: 'ComplaintVerified', data: { complaintId: 'ver-ok', note: 'Lengkap', verifiedAt: NOW.toISOString() } },
      ]);
    const state = complaintOf([
      submittedWithDeadlines('ver-ok'),
      ...verifyComplaint(verify('ver-ok'), complaintOf([submittedWithDeadlines('ver-ok')])),
    ]);
    expect(state.status).toBe('VERIFIED');
    expect(workflowOf(state).verifiedAt).toBe(NOW.toISOString());
    // Verification alone does not dispose: the TRIAGE deadline still runs until it is forwarded.
    expect(deadlinesOf(state).find((d) => d.kind === 'TRIAGE')?.status).toBe('OPEN');
  });

  it('classifies and raises privacy in the same step', () => {
    const events = verifyComplaint(
      verify('ver-classify', { category: 'HEALTH', confidential: true }),
      complaintOf([submittedWithDeadlines('ver-classify')]),
    );
    expect(events.map((e) => e.type)).toEqual(['ComplaintVerified', 'ComplaintClassified', 'ComplaintPrivacyChanged']);
    const state = complaintOf([submittedWithDeadlines('ver-classify'), ...events]);
    expect(state).toMatchObject({ status: 'VERIFIED', confidential: true, anonymous: false });
    expect(workflowOf(state)).toMatchObject({ category: 'HEALTH', priority: 'NORMAL' });
  });

  it.each([
    ['an agency officer', officer('KAB-BANJAR-DINKES')],
    ['the Ombudsman', ombudsman()],
    ['a citizen', citizen('x')],
  ])('refuses %s', (_, actor) => {
    spec
      .given([submittedWithDeadlines('ver-refused')])
      .when(verify('ver-refused', { actor }))
      .thenThrows(ActionNotAllowed);
  });

  it('refuses a report already verified or forwarded, and a missing one', () => {
    const verified = [
      submittedWithDeadlines('ver-twice'),
      ...verifyComplaint(verify('ver-twice'), complaintOf([submittedWithDeadlines('ver-twice')])),
    ];
    spec
      .given(verified)
      .when(verify('ver-twice'))
      .thenThrows(InvalidComplaintTransition, (e) => e.status === 'VERIFIED');
    spec
      .given([submittedWithDeadlines('ver-fwd'), forwarded('ver-fwd', 'KEMENKES')])
      .when(verify('ver-fwd'))
      .thenThrows(InvalidComplaintTransition, (e) => e.status === 'FORWARDED');
    spec.given([]).when(verify('ver-none')).thenThrows(ComplaintNotFound);
  });
});

describe('forwardComplaint in the workflow', () => {
  const spec = DeciderSpecification.for({ decide: forwardComplaint, evolve, initialState });
  const forward = (complaintId: string, to: string, overrides: Partial<ForwardComplaint> = {}): ForwardComplaint => ({
    complaintId,
    toAgencyCode: to,
    actor: operator(),
    now: NOW,
    agencies: agencyTree,
    schedule,
    ...overrides,
  });

  it("an operator's forward of an unverified report verifies it: one event, verify and dispose", () => {
    const events = [submittedWithDeadlines('fwd-implied')];
    const decided = forwardComplaint(forward('fwd-implied', 'KAB-BANJAR-DINKES'), complaintOf(events));
    expect(decided).toEqual({
      type: 'ComplaintForwarded',
      data: {
        complaintId: 'fwd-implied',
        fromAgencyCode: null,
        toAgencyCode: 'KAB-BANJAR-DINKES',
        note: null,
        forwardedAt: NOW.toISOString(),
        deadlines: [windowOf('FOLLOW_UP', NOW)],
      },
    });
    const state = complaintOf([...events, decided]);
    expect(state.status).toBe('FORWARDED');
    expect(workflowOf(state).verifiedAt).toBe(NOW.toISOString());
    const triage = deadlinesOf(state).find((d) => d.kind === 'TRIAGE');
    expect(triage).toMatchObject({ status: 'MET', closedAt: NOW.toISOString() });
    expect(deadlinesOf(state).find((d) => d.kind === 'FOLLOW_UP')).toMatchObject({
      status: 'OPEN',
      startedAt: NOW.toISOString(),
      span: '5WD',
      // Monday 3 March 2025 + 5 working days: Tue…Mon 10 March, due as Tuesday 11 March begins (WIB).
      dueAt: '2025-03-10T17:00:00.000Z',
    });
  });

  it('records a late disposition as a breached TRIAGE deadline', () => {
    const late = clock.after('P5D');
    const state = complaintOf([
      submittedWithDeadlines('fwd-late'),
      forwardComplaint(
        forward('fwd-late', 'KEMENKES', { now: late }),
        complaintOf([submittedWithDeadlines('fwd-late')]),
      ),
    ]);
    expect(deadlinesOf(state).find((d) => d.kind === 'TRIAGE')).toMatchObject({
      status: 'BREACHED',
      closedAt: late.toISOString(),
    });
  });

  describe('along the agency tree', () => {
    const at = (agency: string) => [submittedWithDeadlines('fwd-tree'), forwardedWithDeadline('fwd-tree', agency)];

    it.each([
      ['down to its own sub-unit', 'KAB-BANJAR', 'KAB-BANJAR-DINKES'],
      ['across to a sibling unit', 'KAB-BANJAR-DINKES', 'KAB-BANJAR-DISKOMINFO'],
      ['up to its parent', 'KAB-BANJAR-DINKES', 'KAB-BANJAR'],
      ['down several levels', 'PROV-KALSEL', 'KOTA-BANJARMASIN-DISHUB'],
    ])('lets an officer forward %s', (_, from, to) => {
      spec
        .given(at(from))
        .when(forward('fwd-tree', to, { actor: officer(from) }))
        .then({
          type: 'ComplaintForwarded',
          data: {
            complaintId: 'fwd-tree',
            fromAgencyCode: from,
            toAgencyCode: to,
            note: null,
            forwardedAt: NOW.toISOString(),
            deadlines: [windowOf('FOLLOW_UP', NOW)],
          },
        });
    });

    it.each([
      ['to another province', 'KAB-BANJAR-DINKES', 'KAB-INDRAMAYU'],
      ['to a cousin unit', 'KAB-BANJAR-DINKES', 'KOTA-BANJARMASIN-DISHUB'],
      ['to a ministry', 'KAB-BANJAR', 'KEMENKES'],
    ])('refuses an officer forwarding %s', (_, from, to) => {
      spec
        .given(at(from))
        .when(forward('fwd-tree', to, { actor: officer(from) }))
        .thenThrows(ActionNotAllowed);
    });

    it('lets an operator route anywhere', () => {
      spec
        .given(at('KAB-BANJAR-DINKES'))
        .when(forward('fwd-tree', 'KAB-INDRAMAYU'))
        .then({
          type: 'ComplaintForwarded',
          data: {
            complaintId: 'fwd-tree',
            fromAgencyCode: 'KAB-BANJAR-DINKES',
            toAgencyCode: 'KAB-INDRAMAYU',
            note: null,
            forwardedAt: NOW.toISOString(),
            deadlines: [windowOf('FOLLOW_UP', NOW)],
          },
        });
    });

    it('lets an officer send it back to an agency that held it before, wherever it sits', () => {
      spec
        .given([
          submittedWithDeadlines('fwd-back-tree'),
          forwardedWithDeadline('fwd-back-tree', 'KAB-INDRAMAYU'),
          forwardedWithDeadline('fwd-back-tree', 'KAB-BANJAR-DINKES'),
        ])
        .when(forward('fwd-back-tree', 'KAB-INDRAMAYU', { actor: officer('KAB-BANJAR-DINKES') }))
        .then({
          type: 'ComplaintForwarded',
          data: {
            complaintId: 'fwd-back-tree',
            fromAgencyCode: 'KAB-BANJAR-DINKES',
            toAgencyCode: 'KAB-INDRAMAYU',
            note: null,
            forwardedAt: NOW.toISOString(),
            deadlines: [windowOf('FOLLOW_UP', NOW)],
          },
        });
    });
  });

  it.each<[string, (id: string) => ComplaintEvent[]]>([
    ['ON_HOLD', (id) => [submittedWithDeadlines(id), held(id)]],
    ['ARCHIVED', (id) => [submittedWithDeadlines(id), archived(id)]],
  ])('refuses a complaint %s', (status, history) => {
    spec
      .given(history(`fwd-${status}`))
      .when(forward(`fwd-${status}`, 'KEMENKES'))
      .thenThrows(InvalidComplaintTransition, (e) => e.status === status);
  });
});

const held = (id: string): ComplaintPutOnHold => ({
  type: 'ComplaintPutOnHold',
  data: { complaintId: id, reason: 'Lokasi puskesmas belum disebutkan', heldAt: clock.after('PT1H').toISOString() },
});
const archived = (id: string): ComplaintArchived => ({
  type: 'ComplaintArchived',
  data: {
    complaintId: id,
    reason: 'UNINTELLIGIBLE',
    note: null,
    duplicateOfId: null,
    archivedAt: clock.after('PT1H').toISOString(),
  },
});

describe('holdComplaint and addComplaintInformation', () => {
  const holdSpec = DeciderSpecification.for({ decide: holdComplaint, evolve, initialState });
  const addSpec = DeciderSpecification.for({ decide: addComplaintInformation, evolve, initialState });
  const hold = (complaintId: string, overrides: Partial<HoldComplaint> = {}): HoldComplaint => ({
    complaintId,
    reason: 'Lokasi puskesmas belum disebutkan',
    actor: operator(),
    now: clock.after('PT1H'),
    ...overrides,
  });
  const add = (complaintId: string, overrides: Partial<AddComplaintInformation> = {}): AddComplaintInformation => ({
    complaintId,
    information: 'Puskesmas Martapura 1, Jalan Ahmad Yani km 40.',
    actor: citizen('citizen-siti'),
    now: clock.after('P2D'),
    schedule,
    ...overrides,
  });

  it('returns a report to the reporter and stops its clocks', () => {
    holdSpec
      .given([submittedWithDeadlines('hold-ok')])
      .when(hold('hold-ok'))
      .then(held('hold-ok'));
    const state = complaintOf([submittedWithDeadlines('hold-ok'), held('hold-ok')]);
    expect(state.status).toBe('ON_HOLD');
    expect(deadlinesOf(state).filter((d) => d.status === 'OPEN')).toEqual([]);
    expect(workflowOf(state).holds).toEqual([
      { reason: 'Lokasi puskesmas belum disebutkan', heldAt: clock.after('PT1H').toISOString(), resumedAt: null },
    ]);
  });

  it('resumes when the reporter adds the information: received again, deadlines from now', () => {
    const history = [submittedWithDeadlines('hold-resume', { reporterId: 'citizen-siti' }), held('hold-resume')];
    const resumedAt = clock.after('P2D');
    const triage = windowOf('TRIAGE', resumedAt);
    const response = windowOf('RESPONSE', resumedAt);
    addSpec
      .given(history)
      .when(add('hold-resume'))
      .then({
        type: 'ComplaintInformationAdded',
        data: {
          complaintId: 'hold-resume',
          information: 'Puskesmas Martapura 1, Jalan Ahmad Yani km 40.',
          resumed: true,
          deadlines: [triage, response],
          dueAt: response.dueAt,
          addedAt: resumedAt.toISOString(),
        },
      });
    const state = complaintOf([...history, addComplaintInformation(add('hold-resume'), complaintOf(history))]);
    expect(state).toMatchObject({ status: 'SUBMITTED', dueAt: response.dueAt });
    expect(workflowOf(state).holds[0]?.resumedAt).toBe(resumedAt.toISOString());
    expect(
      deadlinesOf(state)
        .filter((d) => d.status === 'OPEN')
        .map((d) => [d.kind, d.dueAt]),
    ).toEqual([
      ['TRIAGE', triage.dueAt],
      ['RESPONSE', response.dueAt],
    ]);
  });

  it('lets an anonymous reporter add information with the access key, and refuses a wrong key', () => {
    const history = [submittedAnonymously('hold-key'), held('hold-key')];
    const decided = addComplaintInformation(
      add('hold-key', { actor: publicCaller(), accessKey: ACCESS_KEY.toLowerCase() }),
      complaintOf(history),
    );
    expect(decided.data.resumed).toBe(true);
    addSpec
      .given(history)
      .when(add('hold-key', { actor: publicCaller(), accessKey: 'AAAAA-BBBBB-CCCCC-DDDDD' }))
      .thenThrows(ActionNotAllowed);
    addSpec
      .given(history)
      .when(add('hold-key', { actor: citizen('someone-else') }))
      .thenThrows(ActionNotAllowed);
  });

  it('adds information to a forwarded complaint without changing its course', () => {
    const history = [
      submittedWithDeadlines('add-fwd', { reporterId: 'citizen-siti' }),
      forwardedWithDeadline('add-fwd', 'KEMENKES'),
    ];
    const decided = addComplaintInformation(add('add-fwd'), complaintOf(history));
    expect(decided.data).toMatchObject({ resumed: false, deadlines: [], dueAt: null });
    expect(complaintOf([...history, decided])).toMatchObject({
      status: 'FORWARDED',
      dueAt: complaintOf(history).dueAt,
    });
  });

  it('lets an operator take the information on the phone', () => {
    const history = [submittedWithDeadlines('add-op'), held('add-op')];
    expect(addComplaintInformation(add('add-op', { actor: operator() }), complaintOf(history)).data.resumed).toBe(true);
  });

  it('refuses holding a forwarded complaint and adding to an archived one', () => {
    holdSpec
      .given([submittedWithDeadlines('hold-fwd'), forwarded('hold-fwd', 'KEMENKES')])
      .when(hold('hold-fwd'))
      .thenThrows(InvalidComplaintTransition);
    holdSpec
      .given([submittedWithDeadlines('hold-officer')])
      .when(hold('hold-officer', { actor: officer('KEMENKES') }))
      .thenThrows(ActionNotAllowed);
    holdSpec
      .given([submittedWithDeadlines('hold-short')])
      .when(hold('hold-short', { reason: 'x' }))
      .thenThrows(InvalidComplaintInput);
    addSpec
      .given([submittedWithDeadlines('add-archived', { reporterId: 'citizen-siti' }), archived('add-archived')])
      .when(add('add-archived'))
      .thenThrows(InvalidComplaintTransition, (e) => e.status === 'ARCHIVED');
  });
});

describe('returnComplaint (NOT_OUR_AUTHORITY)', () => {
  const spec = DeciderSpecification.for({ decide: returnComplaint, evolve, initialState });
  const hand = (complaintId: string, actor = officer('KAB-BANJAR-DINKES')): ReturnComplaint => ({
    complaintId,
    reason: 'Jalan provinsi, bukan kewenangan dinas kesehatan',
    actor,
    now: NOW,
    agencies: agencyTree,
    schedule,
  });

  it('hands the complaint up to the parent, which must follow up', () => {
    const history = [submittedWithDeadlines('ret-parent'), forwardedWithDeadline('ret-parent', 'KAB-BANJAR-DINKES')];
    spec
      .given(history)
      .when(hand('ret-parent'))
      .then({
        type: 'ComplaintReturned',
        data: {
          complaintId: 'ret-parent',
          fromAgencyCode: 'KAB-BANJAR-DINKES',
          toAgencyCode: 'KAB-BANJAR',
          reason: 'Jalan provinsi, bukan kewenangan dinas kesehatan',
          deadlines: [windowOf('FOLLOW_UP', NOW)],
          returnedAt: NOW.toISOString(),
        },
      });
    const state = complaintOf([...history, returnComplaint(hand('ret-parent'), complaintOf(history))]);
    expect(state).toMatchObject({
      status: 'FORWARDED',
      assignedAgencyCode: 'KAB-BANJAR',
      assignmentTrail: ['KAB-BANJAR-DINKES', 'KAB-BANJAR'],
    });
    expect(
      deadlinesOf(state)
        .filter((d) => d.kind === 'FOLLOW_UP')
        .map((d) => d.status),
    ).toEqual(['MET', 'OPEN']);
  });

  it('sends it back to national triage from just below the root', () => {
    const history = [submittedWithDeadlines('ret-national'), forwardedWithDeadline('ret-national', 'KEMENKES')];
    const decided = returnComplaint(hand('ret-national', officer('KEMENKES')), complaintOf(history));
    expect(decided.data).toMatchObject({ toAgencyCode: null, deadlines: [windowOf('TRIAGE', NOW)] });
    expect(complaintOf([...history, decided])).toMatchObject({ status: 'VERIFIED', assignedAgencyCode: null });
  });

  it('goes to national triage when the directory does not know the tree', () => {
    const history = [submittedWithDeadlines('ret-flat'), forwardedWithDeadline('ret-flat', 'KAB-BANJAR-DINKES')];
    expect(returnComplaint({ ...hand('ret-flat'), agencies }, complaintOf(history)).data.toAgencyCode).toBeNull();
  });

  it('refuses another agency, an answered complaint and an escalated one', () => {
    const history = [submittedWithDeadlines('ret-refused'), forwardedWithDeadline('ret-refused', 'KAB-BANJAR-DINKES')];
    spec
      .given(history)
      .when(hand('ret-refused', officer('KAB-BANJAR')))
      .thenThrows(ActionNotAllowed);
    spec.given(history).when(hand('ret-refused', operator())).thenThrows(ActionNotAllowed);
    spec
      .given([...history, responded('ret-refused', 'KAB-BANJAR-DINKES')])
      .when(hand('ret-refused'))
      .thenThrows(InvalidComplaintTransition, (e) => e.status === 'RESPONDED');
    spec
      .given([...history, escalated('ret-refused', { agencyCode: 'KAB-BANJAR-DINKES' })])
      .when(hand('ret-refused'))
      .thenThrows(InvalidComplaintTransition, (e) => e.status === 'ESCALATED');
  });
});

describe('archiveComplaint', () => {
  const spec = DeciderSpecification.for({ decide: archiveComplaint, evolve, initialState });
  const archive = (complaintId: string, overrides: Partial<ArchiveComplaint> = {}): ArchiveComplaint => ({
    complaintId,
    reason: 'NOT_PUBLIC_SERVICE',
    actor: operator(),
    now: NOW,
    ...overrides,
  });
  const DUPLICATE_OF = '6b0f1b8e-6a47-4a57-9b8e-1f0c3e9d2a10';

  it('archives a report at triage, with a reason, and stops every deadline', () => {
    spec
      .given([submittedWithDeadlines('arc-ok')])
      .when(archive('arc-ok', { reason: 'DUPLICATE', duplicateOfId: DUPLICATE_OF.toUpperCase() }))
      .then({
        type: 'ComplaintArchived',
        data: {
          complaintId: 'arc-ok',
          reason: 'DUPLICATE',
          note: null,
          duplicateOfId: DUPLICATE_OF,
          archivedAt: NOW.toISOString(),
        },
      });
    const state = complaintOf([
      submittedWithDeadlines('arc-ok'),
      archiveComplaint(archive('arc-ok'), complaintOf([submittedWithDeadlines('arc-ok')])),
    ]);
    expect(state.status).toBe('ARCHIVED');
    expect(deadlinesOf(state).map((d) => d.status)).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('archives a report on hold', () => {
    const decided = archiveComplaint(
      archive('arc-held', { reason: 'UNINTELLIGIBLE' }),
      complaintOf([submittedWithDeadlines('arc-held'), held('arc-held')]),
    );
    expect(decided.data.reason).toBe('UNINTELLIGIBLE');
  });

  it('needs the duplicated complaint for DUPLICATE and a destination for OUT_OF_SCOPE', () => {
    spec
      .given([submittedWithDeadlines('arc-dup')])
      .when(archive('arc-dup', { reason: 'DUPLICATE' }))
      .thenThrows(InvalidComplaintInput, (e) => e.field === 'duplicateOfId');
    spec
      .given([submittedWithDeadlines('arc-scope')])
      .when(archive('arc-scope', { reason: 'OUT_OF_SCOPE' }))
      .thenThrows(InvalidComplaintInput, (e) => e.field === 'note');
    expect(
      archiveComplaint(
        archive('arc-scope', { reason: 'OUT_OF_SCOPE', note: 'Dugaan korupsi: laporkan ke KPK' }),
        complaintOf([submittedWithDeadlines('arc-scope')]),
      ).data.note,
    ).toBe('Dugaan korupsi: laporkan ke KPK');
    spec
      .given([submittedWithDeadlines('arc-reason')])
      .when(archive('arc-reason', { reason: 'SPAM' }))
      .thenThrows(InvalidComplaintInput, (e) => e.field === 'reason');
  });

  it('refuses a forwarded complaint and a non-operator', () => {
    spec
      .given([submittedWithDeadlines('arc-fwd'), forwarded('arc-fwd', 'KEMENKES')])
      .when(archive('arc-fwd'))
      .thenThrows(InvalidComplaintTransition);
    spec
      .given([submittedWithDeadlines('arc-who')])
      .when(archive('arc-who', { actor: ombudsman() }))
      .thenThrows(ActionNotAllowed);
  });
});

describe('classifyComplaint', () => {
  const classify = (complaintId: string, overrides: Partial<ClassifyComplaint> = {}): ClassifyComplaint => ({
    complaintId,
    actor: operator(),
    now: NOW,
    schedule,
    ...overrides,
  });

  it('marks a complaint URGENT and shortens its running deadlines from their starts', () => {
    const history = [submittedWithDeadlines('cls-urgent'), forwardedWithDeadline('cls-urgent', 'BPJS-KESEHATAN')];
    const [event] = classifyComplaint(
      classify('cls-urgent', { priority: 'URGENT', category: 'HEALTH' }),
      complaintOf(history),
    );
    const response = windowOf('RESPONSE', clock.now(), 'URGENT');
    expect(event).toEqual({
      type: 'ComplaintClassified',
      data: {
        complaintId: 'cls-urgent',
        category: 'HEALTH',
        priority: 'URGENT',
        deadlines: [response, windowOf('FOLLOW_UP', clock.after('PT1H'), 'URGENT')],
        dueAt: response.dueAt,
        classifiedAt: NOW.toISOString(),
      },
    });
    expect(response.span).toBe('P3D');
    const state = complaintOf([...history, ...(event ? [event] : [])]);
    expect(state.dueAt).toBe(clock.after('P3D').toISOString());
    expect(
      deadlinesOf(state)
        .filter((d) => d.status === 'OPEN')
        .map((d) => [d.kind, d.priority, d.span]),
    ).toEqual([
      ['RESPONSE', 'URGENT', 'P3D'],
      ['FOLLOW_UP', 'URGENT', '1WD'],
    ]);
  });

  it('only ever raises privacy, and refuses a classification that changes nothing', () => {
    const history = [submitted('cls-privacy', { anonymous: true })];
    const events = classifyComplaint(
      classify('cls-privacy', { anonymous: false, confidential: true }),
      complaintOf(history),
    );
    expect(events).toEqual([
      {
        type: 'ComplaintPrivacyChanged',
        data: { complaintId: 'cls-privacy', anonymous: true, confidential: true, changedAt: NOW.toISOString() },
      },
    ]);
    expect(() => classifyComplaint(classify('cls-privacy', { anonymous: false }), complaintOf(history))).toThrow(
      InvalidComplaintInput,
    );
  });

  it('refuses a settled complaint and a non-operator', () => {
    expect(() =>
      classifyComplaint(
        classify('cls-archived', { priority: 'URGENT' }),
        complaintOf([submitted('cls-archived'), archived('cls-archived')]),
      ),
    ).toThrow(InvalidComplaintTransition);
    expect(() =>
      classifyComplaint(
        classify('cls-who', { priority: 'URGENT', actor: officer('KEMENKES') }),
        complaintOf([submitted('cls-who')]),
      ),
    ).toThrow(ActionNotAllowed);
  });
});
