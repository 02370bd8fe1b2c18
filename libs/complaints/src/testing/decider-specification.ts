/**
 * Given/when/then for deciders, after Emmett's DeciderSpecification. The given events are folded
 * with `evolve` from `initialState`, the command is decided on that state, and the decided events
 * (or the error thrown) are compared with the expectation. Deciding is deferred to `then` /
 * `thenThrows`, so an error anywhere in given or when is reported by the assertion, not by setup.
 *
 * One specification per command: `DeciderSpecification.for({ decide: forwardComplaint, evolve, initialState })`.
 */
export interface Decider<Command, Event, State, Decided extends Event = Event> {
  readonly decide: (command: Command, state: State) => Decided | readonly Decided[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

export type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

const asList = <T>(items: T | readonly T[]): readonly T[] => (Array.isArray(items) ? items : [items as T]);

export const DeciderSpecification = {
  for: <Command, Event, State, Decided extends Event>(decider: Decider<Command, Event, State, Decided>) => ({
    given: (history: Event | readonly Event[] = []) => ({
      when: (command: Command) => {
        const decide = (): readonly Decided[] => {
          const state = asList(history).reduce(
            (s: State, event: Event) => decider.evolve(s, event),
            decider.initialState(),
          );
          return asList(decider.decide(command, state));
        };
        return {
          /** The command yields exactly these events, field for field. */
          then: (expected: Decided | readonly Decided[]): void => {
            expect(decide()).toStrictEqual(asList(expected));
          },
          /** The command is refused with this error class; `check` may assert on the error or return false to fail. */
          thenThrows: <E extends Error>(errorClass: ErrorClass<E>, check?: (error: E) => boolean | void): E => {
            let decided: readonly Decided[];
            try {
              decided = decide();
            } catch (error) {
              const mismatch = !(error instanceof errorClass)
                ? `Expected ${errorClass.name} but got ${String(error)}`
                : check?.(error) === false
                  ? `${errorClass.name} does not match: ${String(error)}`
                  : null;
              if (mismatch) throw new Error(mismatch, { cause: error });
              return error as E;
            }
            throw new Error(`Expected ${errorClass.name} but the decider returned ${JSON.stringify(decided)}`);
          },
        };
      },
    }),
  }),
};
