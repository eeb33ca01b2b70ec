import { defaultRequestDeadlines, type RequestDeadlines } from '../../../core/privacy/requests';
import { defaultRetentionSettings, retentionCategories, type RetentionSettings } from '../../../core/privacy/retention';
import { readSetting } from '../settings-store';
import type { Executor } from './customer-data';

/** Keys of the privacy settings in the ledger's settings table. */
export const privacySettingKeys = {
  deadlines: 'privacy.requestDeadlines',
  retention: 'privacy.retention',
  lastRetentionRun: 'privacy.retention.lastRun',
} as const;

export interface PrivacySettings {
  readonly deadlines: RequestDeadlines;
  readonly retention: RetentionSettings;
  /** ISO 8601 time of the last retention run, or null before the first. */
  readonly lastRetentionRun: string | null;
}

/** Reads the privacy settings; categories missing from a stored value get their defaults. */
export async function readPrivacySettings(db: Executor): Promise<PrivacySettings> {
  const deadlines = await readSetting<Partial<RequestDeadlines>>(db, privacySettingKeys.deadlines, {});
  const retention = await readSetting<Partial<RetentionSettings>>(db, privacySettingKeys.retention, {});
  return {
    deadlines: { ...defaultRequestDeadlines, ...deadlines },
    retention: Object.fromEntries(retentionCategories.map((category) => [category, retention[category] ?? defaultRetentionSettings[category]])) as RetentionSettings,
    lastRetentionRun: await readSetting<string | null>(db, privacySettingKeys.lastRetentionRun, null),
  };
}
