import type { Kysely, Transaction } from 'kysely';
import type { LedgerSchema } from '../db/schema';

type Executor = Kysely<LedgerSchema> | Transaction<LedgerSchema>;

/** Reads one JSON setting from the ledger, or the fallback when it was never set. */
export async function readSetting<T>(db: Executor, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value_json').where('key', '=', key).executeTakeFirst();
  return row === undefined ? fallback : (JSON.parse(row.value_json) as T);
}

export async function writeSetting(db: Executor, key: string, value: unknown, at: Date): Promise<void> {
  const valueJson = JSON.stringify(value);
  const updatedAt = at.toISOString();
  await db
    .insertInto('settings')
    .values({ key, value_json: valueJson, updated_at: updatedAt })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value_json: valueJson, updated_at: updatedAt }))
    .execute();
}

export const appSettingKeys = {
  autoLockMinutes: 'app.autoLockMinutes',
  baseCurrency: 'app.baseCurrency',
  locale: 'app.locale',
} as const;

export const appSettingDefaults = {
  autoLockMinutes: 15,
  baseCurrency: 'INR',
  locale: 'en-IN',
};

export type AppSettings = typeof appSettingDefaults;

export async function readAppSettings(db: Executor): Promise<AppSettings> {
  return {
    autoLockMinutes: await readSetting(db, appSettingKeys.autoLockMinutes, appSettingDefaults.autoLockMinutes),
    baseCurrency: await readSetting(db, appSettingKeys.baseCurrency, appSettingDefaults.baseCurrency),
    locale: await readSetting(db, appSettingKeys.locale, appSettingDefaults.locale),
  };
}
