import { START as CLIENT_START } from '@kurrent/kurrentdb-client';
import { InvalidCheckpointError } from '../event-store.errors.js';
import { START, type Checkpoint } from '../event-store.port.js';
import { comparePositions, decodeCheckpoint, encodeCheckpoint, isAfter } from './checkpoint.js';

const MAX_U64 = 18_446_744_073_709_551_615n;

describe('KurrentDB checkpoints', () => {
  it('encode a $all position as "kurrentdb:commit:prepare" in decimal and decode it back', () => {
    const position = { commit: 1_056n, prepare: 1_024n };

    const checkpoint = encodeCheckpoint(position);

    expect(checkpoint).toBe('kurrentdb:1056:1024');
    expect(decodeCheckpoint(checkpoint)).toEqual(position);
  });

  it('keep positions beyond 2^53 exact, up to the unsigned 64-bit maximum', () => {
    for (const position of [
      { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
      { commit: MAX_U64, prepare: MAX_U64 - 1n },
      { commit: 0n, prepare: 0n },
    ]) {
      expect(decodeCheckpoint(encodeCheckpoint(position))).toEqual(position);
    }
  });

  it("read the port's START as the client's START", () => {
    expect(decodeCheckpoint(START)).toBe(CLIENT_START);
  });

  it('refuse positions outside the unsigned 64-bit range when encoding', () => {
    expect(() => encodeCheckpoint({ commit: -1n, prepare: 0n })).toThrow(RangeError);
    expect(() => encodeCheckpoint({ commit: 0n, prepare: MAX_U64 + 1n })).toThrow(RangeError);
  });

  it.each([
    ['an in-memory checkpoint', '42'],
    ['a PostgreSQL checkpoint (transaction id:position)', '745:12'],
    ['a prose string', 'start'],
    ['a negative commit', 'kurrentdb:-1:0'],
    ['leading zeros', 'kurrentdb:01:1'],
    ['a missing prepare', 'kurrentdb:10:'],
    ['spaces', ' kurrentdb:10:10'],
    ['three numbers', 'kurrentdb:1:2:3'],
    ['a commit beyond 2^64', `kurrentdb:${MAX_U64 + 1n}:0`],
  ])('refuse %s with InvalidCheckpointError', (_, text) => {
    expect(() => decodeCheckpoint(text as Checkpoint)).toThrow(InvalidCheckpointError);
  });

  it('order positions by commit, then by prepare', () => {
    expect(comparePositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 0n })).toBeLessThan(0);
    expect(comparePositions({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 0n })).toBeGreaterThan(0);
    expect(comparePositions({ commit: 2n, prepare: 1n }, { commit: 2n, prepare: 1n })).toBe(0);
  });

  it('say an event is after a position only when it comes strictly later, and after START always', () => {
    const at = { commit: 500n, prepare: 500n };

    expect(isAfter({ commit: 600n, prepare: 600n }, at)).toBe(true);
    expect(isAfter(at, at)).toBe(false);
    expect(isAfter({ commit: 400n, prepare: 400n }, at)).toBe(false);
    expect(isAfter({ commit: 0n, prepare: 0n }, CLIENT_START)).toBe(true);
  });
});
