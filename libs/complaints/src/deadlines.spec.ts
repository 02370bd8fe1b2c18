import fc from 'fast-check';
import {
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  startDeadlines,
  type DeadlineRecord,
  type DeadlineWindow,
} from './deadlines.js';

/** The rule as first written: each window cancels the OPEN records of its kind, then opens its own. */
function startDeadlinesAsSpecified(
  records: readonly DeadlineRecord[],
  windows: readonly DeadlineWindow[],
): readonly DeadlineRecord[] {
  let next = records;
  for (const window of windows) {
    next = next.map((r) =>
      r.status === 'OPEN' && r.kind === window.kind ? { ...r, status: 'CANCELLED', closedAt: window.startedAt } : r,
    );
    next = [...next, { ...window, status: 'OPEN', warnedAt: null, breachedAt: null, closedAt: null }];
  }
  return next;
}

const iso = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const windowArb: fc.Arbitrary<DeadlineWindow> = fc.record({
  kind: fc.constantFrom(...DEADLINE_KINDS),
  rule: fc.constantFrom('TRIAGE', 'RESPONSE', 'DISPUTE_FIELD_CHECK' as const),
  priority: fc.constantFrom('NORMAL', 'URGENT' as const),
  span: fc.constantFrom('3WD', 'P14D'),
  startedAt: iso,
  dueAt: iso,
  warnAt: fc.option(iso, { nil: null }),
});
const recordArb: fc.Arbitrary<DeadlineRecord> = fc
  .tuple(windowArb, fc.constantFrom(...DEADLINE_STATUSES), fc.option(iso, { nil: null }))
  .map(([window, status, closedAt]) => ({ ...window, status, warnedAt: null, breachedAt: null, closedAt }));

describe('startDeadlines', () => {
  it('opens each window and supersedes the OPEN deadline of its kind, as the rule says (property)', () => {
    fc.assert(
      fc.property(fc.array(recordArb, { maxLength: 8 }), fc.array(windowArb, { maxLength: 4 }), (records, windows) => {
        const frozen = structuredClone(records);
        expect(startDeadlines(records, windows)).toEqual(startDeadlinesAsSpecified(records, windows));
        expect(records).toEqual(frozen);
      }),
      { numRuns: 500 },
    );
  });

  it('answers the same list when no window starts', () => {
    const records: DeadlineRecord[] = [];
    expect(startDeadlines(records, undefined)).toBe(records);
    expect(startDeadlines(records, [])).toBe(records);
  });
});
