import { randomUUID } from 'node:crypto';
import { findPriorAppend, type StoredRef } from './prior-append.js';

/** A stream of `count` events with fresh ids at revisions 0..count-1. */
function stream(count: number): StoredRef[] {
  return Array.from({ length: count }, (_, revision) => ({ id: randomUUID(), revision }));
}

const idsOf = (events: readonly StoredRef[]): string[] => events.map((event) => event.id);

describe('findPriorAppend', () => {
  it('finds an append whose ids are all there, in order, wherever it landed', () => {
    const stored = stream(5);

    expect(findPriorAppend(stored, idsOf(stored.slice(1, 3)))).toEqual({ kind: 'appended', last: stored[2] });
    expect(findPriorAppend(stored, idsOf(stored.slice(4)))).toEqual({ kind: 'appended', last: stored[4] });
  });

  it('pins the append to a revision when one is given', () => {
    const stored = stream(4);

    expect(findPriorAppend(stored, idsOf(stored.slice(2)), 2)).toEqual({ kind: 'appended', last: stored[3] });
    expect(findPriorAppend(stored, idsOf(stored.slice(2)), 1)).toEqual({ kind: 'conflict' });
  });

  it('says not appended when none of the ids is in the stream', () => {
    expect(findPriorAppend(stream(3), [randomUUID(), randomUUID()])).toEqual({ kind: 'not-appended' });
    expect(findPriorAppend([], [randomUUID()])).toEqual({ kind: 'not-appended' });
    expect(findPriorAppend(stream(3), [randomUUID()], 1)).toEqual({ kind: 'not-appended' });
    expect(findPriorAppend(stream(2), [randomUUID()], 9)).toEqual({ kind: 'not-appended' });
  });

  it('calls a partial, reordered or extended retry a conflict', () => {
    const stored = stream(3);

    expect(findPriorAppend(stored, [stored[1]!.id, randomUUID()])).toEqual({ kind: 'conflict' });
    expect(findPriorAppend(stored, [stored[1]!.id, stored[0]!.id])).toEqual({ kind: 'conflict' });
    expect(findPriorAppend(stored, [randomUUID(), stored[2]!.id])).toEqual({ kind: 'conflict' });
    expect(findPriorAppend(stored, [...idsOf(stored), randomUUID()])).toEqual({ kind: 'conflict' });
  });

  it('compares ids case-insensitively, since KurrentDB answers UUIDs in lower case', () => {
    const stored = stream(2);

    expect(
      findPriorAppend(
        stored,
        idsOf(stored).map((id) => id.toUpperCase()),
      ),
    ).toEqual({
      kind: 'appended',
      last: stored[1],
    });
  });

  it('treats an empty append as not appended', () => {
    expect(findPriorAppend(stream(2), [])).toEqual({ kind: 'not-appended' });
  });
});
