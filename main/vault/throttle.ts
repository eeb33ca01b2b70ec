/**
 * Slows down repeated wrong passphrases per ledger. The first three failures cost only the KDF
 * time; after that each failure doubles the wait before the next attempt is accepted, up to five
 * minutes. Kept in memory, so a wrong guess never writes to the ledger or its key file.
 */
export class UnlockThrottle {
  private readonly failures = new Map<string, { count: number; blockedUntil: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Returns the seconds to wait before the next attempt on this ledger, or 0. */
  secondsToWait(ledgerId: string): number {
    const state = this.failures.get(ledgerId);
    if (state === undefined) return 0;
    return Math.max(0, Math.ceil((state.blockedUntil - this.now()) / 1000));
  }

  recordFailure(ledgerId: string): void {
    const count = (this.failures.get(ledgerId)?.count ?? 0) + 1;
    const waitSeconds = count <= 3 ? 0 : Math.min(300, 2 ** (count - 3));
    this.failures.set(ledgerId, { count, blockedUntil: this.now() + waitSeconds * 1000 });
  }

  recordSuccess(ledgerId: string): void {
    this.failures.delete(ledgerId);
  }
}
