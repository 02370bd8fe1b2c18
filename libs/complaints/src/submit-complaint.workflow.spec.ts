import { agencies, citizen, clock, P14D, publicCaller, submitted } from '../../../test/fixtures/complaint-events.js';
import { ACCESS_KEY, schedule, scheduleWith, windowOf } from '../../../test/fixtures/workflow.js';
import { InvalidComplaintInput } from './complaint.errors.js';
import { deadlinesOf, replay, workflowOf, type Complaint } from './complaint.js';
import { accessKeyMatches, formatAccessKey, hashAccessKey, isReporter, normalizeAccessKey } from './reporter-access.js';
import { submitComplaint, type SubmitComplaint } from './submit-complaint.js';
import { trackingCodeFor } from './tracking-code.js';
import { uuidV5 } from './deterministic-id.js';

const submit = (complaintId: string, overrides: Partial<SubmitComplaint> = {}): SubmitComplaint => ({
  complaintId,
  trackingCode: trackingCodeFor(complaintId),
  title: submitted('x').data.title,
  description: submitted('x').data.description,
  type: 'COMPLAINT',
  channel: 'WEB',
  actor: publicCaller(),
  now: clock.now(),
  responseDeadline: P14D,
  agencies,
  schedule,
  ...overrides,
});
const stateOf = (command: SubmitComplaint): Complaint =>
  replay([submitComplaint(command, { status: 'NONE' })]) as Complaint;

describe('submitComplaint with the workflow', () => {
  it('records the TRIAGE and RESPONSE deadlines on receipt; RESPONSE is dueAt', () => {
    const event = submitComplaint(submit('subw-deadlines'), { status: 'NONE' });
    const triage = windowOf('TRIAGE', clock.now());
    const response = windowOf('RESPONSE', clock.now());
    expect(event.data).toMatchObject({
      priority: 'NORMAL',
      category: null,
      deadlines: [triage, response],
      dueAt: response.dueAt,
    });
    expect(response).toMatchObject({
      span: 'P14D',
      dueAt: '2025-03-17T01:00:00.000Z',
      warnAt: '2025-03-13T13:00:00.000Z',
    });
    expect(triage).toMatchObject({ span: '3WD', dueAt: '2025-03-06T17:00:00.000Z' });
    expect(deadlinesOf(stateOf(submit('subw-deadlines'))).map((d) => [d.kind, d.status])).toEqual([
      ['TRIAGE', 'OPEN'],
      ['RESPONSE', 'OPEN'],
    ]);
  });

  it('gives an URGENT report (health, life, safety) the shorter deadlines', () => {
    const event = submitComplaint(submit('subw-urgent', { priority: 'URGENT', category: 'HEALTH' }), {
      status: 'NONE',
    });
    expect(event.data.deadlines?.map((w) => [w.kind, w.span, w.dueAt])).toEqual([
      ['TRIAGE', '1WD', '2025-03-04T17:00:00.000Z'],
      ['RESPONSE', 'P3D', '2025-03-06T01:00:00.000Z'],
    ]);
    expect(event.data.dueAt).toBe('2025-03-06T01:00:00.000Z');
    expect(event.data).toMatchObject({ priority: 'URGENT', category: 'HEALTH' });
  });

  it('follows RESPONSE_DEADLINE for the legal deadline (PT2S in tests)', () => {
    const event = submitComplaint(submit('subw-pt2s', { schedule: scheduleWith({ RESPONSE_DEADLINE: 'PT2S' }) }), {
      status: 'NONE',
    });
    expect(event.data.dueAt).toBe('2025-03-03T01:00:02.000Z');
    expect(event.data.deadlines?.[1]).toMatchObject({ span: 'PT2S', warnAt: '2025-03-03T01:00:01.500Z' });
  });

  it('refuses an unknown priority or category', () => {
    expect(() => submitComplaint(submit('subw-bad', { priority: 'LOW' }), { status: 'NONE' })).toThrow(
      InvalidComplaintInput,
    );
    expect(() => submitComplaint(submit('subw-bad', { category: 'SPORTS' }), { status: 'NONE' })).toThrow(
      InvalidComplaintInput,
    );
  });

  describe('access key', () => {
    it('is kept, as a hash only, for a reporter without an account', () => {
      const event = submitComplaint(submit('subw-key', { accessKey: ACCESS_KEY }), { status: 'NONE' });
      expect(event.data.accessKeyHash).toBe(hashAccessKey(ACCESS_KEY));
      expect(JSON.stringify(event)).not.toContain(normalizeAccessKey(ACCESS_KEY));
      const state = stateOf(submit('subw-key', { accessKey: ACCESS_KEY }));
      expect(isReporter(publicCaller(), state, ACCESS_KEY)).toBe(true);
      expect(isReporter(publicCaller(), state, ' k7q2m9xa3dte4hbw81nc ')).toBe(true);
      expect(isReporter(publicCaller(), state, 'K7Q2M-9XA3D-TE4HB-W81ND')).toBe(false);
      expect(isReporter(publicCaller(), state, null)).toBe(false);
    });

    it('is kept for an anonymous report by a citizen, and not needed by a named one', () => {
      expect(
        submitComplaint(submit('subw-anon', { actor: citizen('c-1'), anonymous: true, accessKey: ACCESS_KEY }), {
          status: 'NONE',
        }).data.accessKeyHash,
      ).toBe(hashAccessKey(ACCESS_KEY));
      expect(
        submitComplaint(submit('subw-named', { actor: citizen('c-1'), accessKey: ACCESS_KEY }), { status: 'NONE' })
          .data,
      ).not.toHaveProperty('accessKeyHash');
      expect(workflowOf(stateOf(submit('subw-named', { actor: citizen('c-1') }))).accessKeyHash).toBeNull();
    });

    it('is formatted from random bytes in Crockford base32 and compared in constant time', () => {
      const key = formatAccessKey(new Uint8Array(13).fill(255));
      expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
      expect(accessKeyMatches(key, hashAccessKey(key))).toBe(true);
      expect(accessKeyMatches(key, null)).toBe(false);
      expect(() => formatAccessKey(new Uint8Array(4))).toThrow(RangeError);
    });
  });

  it('derives stable name-based ids (UUIDv5) for idempotent intake', () => {
    // The RFC 9562 example: the DNS namespace and "www.example.com".
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(uuidV5('sms:msg-1')).toBe(uuidV5('sms:msg-1'));
    expect(uuidV5('sms:msg-1')).not.toBe(uuidV5('sms:msg-2'));
  });
});
