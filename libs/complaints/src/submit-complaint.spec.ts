import {
  agencies,
  citizen,
  clock,
  forwarded,
  officer,
  ombudsman,
  operator,
  P14D,
  publicCaller,
  sealedContact,
  sp4n,
  submitted,
  auditor,
  system,
} from '../../../test/fixtures/complaint-events.js';
import type { CommandActor } from './actor.js';
import { ActionNotAllowed, ComplaintAlreadyExists, InvalidComplaintInput, UnknownAgency } from './complaint.errors.js';
import { CHANNELS, COMPLAINT_TYPES } from './complaint.events.js';
import { evolve, initialState } from './complaint.js';
import { parseIsoDuration } from './iso-duration.js';
import { reporterContactOf } from './reporter-identity.js';
import { submitComplaint, type SubmitComplaint } from './submit-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';
import { trackingCodeFor } from './tracking-code.js';

const spec = DeciderSpecification.for({ decide: submitComplaint, evolve, initialState });

const { title: TITLE, description: DESCRIPTION } = submitted('template').data;

const submit = (complaintId: string, overrides: Partial<SubmitComplaint> = {}): SubmitComplaint => ({
  complaintId,
  trackingCode: trackingCodeFor(complaintId),
  title: TITLE,
  description: DESCRIPTION,
  type: 'COMPLAINT',
  channel: 'WEB',
  actor: publicCaller(),
  now: clock.now(),
  responseDeadline: P14D,
  agencies,
  ...overrides,
});

const catchError = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

const invalid = (field: string) => (error: InvalidComplaintInput) =>
  error.field === field && error.code === 'INVALID_INPUT' && error.category === 'invalid';

