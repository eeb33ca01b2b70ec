import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LedgerSummary, SessionState } from '../../core/contract/ledger';
import { LedgerOpenError, openLedgerDatabase } from '../db/connection';
import { createKeyFile, KeyFileError, keyFilePath, readKeyFile, rewrapPassphrase, rotateRecoveryKey, unwrapWithPassphrase, unwrapWithRecoveryKey, writeKeyFile, type KeyFile } from '../vault/keyring';
import { UnlockThrottle } from '../vault/throttle';
import { appendAudit } from './audit';
import type { AppConfig } from './config';
import { ServiceError } from './errors';
import { describeLedger, ledgerExtension, LedgerRegistry, type KnownLedger } from './ledger-registry';
import type { Session } from './session';
import { readAppSettings } from './settings-store';

/** Creates, lists, unlocks and locks ledgers, and changes their passphrases. */
export class LedgerService {
  readonly registry: LedgerRegistry;
  private readonly throttle = new UnlockThrottle();
  private readonly log;

  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
  ) {
    this.registry = new LedgerRegistry(config.dataDir);
    this.log = config.logger.child({ subsystem: 'vault' });
  }

  private summarize(ledger: KnownLedger): LedgerSummary {
    return {
      ...ledger,
      isOpen: this.session.unlocked?.ledger.id === ledger.id,
      rememberedOnThisComputer: this.config.keyStore.has(ledger.id),
    };
  }

  list(): LedgerSummary[] {
    return this.registry.list().map((ledger) => this.summarize(ledger));
  }

  state(): SessionState {
    const reason = this.config.keyStore.unavailableReason();
    const unlocked = this.session.unlocked;
    return {
      mode: this.config.mode === 'desktop' ? 'desktop' : 'browser',
      unlocked: unlocked !== null,
      ledger: unlocked === null ? null : this.summarize(unlocked.ledger),
      autoLockMinutes: this.session.idleMinutes,
      canRememberKey: reason === null,
      rememberKeyUnavailableReason: reason,
    };
  }

  /** Creates a ledger in the data folder under `name` and unlocks it. */
  async create(name: string, passphrase: string): Promise<{ ledger: LedgerSummary; recoveryKey: string }> {
    const path = this.registry.pathForNewLedger(name);
    const created = await this.createAt(path, passphrase);
    await this.unlockKnown(created.ledger, created.keyFile, created.dataKey);
    return { ledger: this.summarize(created.ledger), recoveryKey: created.recoveryKey };
  }

  /**
   * Creates the ledger file and its key file at `path`. If any step fails, both files are removed,
   * so a failed creation leaves nothing behind.
   */
  async createAt(path: string, passphrase: string): Promise<{ ledger: KnownLedger; keyFile: KeyFile; dataKey: Buffer; recoveryKey: string }> {
    const absolute = resolve(path.endsWith(ledgerExtension) ? path : `${path}${ledgerExtension}`);
    if (existsSync(absolute) || existsSync(keyFilePath(absolute))) {
      throw new ServiceError('already_exists', `A ledger already exists at ${absolute}. Choose another name or open that ledger.`);
    }
    mkdirSync(dirname(absolute), { recursive: true });
    const { keyFile, dataKey, recoveryKey } = await createKeyFile(passphrase, this.config.kdf);
    try {
      writeKeyFile(absolute, keyFile);
      const database = await openLedgerDatabase(absolute, dataKey, { create: true });
      try {
        await database.db.transaction().execute((trx) => appendAudit(trx, { action: 'ledger.created', entityType: 'ledger', entityId: keyFile.ledgerId }, this.config.now()));
      } finally {
        database.raw.pragma('wal_checkpoint(TRUNCATE)');
        await database.db.destroy();
      }
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${absolute}${suffix}`, { force: true });
      rmSync(keyFilePath(absolute), { force: true });
      throw error;
    }
    this.registry.remember(absolute);
    this.log.info({ ledgerId: keyFile.ledgerId }, 'ledger created');
    const ledger = describeLedger(absolute);
    if (ledger === null) throw new ServiceError('internal', 'The new ledger could not be read back.');
    return { ledger, keyFile, dataKey, recoveryKey };
  }

  private findLedger(ledgerId: string): KnownLedger {
    const ledger = this.registry.find(ledgerId);
    if (ledger === null) throw new ServiceError('not_found', `No known ledger has the id ${ledgerId}. Refresh the list of ledgers.`);
    return ledger;
  }

  /** Opens a ledger file at an explicit path with a passphrase, for the command line. */
  async unlockPath(path: string, passphrase: string): Promise<void> {
    const ledger = describeLedger(resolve(path));
    if (ledger === null) {
      throw new ServiceError('not_found', `No ledger at ${resolve(path)}, or its key file ${keyFilePath(resolve(path))} is missing.`);
    }
    await this.unlockWithPassphrase(ledger, passphrase, false);
  }

  async unlock(ledgerId: string, passphrase: string, remember: boolean): Promise<SessionState> {
    await this.unlockWithPassphrase(this.findLedger(ledgerId), passphrase, remember);
    return this.state();
  }

  private async unlockWithPassphrase(ledger: KnownLedger, passphrase: string, remember: boolean): Promise<void> {
    const keyFile = this.readKeys(ledger);
    const dataKey = await this.verifyPassphrase(ledger.id, keyFile, passphrase);
    await this.unlockKnown(ledger, keyFile, dataKey);
    if (remember) this.remember(ledger.id, dataKey);
  }

  private readKeys(ledger: KnownLedger): KeyFile {
    try {
      return readKeyFile(ledger.path);
    } catch (error) {
      if (error instanceof KeyFileError) throw new ServiceError('corrupt_ledger', error.message);
      throw error;
    }
  }

  /** Unwraps the data key, applying the throttle before and after the attempt. */
  private async verifyPassphrase(ledgerId: string, keyFile: KeyFile, passphrase: string): Promise<Buffer> {
    const wait = this.throttle.secondsToWait(ledgerId);
    if (wait > 0) {
      throw new ServiceError('throttled', `Too many wrong passphrases. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
    }
    try {
      const dataKey = await unwrapWithPassphrase(keyFile, passphrase);
      this.throttle.recordSuccess(ledgerId);
      return dataKey;
    } catch (error) {
      if (error instanceof KeyFileError && error.reason === 'wrong_secret') {
        this.throttle.recordFailure(ledgerId);
        this.log.warn({ ledgerId }, 'unlock failed: wrong passphrase');
        throw new ServiceError('wrong_passphrase', 'The passphrase is wrong. Check the keyboard layout and Caps Lock, or unlock with the recovery key.');
      }
      throw error;
    }
  }

  private async unlockKnown(ledger: KnownLedger, keyFile: KeyFile, dataKey: Buffer): Promise<void> {
    let database;
    try {
      database = await openLedgerDatabase(ledger.path, dataKey);
    } catch (error) {
      dataKey.fill(0);
      throw translateOpenError(error);
    }
    const settings = await readAppSettings(database.db);
    await database.db.transaction().execute((trx) => appendAudit(trx, { action: 'ledger.unlocked', entityType: 'ledger', entityId: ledger.id }, this.config.now()));
    await this.session.open({ ledger, keyFile, dataKey, database }, settings.autoLockMinutes);
    this.log.info({ ledgerId: ledger.id }, 'ledger unlocked');
  }

  async unlockWithRecoveryKey(ledgerId: string, recoveryKey: string, newPassphrase: string): Promise<{ session: SessionState; recoveryKey: string }> {
    const ledger = this.findLedger(ledgerId);
    const wait = this.throttle.secondsToWait(ledgerId);
    if (wait > 0) throw new ServiceError('throttled', `Too many wrong attempts. Try again in ${wait} seconds.`, { retryAfterSeconds: wait });
    const keyFile = this.readKeys(ledger);
    let dataKey: Buffer;
    try {
      dataKey = unwrapWithRecoveryKey(keyFile, recoveryKey);
    } catch (error) {
      if (error instanceof KeyFileError && error.reason === 'wrong_secret') {
        this.throttle.recordFailure(ledgerId);
        throw new ServiceError('wrong_passphrase', error.message);
      }
      throw error;
    }
    this.throttle.recordSuccess(ledgerId);
    // The used recovery key is replaced, so a key that was seen once cannot be used again.
    const rewrapped = await rewrapPassphrase(keyFile, dataKey, newPassphrase, this.config.kdf);
    const rotated = rotateRecoveryKey(rewrapped, dataKey);
    await this.unlockKnown(ledger, keyFile, dataKey);
    writeKeyFile(ledger.path, rotated.keyFile);
    await this.audit('ledger.recovered', ledger.id);
    this.config.keyStore.forget(ledger.id);
    return { session: this.state(), recoveryKey: rotated.recoveryKey };
  }

  unlockRemembered = async (ledgerId: string): Promise<SessionState> => {
    const ledger = this.findLedger(ledgerId);
    const dataKey = this.config.keyStore.load(ledgerId);
    if (dataKey === null) throw new ServiceError('not_found', 'This ledger is not remembered on this computer. Unlock it with the passphrase.');
    await this.unlockKnown(ledger, this.readKeys(ledger), dataKey);
    return this.state();
  };

  private remember(ledgerId: string, dataKey: Buffer): void {
    const reason = this.config.keyStore.unavailableReason();
    if (reason !== null) throw new ServiceError('unsupported', reason);
    this.config.keyStore.save(ledgerId, dataKey);
  }

  forgetRemembered(): { forgotten: boolean } {
    const { ledger } = this.session.require();
    return { forgotten: this.config.keyStore.forget(ledger.id) };
  }

  async lock(): Promise<SessionState> {
    await this.session.close('locked');
    return this.state();
  }

  /** Rewraps the data key under a new passphrase; the key file is replaced atomically. */
  async changePassphrase(currentPassphrase: string, newPassphrase: string): Promise<{ changed: true }> {
    const { ledger } = this.session.require();
    const keyFile = this.readKeys(ledger);
    const dataKey = await this.verifyPassphrase(ledger.id, keyFile, currentPassphrase);
    try {
      writeKeyFile(ledger.path, await rewrapPassphrase(keyFile, dataKey, newPassphrase, this.config.kdf));
    } finally {
      dataKey.fill(0);
    }
    await this.audit('ledger.passphrase_changed', ledger.id);
    this.log.info({ ledgerId: ledger.id }, 'passphrase changed');
    return { changed: true };
  }

  private async audit(action: string, ledgerId: string): Promise<void> {
    const { database } = this.session.require();
    await database.db.transaction().execute((trx) => appendAudit(trx, { action, entityType: 'ledger', entityId: ledgerId }, this.config.now()));
  }
}

function translateOpenError(error: unknown): unknown {
  if (!(error instanceof LedgerOpenError)) return error;
  switch (error.reason) {
    case 'not_found':
      return new ServiceError('not_found', error.message);
    case 'newer_schema':
      return new ServiceError('newer_schema', error.message);
    case 'unreadable':
      // The key file's seal already proved the key, so a file that does not decrypt is damaged.
      return new ServiceError('corrupt_ledger', `${error.message} The key file opened, so the ledger file itself is damaged or belongs to another key file.`);
    case 'corrupt':
      return new ServiceError('corrupt_ledger', error.message);
  }
}
