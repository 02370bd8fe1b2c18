import { COMPLAINT_EVENT_TYPES, SCHEMA_VERSIONS, type ComplaintEvent, type DeadlineWindow } from '#aduan/complaints';
import type { Checkpoint, RecordedEvent } from '#aduan/event-store';
import { renderTimeline } from './timeline.js';

const ID = '0b7c5e0e-4a55-4f0e-9d3a-5d2b1c9e8f01';
const AT = '2026-03-02T01:00:00.000Z';
const REPORTER = { name: 'Wa Ode Sitti', email: 'waode.sitti@example.id', phone: '081234567890' };
/** What a reporter may volunteer in their own texts. */
const VOLUNTEERED = `hubungi saya di ${REPORTER.phone}`;
const windowOf = (kind: DeadlineWindow['kind'], dueAt: string): DeadlineWindow => ({
  kind,
  rule: kind === 'REMEDY' ? 'REMEDY' : kind,
  priority: 'NORMAL',
  span: 'P14D',
  startedAt: AT,
  dueAt,
  warnAt: null,
});
const PRECONDITIONS = {
  matterOccurredAt: '2026-03-01T00:00:00.000Z',
  reportedAt: '2026-03-20T00:00:00.000Z',
  reportLimit: 'P24M',
  reportLimitEndsAt: '2028-03-01T00:00:00.000Z',
};

type Data<T extends ComplaintEvent['type']> = Extract<ComplaintEvent, { type: T }>['data'];