describe('submitComplaint', () => {
  it('records a report from a caller without an account, due 14 days after receipt', () => {
    spec
      .given([])
      .when(submit('sub-basic'))
      .then(
        submitted('sub-basic', {
          receivedAt: '2025-03-03T01:00:00.000Z',
          dueAt: '2025-03-17T01:00:00.000Z',
        }),
      );
  });

  describe('title', () => {
    it.each([
      ['4 characters', 'abcd'],
      ['4 characters once trimmed', '   abcd   '],
      ['201 characters', 'x'.repeat(201)],
      ['blank', '      '],
      ['missing', undefined],
    ])('refuses a title of %s', (_, title) => {
      spec
        .given([])
        .when(submit(`sub-title-refused-${String(title?.length)}`, { title: title as string }))
        .thenThrows(InvalidComplaintInput, invalid('title'));
    });

    it.each([
      ['5 characters', 'abcde'],
      ['200 characters', 'y'.repeat(200)],
    ])('accepts a title of %s', (_, title) => {
      spec
        .given([])
        .when(submit(`sub-title-accepted-${title.length}`, { title }))
        .then(submitted(`sub-title-accepted-${title.length}`, { title }));
    });

    it('stores the title trimmed', () => {
      spec
        .given([])
        .when(submit('sub-title-trim', { title: '  Jalan berlubang  ' }))
        .then(submitted('sub-title-trim', { title: 'Jalan berlubang' }));
    });

    it('counts characters, not UTF-16 units: five emoji are five characters', () => {
      spec
        .given([])
        .when(submit('sub-title-emoji', { title: '🚑🚑🚑🚑🚑' }))
        .then(submitted('sub-title-emoji', { title: '🚑🚑🚑🚑🚑' }));
    });
  });

  describe('description', () => {
    it.each([
      ['9 characters', '123456789'],
      ['9 characters once trimmed', '  123456789\n'],
      ['5001 characters', 'd'.repeat(5001)],
    ])('refuses a description of %s', (_, description) => {
      spec
        .given([])
        .when(submit(`sub-desc-refused-${description.length}`, { description }))
        .thenThrows(InvalidComplaintInput, invalid('description'));
    });

    it.each([
      ['10 characters', '1234567890'],
      ['5000 characters', 'e'.repeat(5000)],
    ])('accepts a description of %s', (_, description) => {
      spec
        .given([])
        .when(submit(`sub-desc-accepted-${description.length}`, { description }))
        .then(submitted(`sub-desc-accepted-${description.length}`, { description }));
    });

    it('stores the description trimmed', () => {
      spec
        .given([])
        .when(submit('sub-desc-trim', { description: '\n  Lampu jalan mati sejak seminggu.  \n' }))
        .then(submitted('sub-desc-trim', { description: 'Lampu jalan mati sejak seminggu.' }));
    });
  });

  describe('type and channel', () => {
    it.each(COMPLAINT_TYPES)('accepts the type %s', (type) => {
      spec
        .given([])
        .when(submit(`sub-type-${type}`, { type }))
        .then(submitted(`sub-type-${type}`, { complaintType: type }));
    });

    it.each(['complaint', 'SUGGESTION', ''])('refuses the type "%s"', (type) => {
      spec
        .given([])
        .when(submit(`sub-type-refused-${type}`, { type }))
        .thenThrows(InvalidComplaintInput, invalid('type'));
    });

    it.each(CHANNELS)('accepts the channel %s', (channel) => {
      spec
        .given([])
        .when(submit(`sub-channel-${channel}`, { channel }))
        .then(submitted(`sub-channel-${channel}`, { channel }));
    });

    it.each(['EMAIL', 'web', ''])('refuses the channel "%s"', (channel) => {
      spec
        .given([])
        .when(submit(`sub-channel-refused-${channel}`, { channel }))
        .thenThrows(InvalidComplaintInput, invalid('channel'));
    });
  });

  describe('requested agency', () => {
    it('records an agency that is in the directory', () => {
      spec
        .given([])
        .when(submit('sub-agency-known', { requestedAgencyCode: 'KAB-BANJAR-DINKES' }))
        .then(submitted('sub-agency-known', { requestedAgencyCode: 'KAB-BANJAR-DINKES' }));
    });

    it('trims the agency code before looking it up', () => {
      spec
        .given([])
        .when(submit('sub-agency-trim', { requestedAgencyCode: '  KEMENKES ' }))
        .then(submitted('sub-agency-trim', { requestedAgencyCode: 'KEMENKES' }));
    });

    it('refuses an agency that is not in the directory', () => {
      spec
        .given([])
        .when(submit('sub-agency-unknown', { requestedAgencyCode: 'KAB-ATLANTIS' }))
        .thenThrows(
          UnknownAgency,
          (error) =>
            error.field === 'agencyCode' &&
            error.agencyCode === 'KAB-ATLANTIS' &&
            error.code === 'UNKNOWN_AGENCY' &&
            error.category === 'invalid',
        );
    });

    it.each([
      ['omitted', undefined],
      ['null', null],
      ['blank', '   '],
    ])('records no agency when it is %s', (label, requestedAgencyCode) => {
      spec
        .given([])
        .when(submit(`sub-agency-${label}`, { requestedAgencyCode }))
        .then(submitted(`sub-agency-${label}`, { requestedAgencyCode: null }));
    });

    it('refuses an agency code longer than 64 characters', () => {
      spec
        .given([])
        .when(submit('sub-agency-long', { requestedAgencyCode: 'K'.repeat(65) }))
        .thenThrows(InvalidComplaintInput, invalid('agencyCode'));
    });
  });

  describe('anonymity and confidentiality', () => {
    it.each([
      ['omitted', undefined],
      ['null', null],
    ])('both default to false when %s', (label, flag) => {
      spec
        .given([])
        .when(submit(`sub-flags-${label}`, { anonymous: flag, confidential: flag }))
        .then(submitted(`sub-flags-${label}`, { anonymous: false, confidential: false }));
    });

    it('keeps each flag as asked', () => {
      spec
        .given([])
        .when(submit('sub-flags-anon', { anonymous: true, confidential: false }))
        .then(submitted('sub-flags-anon', { anonymous: true, confidential: false }));
      spec
        .given([])
        .when(submit('sub-flags-conf', { anonymous: false, confidential: true }))
        .then(submitted('sub-flags-conf', { anonymous: false, confidential: true }));
    });
  });

  describe('reporter contact', () => {
    const contactOf = (reporter: Parameters<typeof reporterContactOf>[0]) => reporterContactOf(reporter);

    it('carries the contact sealed at the edge as it is, never in clear', () => {
      const reporter = sealedContact('key-sub-contact', ['name', 'email']);
      spec
        .given([])
        .when(submit('sub-contact-sealed', { reporter }))
        .then(submitted('sub-contact-sealed', { reporter }));
    });

    it('checks a contact before it is sealed: trimmed name, lower-case email, phone digits only', () => {
      expect(
        contactOf({ name: '  Siti Aminah ', email: ' Siti.Aminah@Example.CO.ID ', phone: '+62 812-3456-7890' }),
      ).toEqual({ name: 'Siti Aminah', email: 'siti.aminah@example.co.id', phone: '+6281234567890' });
    });

    it.each([
      ['+62 with spaces', '+62 812 3456 7890', '+6281234567890'],
      ['62 without plus', '6281234567890', '6281234567890'],
      ['0 with dashes', '0812-3456-7890', '081234567890'],
      ['0 with dots', '0812.3456.7890', '081234567890'],
      ['landline with area code in brackets', '(0511) 4772 123', '05114772123'],
    ])('accepts an Indonesian phone number written %s', (_label, phone, stored) => {
      expect(contactOf({ phone })).toEqual({ name: null, email: null, phone: stored });
    });

    it.each([
      ['a foreign number', '+1 555 123 4567'],
      ['too few digits', '0812345'],
      ['too many digits', '0812 3456 7890 1234'],
      ['letters', '0812-CALL-ME'],
      ['a plus before 0', '+0812 3456 7890'],
    ])('refuses %s as a phone number', (_label, phone) => {
      expect(() => contactOf({ phone })).toThrow(InvalidComplaintInput);
      expect(catchError(() => contactOf({ phone }))).toMatchObject({ field: 'reporter.phone', code: 'INVALID_INPUT' });
    });

    it.each(['siti', 'siti@example', 'siti aminah@example.id', 'siti@@example.id', '@example.id'])(
      'refuses "%s" as an email address',
      (email) => {
        expect(catchError(() => contactOf({ email }))).toMatchObject({ field: 'reporter.email', category: 'invalid' });
      },
    );

    it('refuses a name longer than 200 characters', () => {
      expect(catchError(() => contactOf({ name: 'n'.repeat(201) }))).toMatchObject({ field: 'reporter.name' });
    });

    it('keeps a partial contact with the missing parts as null', () => {
      expect(contactOf({ email: 'warga@example.id' })).toEqual({ name: null, email: 'warga@example.id', phone: null });
    });

    it.each([
      ['all blank', { name: '  ', email: '', phone: ' ' }],
      ['all null', { name: null, email: null, phone: null }],
      ['an empty object', {}],
      ['null', null],
    ])('has no contact when it is %s', (_label, reporter) => {
      expect(contactOf(reporter)).toBeNull();
    });

    it('stores no contact when none was sealed', () => {
      spec
        .given([])
        .when(submit('sub-contact-none', { reporter: null }))
        .then(submitted('sub-contact-none', { reporter: null }));
    });
  });

  describe('who submits', () => {
    it("records the citizen's account as the reporter", () => {
      spec
        .given([])
        .when(submit('sub-citizen', { actor: citizen('sub-1') }))
        .then(submitted('sub-citizen', { reporterId: 'sub-1' }));
    });

    it.each<[string, CommandActor]>([
      ['a caller without an account', publicCaller()],
      ['an operator entering a call-centre report', operator()],
      ['the SP4N integration', sp4n()],
    ])('records no reporter account for %s', (label, actor) => {
      const id = `sub-no-reporter-${actor.role}`;
      spec
        .given([])
        .when(submit(id, { actor, channel: 'CALL_CENTER' }))
        .then(submitted(id, { reporterId: null, channel: 'CALL_CENTER' }));
    });

    it.each<CommandActor>([officer('KAB-BANJAR-DINKES'), ombudsman(), auditor(), system()])(
      'refuses a submission by the $role role',
      (actor) => {
        spec
          .given([])
          .when(submit(`sub-refused-${actor.role}`, { actor }))
          .thenThrows(ActionNotAllowed, (error) => error.code === 'NOT_ALLOWED' && error.category === 'forbidden');
      },
    );

    it('refuses a forbidden role before looking at the input', () => {
      spec
        .given([])
        .when(submit('sub-refused-first', { actor: system(), title: 'x' }))
        .thenThrows(ActionNotAllowed);
    });
  });

  describe('deadline', () => {
    it.each([
      ['P14D', '2025-03-17T01:00:00.000Z'],
      ['PT2S', '2025-03-03T01:00:02.000Z'],
      ['P1DT12H', '2025-03-04T13:00:00.000Z'],
      ['P2W', '2025-03-17T01:00:00.000Z'],
    ])('sets dueAt to receivedAt + %s', (deadline, dueAt) => {
      spec
        .given([])
        .when(submit(`sub-due-${deadline}`, { responseDeadline: parseIsoDuration(deadline) }))
        .then(submitted(`sub-due-${deadline}`, { receivedAt: '2025-03-03T01:00:00.000Z', dueAt }));
    });

    it('takes receipt time from the command, not from the machine clock', () => {
      const now = new Date('2024-12-31T23:59:59.999Z');
      spec
        .given([])
        .when(submit('sub-due-given-now', { now }))
        .then(
          submitted('sub-due-given-now', { receivedAt: '2024-12-31T23:59:59.999Z', dueAt: '2025-01-14T23:59:59.999Z' }),
        );
    });
  });

  describe('one complaint per stream', () => {
    it('refuses a second submit on the same stream', () => {
      spec
        .given([submitted('sub-twice')])
        .when(submit('sub-twice'))
        .thenThrows(
          ComplaintAlreadyExists,
          (error) =>
            error.complaintId === 'sub-twice' && error.code === 'COMPLAINT_EXISTS' && error.category === 'conflict',
        );
    });

    it('refuses it once the complaint has moved on, whoever submits and whatever the input', () => {
      spec
        .given([submitted('sub-twice-later'), forwarded('sub-twice-later', 'KAB-BANJAR-DINKES')])
        .when(submit('sub-twice-later', { actor: system(), title: '' }))
        .thenThrows(ComplaintAlreadyExists);
    });
  });
});
