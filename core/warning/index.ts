export * from './types';
export { alertSettingsSchema, defaultAlertSettings, resolveAlertSettings, type AlertSettings, type AlertSettingsInput, type RuleSettings } from './settings';
export { WarningEngine, type WarningInputs, type DayEvaluation } from './evaluate';
export { EpisodeBook, type Episode, type EpisodeChange } from './episodes';
export { planEvaluation, evaluateDays, type EvaluationPlan, type EpisodeOutcome, type RunResult } from './run';
export { cusumAlarms, type CusumAlarm, type CusumOptions } from './cusum';
export { ruleDescriptions } from './descriptions';
export { readBureauFile, type BureauFile, type BureauRow } from './bureau-file';
export { matchBureauRows, type BureauMatch, type BureauUnmatched, type MatchableCustomer } from './bureau-match';