/** One event of every type (the compiler insists on each), with the reporter's words where they write any. */
const SAMPLES: { [T in ComplaintEvent['type']]: Data<T> } = {
  ComplaintSubmitted: {
    complaintId: ID,
    trackingCode: 'LPR-AAAA-BBBB-CCCC',
    title: 'Air PDAM mati',
    description: `Air PDAM mati tiga hari; ${VOLUNTEERED}`,
    complaintType: 'COMPLAINT',
    channel: 'WHATSAPP',
    requestedAgencyCode: 'KOTA-KENDARI',
    anonymous: true,
    confidential: false,
    reporter: { form: 'clear', ...REPORTER },
    reporterId: null,
    receivedAt: AT,
    dueAt: '2026-03-16T01:00:00.000Z',
  },
  ComplaintForwarded: {
    complaintId: ID,
    fromAgencyCode: null,
    toAgencyCode: 'KOTA-KENDARI',
    note: null,
    forwardedAt: AT,
  },
  ComplaintResponded: {
    complaintId: ID,
    agencyCode: 'KOTA-KENDARI',
    message: 'Pipa diperbaiki',
    respondedAt: AT,
    onTime: true,
  },
  ComplaintEscalated: {
    complaintId: ID,
    reason: VOLUNTEERED,
    source: 'REPORTER',
    agencyCode: 'KOTA-KENDARI',
    escalatedAt: AT,
  },
  ComplaintSanctioned: {
    complaintId: ID,
    sanctionedAgencyCode: 'KOTA-KENDARI',
    officialName: null,
    kind: 'WRITTEN_REPRIMAND',
    reason: 'Lalai menanggapi',
    sanctionedAt: AT,
  },
  ComplaintVerified: { complaintId: ID, note: 'Lengkap', verifiedAt: AT },
  ComplaintClassified: {
    complaintId: ID,
    category: 'INFRASTRUCTURE',
    priority: 'URGENT',
    deadlines: [],
    dueAt: '2026-03-05T01:00:00.000Z',
    classifiedAt: AT,
  },
  ComplaintPrivacyChanged: { complaintId: ID, anonymous: true, confidential: true, changedAt: AT },
  ComplaintPutOnHold: { complaintId: ID, reason: 'Mohon sebutkan lokasi', heldAt: AT },
  ComplaintInformationAdded: {
    complaintId: ID,
    information: `Di Kendari Barat; ${VOLUNTEERED}`,
    resumed: true,
    deadlines: [],
    dueAt: '2026-03-18T01:00:00.000Z',
    addedAt: AT,
  },
  ComplaintReturned: {
    complaintId: ID,
    fromAgencyCode: 'KOTA-KENDARI',
    toAgencyCode: null,
    reason: 'Bukan kewenangan kami',
    deadlines: [],
    returnedAt: AT,
  },
  ComplaintArchived: {
    complaintId: ID,
    reason: 'DUPLICATE',
    note: null,
    duplicateOfId: '9d1f0f1e-0000-4000-8000-000000000001',
    archivedAt: AT,
  },
  ComplaintClosedByReporter: { complaintId: ID, rating: 4, comment: VOLUNTEERED, closedAt: AT },
  ComplaintAutoClosed: { complaintId: ID, agencyCode: 'KOTA-KENDARI', closedAt: AT },
  ComplaintRated: { complaintId: ID, rating: 2, comment: VOLUNTEERED, ratedAt: AT },
  ComplaintReopened: {
    complaintId: ID,
    reason: VOLUNTEERED,
    toAgencyCode: 'KOTA-KENDARI',
    deadlines: [],
    dueAt: '2026-04-01T01:00:00.000Z',
    reopenedAt: AT,
  },
  ComplaintConcluded: { complaintId: ID, finding: 'RESOLVED', reason: 'Sudah diselesaikan', concludedAt: AT },
  ComplaintFieldCheckOrdered: {
    complaintId: ID,
    reason: 'Perlu cek lapangan',
    deadlines: [windowOf('DISPUTE', '2026-05-01T00:00:00.000Z')],
    orderedAt: AT,
  },
  ComplaintSanctionRemedied: { complaintId: ID, agencyCode: 'KOTA-KENDARI', note: 'Sudah diperbaiki', remediedAt: AT },
  ComplaintDeadlineWarned: {
    complaintId: ID,
    kind: 'RESPONSE',
    dueAt: '2026-03-16T01:00:00.000Z',
    agencyCode: 'KOTA-KENDARI',
    warnedAt: AT,
  },
  ComplaintDeadlineBreached: {
    complaintId: ID,
    kind: 'RECOMMENDATION',
    dueAt: '2026-05-20T00:00:00.000Z',
    agencyCode: 'KOTA-KENDARI',
    breachedAt: AT,
  },
  ComplaintAcceptedByOmbudsman: {
    complaintId: ID,
    officeCode: 'OMBUDSMAN-SULTRA',
    preconditions: {
      ...PRECONDITIONS,
      priorComplaint: { basis: 'STATED_BY_OMBUDSMAN', agencyCode: 'KOTA-KENDARI', statement: VOLUNTEERED },
      failed: [],
    },
    note: 'Diperiksa',
    acceptedAt: AT,
  },
  ComplaintRejectedByOmbudsman: {
    complaintId: ID,
    officeCode: 'OMBUDSMAN-RI',
    preconditions: { ...PRECONDITIONS, priorComplaint: null, failed: ['COMPLAINED_TO_AGENCY_FIRST'] },
    grounds: ['OUTSIDE_AUTHORITY'],
    explanation: 'Mengadu dahulu ke PDAM',
    rejectedAt: AT,
  },
  ComplaintRecommendationIssued: {
    complaintId: ID,
    officeCode: 'OMBUDSMAN-SULTRA',
    recommendationNumber: 1,
    agencyCode: 'KOTA-KENDARI',
    recommendation: 'Pulihkan aliran air',
    receivedAt: AT,
    issuedAt: AT,
    deadlines: [windowOf('RECOMMENDATION', '2026-05-01T01:00:00.000Z')],
  },
  ComplaintRecommendationImplemented: {
    complaintId: ID,
    recommendationNumber: 1,
    agencyCode: 'KOTA-KENDARI',
    reportedByAgencyCode: null,
    note: 'Aliran pulih',
    dueAt: '2026-05-01T01:00:00.000Z',
    onTime: false,
    implementedAt: AT,
  },
  ReporterIdentityErased: { complaintId: ID, erasedAt: AT },
};

