import { agencies, clock, operator, P14D, sealedContact, sp4n } from '../../../test/fixtures/complaint-events.js';
import { ActionNotAllowed, ComplaintAlreadyExists, InvalidComplaintInput } from './complaint.errors.js';
import { evolve, initialState, replay, type Complaint } from './complaint.js';
import { importSp4nComplaint, sp4nComplaintId, type ImportSp4nComplaint } from './import-sp4n-complaint.js';
import { submitComplaint } from './submit-complaint.js';
import { DeciderSpecification } from './testing/decider-specification.js';
import { trackingCodeFor } from './tracking-code.js';

const spec = DeciderSpecification.for({ decide: importSp4nComplaint, evolve, initialState });

const RECEIVED = new Date('2025-03-01T03:00:00.000Z');
const record = (overrides: Partial<ImportSp4nComplaint> = {}): ImportSp4nComplaint => ({
  nationalTrackingId: 'LAPOR-2025-000123',
  title: 'Antrean BPJS tidak tertib',
  description: 'Antrean di kantor cabang tidak tertib dan tanpa nomor urut sejak pagi.',
  type: 'COMPLAINT',
  requestedAgencyCode: 'KAB-BANJAR-DINKES',
  anonymous: true,
  reporter: sealedContact('key-sp4n-import', ['name', 'phone']),
  receivedAt: RECEIVED,
  actor: sp4n(),
  now: clock.now(),
  responseDeadline: P14D,
  agencies,
  ...overrides,
});

describe('importSp4nComplaint', () => {
  const id = sp4nComplaintId('LAPOR-2025-000123');
  const [imported] = importSp4nComplaint(record(), initialState());

  it('derives the complaint id from the national tracking id, and keeps that id', () => {
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sp4nComplaintId('LAPOR-2025-000123')).toBe(id);
    expect(sp4nComplaintId('LAPOR-2025-000124')).not.toBe(id);
    expect(imported?.data).toMatchObject({
      complaintId: id,
      trackingCode: trackingCodeFor(id),
      channel: 'SP4N',
      nationalTrackingId: 'LAPOR-2025-000123',
      anonymous: true,
      reporter: sealedContact('key-sp4n-import', ['name', 'phone']),
      reporterId: null,
      receivedAt: RECEIVED.toISOString(),
      dueAt: '2025-03-15T03:00:00.000Z',
    });
    expect(imported?.data.accessKeyHash).toBeUndefined();
    const state = replay(imported ? [imported] : []) as Complaint;
    expect(state.nationalTrackingId).toBe('LAPOR-2025-000123');
    expect(state.channel).toBe('SP4N');
  });

  it('decides nothing for a retry of the same record', () => {
    if (!imported) throw new Error('nothing imported');
    spec.given(imported).when(record()).then([]);
  });

  it('refuses a stream already holding another complaint', () => {
    const other = submitComplaint(
      {
        complaintId: id,
        trackingCode: trackingCodeFor(id),
        title: 'Sesuatu yang lain',
        description: 'Laporan lain yang kebetulan memakai id yang sama.',
        type: 'COMPLAINT',
        channel: 'WEB',
        actor: operator(),
        now: clock.now(),
        responseDeadline: P14D,
        agencies,
      },
      initialState(),
    );
    spec.given(other).when(record()).thenThrows(ComplaintAlreadyExists);
  });

  it('is for the SP4N integration only', () => {
    spec
      .given([])
      .when(record({ actor: operator() }))
      .thenThrows(ActionNotAllowed);
  });

  it('refuses a malformed national id and a receipt in the future', () => {
    spec
      .given([])
      .when(record({ nationalTrackingId: 'x' }))
      .thenThrows(InvalidComplaintInput);
    spec
      .given([])
      .when(record({ nationalTrackingId: 'bad id with spaces' }))
      .thenThrows(InvalidComplaintInput);
    spec
      .given([])
      .when(record({ receivedAt: new Date(clock.now().getTime() + 60_000) }))
      .thenThrows(InvalidComplaintInput, (e) => e.field === 'receivedAt');
  });
});
