/** Token buckets per client: `perSecond` sustained, bursts up to twice that. Forgets clients idle for a minute. */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private perSecond: number) {}

  /** Takes one request from the client's bucket; false when it is empty (answer 429). */
  take(client: string, now = Date.now()): boolean {
    if (this.perSecond <= 0) return true;
    const burst = 2 * this.perSecond;
    const b = this.buckets.get(client) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 50_000) this.sweep(now);
    this.buckets.set(client, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(k);
  }
}