const recorded = (type: ComplaintEvent['type'], revision: number): RecordedEvent => ({
  id: `00000000-0000-4000-8000-${String(revision).padStart(12, '0')}`,
  type,
  data: SAMPLES[type] as unknown as Record<string, unknown>,
  metadata: {
    correlationId: 'c',
    causationId: 'c',
    actor: { id: 'operator-1', role: 'operator', agencyCode: null },
    occurredAt: AT,
    schemaVersion: type === 'ComplaintSubmitted' ? 1 : SCHEMA_VERSIONS[type],
  },
  streamName: `complaint-${ID}`,
  revision,
  position: BigInt(revision + 1),
  checkpoint: String(revision) as Checkpoint,
  recordedAt: new Date(AT),
});

const EVENTS = COMPLAINT_EVENT_TYPES.map(recorded);
const gistOfType = (lines: string[], type: string) =>
  lines
    .find((line) => line.includes(` ${type} `))
    ?.split('\n')[1]
    ?.trim();

describe('replay timeline', () => {
  const lines = renderTimeline(EVENTS, { showReporter: false });

  it('describes every event type in words: no raw data, nothing undescribed', () => {
    expect(lines).toHaveLength(COMPLAINT_EVENT_TYPES.length);
    for (const line of lines) {
      expect(line).not.toMatch(/[{}]|"complaintId"|not described|not a complaint event/);
    }
  });

  it("shows the Ombudsman's examination and the erasure readably", () => {
    expect(gistOfType(lines, 'ComplaintAcceptedByOmbudsman')).toBe(
      'OMBUDSMAN-SULTRA accepted it for examination: complained to the agency first (STATED_BY_OMBUDSMAN, KOTA-KENDARI), matter of 2026-03-01T00:00:00.000Z reported within P24M: "Diperiksa"',
    );
    expect(gistOfType(lines, 'ComplaintRejectedByOmbudsman')).toBe(
      'OMBUDSMAN-RI did not accept it for examination (COMPLAINED_TO_AGENCY_FIRST failed, OUTSIDE_AUTHORITY): "Mengadu dahulu ke PDAM"',
    );
    expect(gistOfType(lines, 'ComplaintRecommendationIssued')).toBe(
      'OMBUDSMAN-SULTRA recommendation 1 to KOTA-KENDARI, received 2026-03-02T01:00:00.000Z, due 2026-05-01T01:00:00.000Z: "Pulihkan aliran air"',
    );
    expect(gistOfType(lines, 'ComplaintRecommendationImplemented')).toBe(
      'the Ombudsman reported recommendation 1 to KOTA-KENDARI implemented LATE (due 2026-05-01T01:00:00.000Z): "Aliran pulih"',
    );
    expect(gistOfType(lines, 'ComplaintDeadlineBreached')).toBe(
      'RECOMMENDATION deadline due 2026-05-20T00:00:00.000Z passed for KOTA-KENDARI',
    );
    expect(gistOfType(lines, 'ReporterIdentityErased')).toBe(
      "the reporter's identity erased: their contact reads [erased] everywhere",
    );
  });

  it("prints no contact, and none of the reporter's own texts, unless asked", () => {
    const text = lines.join('\n');
    for (const value of Object.values(REPORTER)) expect(text).not.toContain(value);
    expect(text).toContain('reporter: [hidden; --show-reporter]');
    expect(gistOfType(lines, 'ComplaintRated')).toBe(
      `rated 2/5: [the reporter's text, ${VOLUNTEERED.length} characters; --show-reporter]`,
    );
    const shown = renderTimeline(EVENTS, {
      showReporter: true,
      contact: { name: '[erased]', email: '[erased]', phone: '[erased]', erased: true },
    });
    expect(gistOfType(shown, 'ComplaintRated')).toBe(`rated 2/5: "${VOLUNTEERED}"`);
    // The contact printed is the one opened now (erased here), never the event's own copy.
    expect(shown.join('\n')).toContain('reporter: [erased]');
    expect(shown.join('\n')).not.toContain(REPORTER.name);
  });
});
