import { forwarded, sealedContact, submitted } from '../../../test/fixtures/complaint-events.js';
import { CURRENT_SCHEMA_VERSION } from './complaint.events.js';
import {
  COMPLAINT_UPCASTERS,
  toComplaintEvent,
  UnsupportedEventVersion,
  type StoredComplaintEvent,
  type UpcasterRegistry,
} from './complaint.upcasting.js';

/**
 * A fictitious history of ComplaintSubmitted for these tests only:
 * v1 held the requested agency as `agency` and no confidentiality flag;
 * v2 renamed it `requestedAgencyCode` (confidential still missing);
 * v3 (current here) added `confidential`, defaulting to false.
 */
const v1ToV2 = ({ agency, ...rest }: Record<string, unknown>) => ({ ...rest, requestedAgencyCode: agency ?? null });
const v2ToV3 = (data: Record<string, unknown>) => ({ ...data, confidential: data['confidential'] ?? false });

const currentAtV2 = { ...CURRENT_SCHEMA_VERSION, ComplaintSubmitted: 2 };
const currentAtV3 = { ...CURRENT_SCHEMA_VERSION, ComplaintSubmitted: 3 };
const oneUpcaster: UpcasterRegistry = { ComplaintSubmitted: { 1: v1ToV2 } };
const twoUpcasters: UpcasterRegistry = { ComplaintSubmitted: { 1: v1ToV2, 2: v2ToV3 } };

/** Today's ComplaintSubmitted data as v1 wrote it: `agency` instead of `requestedAgencyCode`, no `confidential`. */
const submittedV1 = (complaintId: string): Record<string, unknown> => {
  const {
    requestedAgencyCode,
    confidential: _confidential,
    ...rest
  } = submitted(complaintId, {
    requestedAgencyCode: 'KAB-BANJAR-DINKES',
  }).data;
  return { ...rest, agency: requestedAgencyCode };
};

const stored = (type: string, schemaVersion: number, data: Record<string, unknown>): StoredComplaintEvent => ({
  type,
  schemaVersion,
  data,
});

