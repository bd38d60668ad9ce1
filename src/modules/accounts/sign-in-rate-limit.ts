import { staffSignInRateLimit } from './staff-auth-policy.ts';

/**
 * A token bucket for one process: `take()` is true while the bucket holds a
 * token. It counts requests, not senders (Belong keeps no IP addresses),
 * so under a flood everyone waits a little; the per-account lockout is the
 * rule that stops guessing, this only bounds the work a flood can cause.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number = staffSignInRateLimit.capacity,
    private readonly refillPerSecond: number = staffSignInRateLimit.refillPerSecond,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.updatedAt = now();
  }

  take(): boolean {
    const now = this.now();
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsedSeconds * this.refillPerSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
