import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '../event-store.errors.js';
import { actualRevision, isStreamNotFound, isTransient, toWrongExpectedRevision } from './error-mapping.js';

/** What the client's gRPC append path rejects with when no node answers (seen against a closed port). */
function rawGrpcError(code: number, message: string): Error {
  return Object.assign(new Error(message), { code, details: message });
}

describe('KurrentDB error mapping', () => {
  describe('WrongExpectedVersionError → WrongExpectedRevisionError', () => {
    it('carries the stream, the expectation and the actual revision', () => {
      const clientError = new WrongExpectedVersionError(undefined, {
        streamName: 'complaint-1',
        expected: 3n,
        current: 5n,
      });

      const error = toWrongExpectedRevision(clientError);

      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({
        streamName: 'complaint-1',
        expected: 3,
        actual: 5,
        code: 'WRONG_EXPECTED_REVISION',
      });
    });

    it('reads an absent stream (no_stream) as actual null', () => {
      const clientError = new WrongExpectedVersionError(undefined, {
        streamName: 'complaint-2',
        expected: 'stream_exists',
        current: 'no_stream',
      });

      expect(toWrongExpectedRevision(clientError)).toMatchObject({ expected: 'stream-exists', actual: null });
    });

    it("decodes the server's v2 revision-conflict details (-1 is no_stream) through the client", () => {
      const clientError = WrongExpectedVersionError.fromRevisionConflict({
        stream: 'complaint-3',
        expectedRevision: '-1',
        actualRevision: '2',
      });

      expect(clientError.expectedState).toBe('no_stream');
      expect(toWrongExpectedRevision(clientError)).toMatchObject({
        streamName: 'complaint-3',
        expected: 'no-stream',
        actual: 2,
      });
    });

    it("reports the caller's own expectation when the adapter sent a sharper one", () => {
      const sentExact = new WrongExpectedVersionError(undefined, {
        streamName: 'complaint-4',
        expected: 7n,
        current: 8n,
      });

      expect(toWrongExpectedRevision(sentExact, 'any')).toMatchObject({ expected: 'any', actual: 8 });
    });

    it('reads deleted (-5) and tombstoned (-6) streams as having no last event', () => {
      expect(actualRevision(-5n)).toBeNull();
      expect(actualRevision(-6n)).toBeNull();
      expect(actualRevision('no_stream')).toBeNull();
      expect(actualRevision(0n)).toBe(0);
    });
  });

  it('recognises only the StreamNotFoundError of a read as "stream not found"', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 'complaint-5'))).toBe(true);
    expect(isStreamNotFound(StreamDeletedError.fromStreamName('complaint-5'))).toBe(false);
    expect(isStreamNotFound(new Error('complaint-5 not found'))).toBe(false);
  });

  describe('isTransient', () => {
    const notLeader = new NotLeaderError({
      code: 5,
      details: 'Leader info available',
      message: '5 NOT_FOUND: Leader info available',
      name: 'Error',
      metadata: { getMap: () => ({ 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' }) },
    } as unknown as ConstructorParameters<typeof NotLeaderError>[0]);

    it.each<[string, unknown]>([
      ['UnavailableError', new UnavailableError()],
      ['DeadlineExceededError', new DeadlineExceededError()],
      ['TimeoutError', new TimeoutError()],
      ['CancelledError (server-side)', new CancelledError()],
      ['NotLeaderError', notLeader],
      ['a raw gRPC UNAVAILABLE (14)', rawGrpcError(14, 'No connection established')],
      ['a raw gRPC DEADLINE_EXCEEDED (4)', rawGrpcError(4, 'Deadline exceeded')],
      ['a raw gRPC ABORTED (10)', rawGrpcError(10, 'Aborted')],
    ])('retries after %s', (_, error) => {
      expect(isTransient(error)).toBe(true);
    });

    it.each<[string, unknown]>([
      [
        'WrongExpectedVersionError',
        new WrongExpectedVersionError(undefined, { streamName: 's', expected: 0n, current: 1n }),
      ],
      ['StreamNotFoundError', new StreamNotFoundError(undefined, 's')],
      ['AccessDeniedError', new AccessDeniedError()],
      ['StreamDeletedError', StreamDeletedError.fromStreamName('s')],
      ['UnknownError', new UnknownError()],
      ['a raw gRPC INVALID_ARGUMENT (3)', rawGrpcError(3, 'Invalid argument')],
      ['a plain Error', new Error('boom')],
      ['a string', 'boom'],
      ['undefined', undefined],
    ])('gives up after %s', (_, error) => {
      expect(isTransient(error)).toBe(false);
    });

    it('knows the client error classes by their type, as the client tags them', () => {
      expect(new UnavailableError().type).toBe('unavailable');
      expect(notLeader.leader).toEqual({ address: 'node2', port: 2113 });
    });
  });
});
