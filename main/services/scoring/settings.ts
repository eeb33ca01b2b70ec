import type { Kysely, Transaction } from 'kysely';
import type { RiskSettings } from '../../../core/contract/risk';
import { defaultScoringSettings, type ScoringSettingsInput } from '../../../core/scoring/index';
import type { LedgerSchema } from '../../db/schema';
import { readSetting } from '../settings-store';

export const riskSettingsKey = 'risk.settings';

export const defaultRiskSettings: RiskSettings = {
  bandCutoffs: [...defaultScoringSettings.bandCutoffs],
  bandActions: { ...defaultScoringSettings.bandActions },
  graceDays: defaultScoringSettings.graceDays,
  rbiClassification: false,
};

export async function readRiskSettings(db: Kysely<LedgerSchema> | Transaction<LedgerSchema>): Promise<RiskSettings> {
  return { ...defaultRiskSettings, ...(await readSetting<Partial<RiskSettings>>(db, riskSettingsKey, {})) };
}

/** The engine's settings for the user's choices; everything not chosen keeps the engine default. */
export function engineSettings(settings: RiskSettings): ScoringSettingsInput {
  return { bandCutoffs: settings.bandCutoffs, bandActions: settings.bandActions, graceDays: settings.graceDays };
}
