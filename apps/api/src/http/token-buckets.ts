export type Verdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * One token bucket per key: `perMinute` tokens at most, refilled evenly over a minute, so a client
 * may burst up to the limit and then goes at the refill rate. In memory, per process: behind a load
 * balancer each instance counts on its own. The map never holds more than `maxKeys` keys (the
 * longest-idle ones are forgotten first).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 100_000,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Takes `cost` tokens from the key's bucket, or answers how long until there will be enough. */
  take(key: string, cost = 1): Verdict {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    // Re-inserted on every use, so the map's order runs from the longest idle to the latest.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.evictLongestIdle();
    if (cost <= bucket.tokens) {
      bucket.tokens -= cost;
      return { allowed: true };
    }
    const missing = Math.min(cost, this.perMinute) - bucket.tokens;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / this.refillPerMs / 1000)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  /** A forgotten key starts again with a full bucket; the longest idle are the likeliest to be full anyway. */
  private evictLongestIdle(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) return;
      this.buckets.delete(key);
    }
  }
}
