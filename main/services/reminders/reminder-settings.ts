import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { reminderDeliverySchema, type ReminderDelivery, type ReminderSettingsView } from '../../../core/contract/reminders';
import { reminderSettingsSchema, type ReminderSettings } from '../../../core/reminders/settings';
import { messagePlaceholders } from '../../../core/reminders/templates/placeholders';
import { resolveLanguagePacks } from '../../../core/reminders/templates/packs';
import type { LedgerDatabase } from '../../db/connection';
import type { LedgerSchema } from '../../db/schema';
import { ServiceError } from '../errors';
import { readSetting, writeSetting } from '../settings-store';

type Executor = LedgerDatabase | Transaction<LedgerSchema>;

/**
 * Settings keys of the reminders. The SMTP password is kept in the encrypted ledger like every
 * other setting, under its own key, so reading the settings for a screen never touches it.
 */
export const reminderSettingKeys = {
  settings: 'reminders.settings',
  delivery: 'reminders.delivery',
  smtpPassword: 'reminders.smtpPassword',
} as const;

function parseStored<T>(schema: z.ZodType<T>, value: unknown, description: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join(' ');
  throw new ServiceError('conflict', `The stored ${description} are invalid (${problems}). Open Reminders > Settings, correct them and save.`);
}

export async function readReminderSettings(db: Executor): Promise<ReminderSettings> {
  return parseStored(reminderSettingsSchema, await readSetting<unknown>(db, reminderSettingKeys.settings, {}), 'reminder settings');
}

export async function readDelivery(db: Executor): Promise<ReminderDelivery> {
  return parseStored(reminderDeliverySchema, await readSetting<unknown>(db, reminderSettingKeys.delivery, {}), 'reminder delivery settings');
}

/** Returns the stored SMTP password, or null when none is set. Only the mail transport uses it. */
export async function readSmtpPassword(db: Executor): Promise<string | null> {
  return readSetting<string | null>(db, reminderSettingKeys.smtpPassword, null);
}

export interface ReminderSettingsChange {
  readonly settings?: ReminderSettings | undefined;
  readonly delivery?: ReminderDelivery | undefined;
  readonly smtpPassword?: string | null | undefined;
}

/** Writes the given parts and returns the setting keys written, for the audit entry. */
export async function writeReminderSettings(trx: Transaction<LedgerSchema>, change: ReminderSettingsChange, at: Date): Promise<string[]> {
  const written: string[] = [];
  if (change.settings !== undefined) {
    await writeSetting(trx, reminderSettingKeys.settings, change.settings, at);
    written.push(reminderSettingKeys.settings);
  }
  if (change.delivery !== undefined) {
    await writeSetting(trx, reminderSettingKeys.delivery, change.delivery, at);
    written.push(reminderSettingKeys.delivery);
  }
  if (change.smtpPassword !== undefined) {
    if (change.smtpPassword === null) await trx.deleteFrom('settings').where('key', '=', reminderSettingKeys.smtpPassword).execute();
    else await writeSetting(trx, reminderSettingKeys.smtpPassword, change.smtpPassword, at);
    written.push(reminderSettingKeys.smtpPassword);
  }
  return written;
}

/** Builds what the settings screens show: everything but the SMTP password, which is only flagged. */
export async function readSettingsView(db: Executor): Promise<ReminderSettingsView> {
  const settings = await readReminderSettings(db);
  const { packs } = resolveLanguagePacks(settings.languages);
  return {
    settings,
    delivery: await readDelivery(db),
    smtpPasswordSet: (await readSmtpPassword(db)) !== null,
    languages: Object.entries(packs).map(([tag, pack]) => ({ tag, name: pack.name, templates: pack.templates })),
    placeholders: { ...messagePlaceholders },
  };
}
