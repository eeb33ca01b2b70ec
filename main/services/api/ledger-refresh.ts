import type { Logger } from '../../logger';

export interface RefreshTiming {
  /** Quiet time after the last write before the refresh runs. */
  readonly quietMs: number;
  /** Maximum delay after the first pending write, so a steady stream of writes still refreshes. */
  readonly maxWaitMs: number;
}

export const defaultRefreshTiming: RefreshTiming = { quietMs: 5_000, maxWaitMs: 60_000 };

/**
 * Runs the ledger-changed work (a full rescore, which refits the model, then the other features'
 * hooks) once after a burst of API writes. Each write rescores its own customer at once. A full
 * rescore per write would take seconds on a large ledger, so it waits until the writes pause, or
 * at the latest `maxWaitMs` after the first one.
 */
export class LedgerRefresh {
  private timer: NodeJS.Timeout | null = null;
  private firstPendingAt: number | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly run: () => Promise<void>,
    private readonly logger: Logger,
    private readonly timing: RefreshTiming = defaultRefreshTiming,
  ) {}

  /** Notes a write and (re)starts the timer. */
  schedule(): void {
    const now = performance.now();
    this.firstPendingAt ??= now;
    const wait = Math.max(0, Math.min(this.timing.quietMs, this.firstPendingAt + this.timing.maxWaitMs - now));
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), wait);
    this.timer.unref();
  }

  get pending(): boolean {
    return this.timer !== null;
  }

  /** Runs a pending refresh now and waits for it; does nothing when none is pending. */
  async flush(): Promise<void> {
    if (this.timer === null) return this.running;
    this.cancel();
    this.running = this.running.then(() => this.run()).catch((error: unknown) => this.logger.error({ err: error }, 'refresh after API writes failed'));
    return this.running;
  }

  /** Drops a pending refresh, for a locked ledger or a shutdown. */
  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.firstPendingAt = null;
  }
}
