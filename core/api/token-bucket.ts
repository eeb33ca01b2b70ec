export interface RateLimit {
  /** Tokens added per second. */
  readonly perSecond: number;
  /** Capacity: the most requests allowed at once after a quiet spell. */
  readonly burst: number;
}

export type TakeResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/**
 * Token buckets keyed by client, one request costing one token. The caller passes the time in
 * milliseconds from a monotonic clock, so the limiter itself reads no clock. At most `maxKeys`
 * buckets are kept. Beyond that the least recently used bucket is dropped, which resets that
 * client's limit but keeps memory bounded.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly maxKeys = 10_000) {}

  take(key: string, limit: RateLimit, nowMs: number): TakeResult {
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, updatedMs: nowMs };
    const elapsedSeconds = Math.max(0, nowMs - bucket.updatedMs) / 1000;
    bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsedSeconds * limit.perSecond);
    bucket.updatedMs = nowMs;
    // Re-inserting moves the key to the end of the map's order, which makes the first key the least recently used.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    this.evictOldest();
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)) };
  }

  private evictOldest(): void {
    while (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (oldest.done === true) return;
      this.buckets.delete(oldest.value);
    }
  }
}
