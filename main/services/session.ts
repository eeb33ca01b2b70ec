import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../core/contract/events';
import { closeLedgerDatabase, type OpenLedger } from '../db/connection';
import type { KeyFile } from '../vault/keyring';
import type { KnownLedger } from './ledger-registry';
import { ServiceError } from './errors';

export interface UnlockedLedger {
  readonly ledger: KnownLedger;
  readonly keyFile: KeyFile;
  readonly dataKey: Buffer;
  readonly database: OpenLedger;
}

/**
 * The one unlocked ledger of this process, if any, and the idle timer that locks it. Every
 * request touches the timer; when it runs out the ledger is closed and its key wiped from memory.
 */
export class Session {
  private current: UnlockedLedger | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private autoLockMinutes = 15;
  readonly events = new EventEmitter();

  get unlocked(): UnlockedLedger | null {
    return this.current;
  }

  get idleMinutes(): number {
    return this.autoLockMinutes;
  }

  /** Returns the unlocked ledger, or throws `locked`. */
  require(): UnlockedLedger {
    if (this.current === null) throw new ServiceError('locked', 'No ledger is unlocked. Unlock a ledger first.');
    return this.current;
  }

  emit<Name extends EventName>(name: Name, payload: EventPayload<Name>): void {
    this.events.emit('event', name, payload);
  }

  async open(unlocked: UnlockedLedger, autoLockMinutes: number): Promise<void> {
    await this.close('closed');
    this.current = unlocked;
    this.autoLockMinutes = autoLockMinutes;
    this.touch();
    this.emit('session.changed', { unlocked: true, reason: 'unlocked' });
  }

  setAutoLockMinutes(minutes: number): void {
    this.autoLockMinutes = minutes;
    this.touch();
  }

  /** Restarts the idle timer; called for every request. */
  touch(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.current === null) return;
    this.idleTimer = setTimeout(() => void this.close('auto-lock'), this.autoLockMinutes * 60_000);
    this.idleTimer.unref();
  }

  async close(reason: 'locked' | 'auto-lock' | 'closed'): Promise<void> {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const current = this.current;
    if (current === null) return;
    this.current = null;
    try {
      await closeLedgerDatabase(current.database);
    } finally {
      current.dataKey.fill(0);
      this.emit('session.changed', { unlocked: false, reason });
    }
  }
}