describe('toComplaintEvent', () => {
  describe('with the production registry', () => {
    it('has one upcaster: ComplaintSubmitted v1 (contact in clear) to v2 (contact sealed)', () => {
      expect(Object.keys(COMPLAINT_UPCASTERS)).toEqual(['ComplaintSubmitted']);
      expect(CURRENT_SCHEMA_VERSION).toEqual({
        ComplaintSubmitted: 2,
        ComplaintForwarded: 1,
        ComplaintResponded: 1,
        ComplaintEscalated: 1,
        ComplaintSanctioned: 1,
      });
    });

    it('reads a current-version event as it is', () => {
      const event = submitted('upc-current', { reporter: sealedContact('key-upc-current') });
      expect(toComplaintEvent(stored('ComplaintSubmitted', 2, { ...event.data }))).toStrictEqual(event);
      const other = forwarded('upc-current', 'KEMENKES');
      expect(toComplaintEvent(stored('ComplaintForwarded', 1, { ...other.data }))).toStrictEqual(other);
    });

    it('marks the clear contact of a v1 submit as such, and keeps a v1 submit without one as none', () => {
      const clear = { name: 'Siti Aminah', email: 'siti@example.id', phone: null };
      const withContact = { ...submitted('upc-v1-contact').data, reporter: clear };
      expect(toComplaintEvent(stored('ComplaintSubmitted', 1, withContact))?.data).toStrictEqual({
        ...withContact,
        reporter: { form: 'clear', ...clear },
      });
      const without = { ...submitted('upc-v1-none').data, reporter: null };
      expect(toComplaintEvent(stored('ComplaintSubmitted', 1, without))).toStrictEqual(submitted('upc-v1-none'));
    });

    it.each(['AgencyRenamed', 'complaintSubmitted', 'ComplaintClosed', ''])(
      'answers null for the event type "%s", which this domain does not know',
      (type) => {
        expect(toComplaintEvent(stored(type, 1, { complaintId: 'upc-unknown' }))).toBeNull();
      },
    );
  });

  describe('with one upcaster (v1 → v2)', () => {
    it('upcasts a v1 event to the current version', () => {
      const event = toComplaintEvent(stored('ComplaintSubmitted', 1, submittedV1('upc-one')), oneUpcaster, currentAtV2);
      const { confidential: _confidential, ...expected } = submitted('upc-one', {
        requestedAgencyCode: 'KAB-BANJAR-DINKES',
      }).data;
      expect(event).toStrictEqual({ type: 'ComplaintSubmitted', data: expected });
    });

    it('does not touch an event already at the current version', () => {
      const data = { ...submitted('upc-one-current').data, agency: 'must-stay' };
      expect(toComplaintEvent(stored('ComplaintSubmitted', 2, data), oneUpcaster, currentAtV2)).toStrictEqual({
        type: 'ComplaintSubmitted',
        data,
      });
    });

    it('leaves the stored data unchanged', () => {
      const data = submittedV1('upc-one-immutable');
      const copy = structuredClone(data);
      toComplaintEvent(stored('ComplaintSubmitted', 1, data), oneUpcaster, currentAtV2);
      expect(data).toStrictEqual(copy);
    });

    it('leaves other event types alone', () => {
      const event = forwarded('upc-one-other', 'KEMENKES');
      expect(
        toComplaintEvent(stored('ComplaintForwarded', 1, { ...event.data }), oneUpcaster, currentAtV2),
      ).toStrictEqual(event);
    });
  });

  describe('with a chain of two upcasters (v1 → v2 → v3)', () => {
    it('runs both, in order, on a v1 event', () => {
      const event = toComplaintEvent(
        stored('ComplaintSubmitted', 1, submittedV1('upc-chain')),
        twoUpcasters,
        currentAtV3,
      );
      expect(event).toStrictEqual(
        submitted('upc-chain', { requestedAgencyCode: 'KAB-BANJAR-DINKES', confidential: false }),
      );
    });

    it('runs only the second on a v2 event', () => {
      const { confidential: _confidential, ...v2 } = submitted('upc-chain-v2', {
        requestedAgencyCode: 'KEMENKES',
      }).data;
      const event = toComplaintEvent(
        stored('ComplaintSubmitted', 2, { ...v2, agency: 'ignored-by-v2' }),
        twoUpcasters,
        currentAtV3,
      );
      expect(event?.data).toMatchObject({
        requestedAgencyCode: 'KEMENKES',
        confidential: false,
        agency: 'ignored-by-v2',
      });
    });
  });

  describe('when an upcaster is missing', () => {
    it('throws UnsupportedEventVersion when no upcaster reads the stored version', () => {
      const read = () => toComplaintEvent(stored('ComplaintSubmitted', 1, submittedV1('upc-missing')), {}, currentAtV2);
      expect(read).toThrow(UnsupportedEventVersion);
      expect(read).toThrow(expect.objectContaining({ type: 'ComplaintSubmitted', schemaVersion: 1 }));
    });

    it('throws when the chain has a gap, even if the first step exists', () => {
      const read = (schemaVersion: number) => () =>
        toComplaintEvent(stored('ComplaintSubmitted', schemaVersion, submittedV1('upc-gap')), oneUpcaster, currentAtV3);
      expect(read(1)).toThrow(UnsupportedEventVersion);
      expect(read(2)).toThrow(expect.objectContaining({ name: 'UnsupportedEventVersion', schemaVersion: 2 }));
    });

    it('names the version it was trying to reach', () => {
      const read = () =>
        toComplaintEvent(stored('ComplaintSubmitted', 2, submittedV1('upc-message')), oneUpcaster, currentAtV3);
      expect(read).toThrow(/ComplaintSubmitted v2 into v3/);
    });
  });
});
