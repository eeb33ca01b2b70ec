export type { LedgerSnapshot, LedgerSettings, ScoringSettings, ScoringSettingsInput, Band, BandCutoffs, SmaClass, NpaThreshold, SuggestedAction, SegmentPolicy } from './types';
export { bands, actionsBySeverity } from './types';
export { defaultScoringSettings, resolveSettings } from './settings';

export { scoreLedger, scoreCustomer, customerSnapshot, type LedgerScores, type ScoreCustomerOptions } from './engine';
export { prepareScoring, type ScoringContext, type ScoreOptions } from './context';
export type { CustomerScore, SmaStatus } from './customer-score';
export { fitModel, type RiskModel, type LogisticRiskModel, type ScorecardRiskModel, type ModelQuality, type ModelCoefficient } from './model';
export { backtest, type BacktestResult, type BacktestPrediction } from './backtest';
export { classifierQuality, auc, ksStatistic, brierScore, calibrationTable, type ClassifierQuality, type CalibrationBin } from './metrics';
export { featureNames, featureDescriptions, type FeatureName } from './features';
export { scorecardTable, scorecardBasePoints, applyScorecard, type ScorecardInput, type ScorecardCharacteristic, type ScorecardBin } from './scorecard';
export type { Reason } from './reasons';

export { buildLedgerIndex, type LedgerIndex, type ExcludedRecord } from './index/ledger-index';
export { customerAnalytics, type CustomerAnalytics } from './analytics/customer';
export { agingBucketDefinitions, type AgingBucket } from './analytics/aging';
export type { DsoResult } from './analytics/dso';
export type { PortfolioSummary, PortfolioGroup } from './analytics/portfolio';
export { promiseOutcomes, type PromiseOutcome, type PromiseStatus } from './analytics/promises';

export { buildSmaTimeline, smaClassOn, daysPastDueOn, smaTransitions, smaClassSince, smaClassForDaysPastDue, npaDaysOn, smaClasses, type SmaTimeline, type SmaTransition } from './sma';
export { bandForScore, policyFor, decideAction, previewBands, type BandCount, type ScoredCustomer, type EffectivePolicy, type ActionDecision } from './policy';

export type { Indicator, IndicatorSeverity, EvidenceRecord } from './indicators/indicator';
export { identityIndicators } from './indicators/identity';
export type { ContactChange } from './indicators/fraud';
export { WatchListMatcher, type WatchListEntry, type WatchListMatch, type WatchListStatus } from './indicators/insolvency';
