import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../core/api/token-bucket';

const limit = { perSecond: 2, burst: 3 };

describe('token buckets', () => {
  it('allows the burst, then rejects with a retry time', () => {
    const buckets = new TokenBuckets();
    const results = Array.from({ length: 4 }, () => buckets.take('a', limit, 0));
    expect(results.map((result) => result.allowed)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it('refills at the rate per second up to the burst', () => {
    const buckets = new TokenBuckets();
    for (let index = 0; index < 3; index += 1) buckets.take('a', limit, 0);
    expect(buckets.take('a', limit, 499).allowed).toBe(false);
    expect(buckets.take('a', limit, 1_000).allowed).toBe(true);
    expect(buckets.take('a', limit, 1_000).allowed).toBe(true);
    expect(buckets.take('a', limit, 1_000).allowed).toBe(false);
    const later = Array.from({ length: 4 }, () => buckets.take('a', limit, 60_000).allowed);
    expect(later).toEqual([true, true, true, false]);
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets();
    for (let index = 0; index < 3; index += 1) buckets.take('a', limit, 0);
    expect(buckets.take('a', limit, 0).allowed).toBe(false);
    expect(buckets.take('b', limit, 0).allowed).toBe(true);
  });

  it('forgets the least recently used key beyond its capacity', () => {
    const buckets = new TokenBuckets(2);
    for (let index = 0; index < 3; index += 1) buckets.take('a', limit, 0);
    buckets.take('b', limit, 0);
    buckets.take('c', limit, 0);
    expect(buckets.take('a', limit, 0).allowed).toBe(true);
  });

  it('waits longer at a slow rate', () => {
    const buckets = new TokenBuckets();
    const slow = { perSecond: 0.25, burst: 1 };
    buckets.take('a', slow, 0);
    expect(buckets.take('a', slow, 0)).toEqual({ allowed: false, retryAfterSeconds: 4 });
  });
});
