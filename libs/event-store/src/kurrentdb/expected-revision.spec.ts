import { ANY, NO_STREAM, STREAM_EXISTS } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../event-store.port.js';
import { fromStreamState, revisionToNumber, toStreamState } from './expected-revision.js';

describe('expected revision mapping', () => {
  it.each<[ExpectedRevision, unknown]>([
    ['any', ANY],
    ['no-stream', NO_STREAM],
    ['stream-exists', STREAM_EXISTS],
    [0, 0n],
    [41, 41n],
    [Number.MAX_SAFE_INTEGER, 9_007_199_254_740_991n],
  ])("sends the port's %p as the client's streamState %p", (expected, streamState) => {
    expect(toStreamState(expected)).toBe(streamState);
  });

  it('uses the client constants, whose values are the wire names', () => {
    expect([ANY, NO_STREAM, STREAM_EXISTS]).toEqual(['any', 'no_stream', 'stream_exists']);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses the revision %p', (revision) => {
    expect(() => toStreamState(revision)).toThrow(RangeError);
  });

  it.each<ExpectedRevision>(['any', 'no-stream', 'stream-exists', 0, 7])(
    'maps %p there and back unchanged',
    (expected) => {
      expect(fromStreamState(toStreamState(expected))).toBe(expected);
    },
  );

  it('turns bigint revisions into numbers only while they are exact', () => {
    expect(revisionToNumber(12n)).toBe(12);
    expect(() => revisionToNumber(-1n)).toThrow(RangeError);
    expect(() => revisionToNumber(2n ** 53n)).toThrow(RangeError);
  });
});
