import type { RetryPolicy } from '../subscription/polling-subscription.js';

/**
 * Delay before retry number `attempt` (1-based) of a dropped subscription: doubles from the policy's initial
 * delay up to its ceiling. Deterministic (no jitter): a KurrentDB subscription is one long-lived stream per
 * projector, so lock-step retries of many short polls, which jitter exists for, do not arise.
 */
export function retryDelay(attempt: number, policy: RetryPolicy): number {
  if (!Number.isSafeInteger(attempt) || attempt < 1) throw new RangeError(`attempt is 1-based, got ${attempt}`);
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt - 1, 30));
}
