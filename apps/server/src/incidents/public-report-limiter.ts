/**
 * At most `limit` public reports per address in a sliding window: enough for a family sharing a phone,
 * too few to flood a center's inbox. Kept in memory; a restart forgets it, which errs on the resident's side.
 */
export class PublicReportLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly limit = 10, private readonly windowMs = 60 * 60 * 1000) {}

  allow(address: string, now = Date.now()): boolean {
    const times = (this.recent.get(address) ?? []).filter((time) => now - time < this.windowMs);
    if (times.length >= this.limit) {
      this.recent.set(address, times);
      return false;
    }
    times.push(now);
    this.recent.set(address, times);
    if (this.recent.size > 10_000) this.forgetOld(now);
    return true;
  }

  private forgetOld(now: number): void {
    for (const [address, times] of this.recent) {
      if (times.every((time) => now - time >= this.windowMs)) this.recent.delete(address);
    }
  }
}
