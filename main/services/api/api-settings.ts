import type Database from 'better-sqlite3-multiple-ciphers';
import { isIP } from 'node:net';
import { apiSettingsSchema, defaultApiSettings, loopbackAddresses, type ApiSettings } from '../../../core/contract/api';
import type { LedgerDatabase } from '../../db/connection';
import { appendAudit } from '../audit';
import { ServiceError } from '../errors';
import { readSetting, writeSetting } from '../settings-store';
import { statement } from './statements';

export const apiSettingsKey = 'api.settings';

/** Merges stored values over the defaults, dropping any stored value that no longer validates. */
function withDefaults(stored: Partial<ApiSettings>): ApiSettings {
  const merged = { ...defaultApiSettings, ...stored };
  const parsed = apiSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : defaultApiSettings;
}

export async function readApiSettings(db: LedgerDatabase): Promise<ApiSettings> {
  return withDefaults(await readSetting<Partial<ApiSettings>>(db, apiSettingsKey, {}));
}

let lastParsed: { json: string | undefined; settings: ApiSettings } | null = null;

/** Reads the settings synchronously, for the per-request rate limit; the stored JSON is parsed again only when it changed. */
export function readApiSettingsRaw(raw: Database.Database): ApiSettings {
  const json = statement(raw, 'select value_json from settings where key = ?').pluck().get(apiSettingsKey) as string | undefined;
  if (lastParsed === null || lastParsed.json !== json) {
    lastParsed = { json, settings: withDefaults(json === undefined ? {} : (JSON.parse(json) as Partial<ApiSettings>)) };
  }
  return lastParsed.settings;
}

export function isLoopbackAddress(address: string): boolean {
  return loopbackAddresses.includes(address) || address.startsWith('127.');
}

/** Writes changed settings with one audit entry naming the keys, and returns the new settings. */
export async function updateApiSettings(db: LedgerDatabase, changes: Partial<ApiSettings>, now: Date): Promise<ApiSettings> {
  if (changes.bindAddress !== undefined && isIP(changes.bindAddress) === 0) {
    throw new ServiceError('invalid_input', `"${changes.bindAddress}" is not an IP address. Use 127.0.0.1 for this computer only.`);
  }
  const current = await readApiSettings(db);
  const next: ApiSettings = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) };
  const keys = (Object.keys(next) as (keyof ApiSettings)[]).filter((key) => next[key] !== current[key]);
  if (keys.length === 0) return current;
  await db.transaction().execute(async (trx) => {
    await writeSetting(trx, apiSettingsKey, next, now);
    await appendAudit(trx, { action: 'settings.changed', entityType: 'settings', details: { keys: keys.map((key) => `api.${key}`) } }, now);
  });
  return next;
}
