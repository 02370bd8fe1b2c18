import { retryDelay } from './retry-delay.js';

describe('retryDelay', () => {
  const policy = { initialDelayMs: 100, maxDelayMs: 1_000 };

  it('doubles from the initial delay up to the ceiling', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelay(attempt, policy))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });

  it('stays at the ceiling for very many attempts instead of overflowing', () => {
    expect(retryDelay(10_000, policy)).toBe(1_000);
  });

  it('counts attempts from 1', () => {
    expect(() => retryDelay(0, policy)).toThrow(RangeError);
    expect(() => retryDelay(1.5, policy)).toThrow(RangeError);
  });
});
