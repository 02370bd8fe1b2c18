/** Time as an input, so decisions are testable and deadline tests can move it. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');
export const systemClock: Clock = { now: () => new Date() };
