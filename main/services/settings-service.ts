import { isKnownCurrency } from '../../core/ledger/currency';
import { appendAudit } from './audit';
import type { AppConfig } from './config';
import { ServiceError } from './errors';
import type { Session } from './session';
import { appSettingKeys, readAppSettings, writeSetting, type AppSettings } from './settings-store';

/** Reads and changes the ledger-wide settings; each change is audited with the keys it touched. */
export class SettingsService {
  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
  ) {}

  async get(): Promise<AppSettings> {
    return readAppSettings(this.session.require().database.db);
  }

  async update(changes: Partial<AppSettings>): Promise<AppSettings> {
    if (changes.baseCurrency !== undefined && !isKnownCurrency(changes.baseCurrency)) {
      throw new ServiceError('invalid_input', `Currency "${changes.baseCurrency}" is not a known ISO 4217 code.`);
    }
    const now = this.config.now();
    const { db } = this.session.require().database;
    const keys = (Object.keys(changes) as (keyof AppSettings)[]).filter((key) => changes[key] !== undefined);
    await db.transaction().execute(async (trx) => {
      for (const key of keys) await writeSetting(trx, appSettingKeys[key], changes[key], now);
      await appendAudit(trx, { action: 'settings.changed', entityType: 'settings', details: { keys } }, now);
    });
    if (changes.autoLockMinutes !== undefined) this.session.setAutoLockMinutes(changes.autoLockMinutes);
    return this.get();
  }
}
