import { TokenBuckets } from './token-buckets.js';

describe('token buckets', () => {
  it('lets a key burst up to the limit, then refills it evenly over a minute', () => {
    let now = 0;
    const buckets = new TokenBuckets(6, () => now);
    for (let i = 0; i < 6; i++) expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(buckets.take('b')).toEqual({ allowed: true });
    now = 10_000;
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a').allowed).toBe(false);
    now = 10 * 60_000;
    for (let i = 0; i < 6; i++) expect(buckets.take('a').allowed).toBe(true);
  });

  it('takes several tokens at once, and says when a cost can never fit', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, () => now);
    expect(buckets.take('a', 2)).toEqual({ allowed: true });
    expect(buckets.take('a', 2)).toEqual({ allowed: false, retryAfterSeconds: 20 });
    now = 20_000;
    expect(buckets.take('a', 2)).toEqual({ allowed: true });
    expect(buckets.take('b', 4).allowed).toBe(false);
  });

  it('never holds more keys than its bound, forgetting the longest idle first', () => {
    let now = 0;
    const buckets = new TokenBuckets(1, () => now, 3);
    for (const key of ['a', 'b', 'c', 'd']) {
      now += 1;
      buckets.take(key);
    }
    expect(buckets.size).toBe(3);
    // 'a' was forgotten, so it starts again full; 'd' is still empty.
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('d').allowed).toBe(false);
  });
});
