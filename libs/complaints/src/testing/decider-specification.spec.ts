import { DeciderSpecification } from './decider-specification.js';

/** A toy counter decider, so the helper's own failures can be checked without the complaint rules. */
type CounterEvent = { type: 'Added'; by: number };
class TooLarge extends Error {
  constructor(readonly limit: number) {
    super(`over ${limit}`);
  }
}
const add = (amount: number, total: number): CounterEvent | CounterEvent[] => {
  if (total + amount > 10) throw new TooLarge(10);
  return amount === 0 ? [] : { type: 'Added', by: amount };
};
const spec = DeciderSpecification.for({
  decide: add,
  evolve: (total: number, event: CounterEvent) => total + event.by,
  initialState: () => 0,
});

describe('DeciderSpecification', () => {
  it('folds the given events before deciding', () => {
    spec
      .given([
        { type: 'Added', by: 4 },
        { type: 'Added', by: 5 },
      ])
      .when(1)
      .then({ type: 'Added', by: 1 });
    spec
      .given([
        { type: 'Added', by: 4 },
        { type: 'Added', by: 5 },
      ])
      .when(2)
      .thenThrows(TooLarge);
  });

  it('accepts one event or a list, and no history at all', () => {
    spec
      .given({ type: 'Added', by: 10 })
      .when(1)
      .thenThrows(TooLarge, (error) => error.limit === 10);
    spec.given().when(0).then([]);
  });

  it('fails when the decided events differ', () => {
    expect(() => spec.given([]).when(3).then({ type: 'Added', by: 4 })).toThrow();
    expect(() => spec.given([]).when(3).then([])).toThrow();
  });

  it('fails thenThrows when nothing is thrown, showing what was decided', () => {
    expect(() => spec.given([]).when(3).thenThrows(TooLarge)).toThrow(
      /Expected TooLarge but the decider returned \[\{"type":"Added","by":3\}\]/,
    );
  });

  it('fails thenThrows on another error class or when the check answers false', () => {
    expect(() => spec.given([]).when(11).thenThrows(RangeError)).toThrow(/Expected RangeError but got Error: over 10/);
    expect(() =>
      spec
        .given([])
        .when(11)
        .thenThrows(TooLarge, (error) => error.limit === 5),
    ).toThrow(/does not match/);
  });

  it('fails then when the decider throws', () => {
    expect(() => spec.given([]).when(11).then([])).toThrow(TooLarge);
  });

  it('returns the error for further assertions', () => {
    expect(spec.given([]).when(12).thenThrows(TooLarge).message).toBe('over 10');
  });
});
