import { fromDayNumber, type IsoDate } from '../ledger/dates';
import { featureCount, featureDescriptions, featureNames, writeFeatures, type FeatureName, type FeaturePriors } from './features';
import { buildLedgerIndex, type LedgerIndex } from './index/ledger-index';
import { fitLogistic, logOdds, sigmoid, type LogisticModel } from './logistic';
import { classifierQuality, type ClassifierQuality } from './metrics';
import { resolveSettings } from './settings';
import { invoiceHistory, labelledBefore, trainingSet } from './training';
import type { LedgerSnapshot, ModelSettings, ScoringSettings, ScoringSettingsInput } from './types';

/** Quality on a time split: fitted on invoices settled before `splitDate`, tested on those issued on or after it. */
export interface ModelQuality extends ClassifierQuality {
  readonly splitDate: IsoDate;
  readonly trainingCount: number;
}

export interface ModelCoefficient {
  readonly feature: FeatureName;
  readonly description: string;
  /** Change in log-odds per standard deviation of the feature. */
  readonly weight: number;
  readonly mean: number;
  readonly standardDeviation: number;
}

export interface LogisticRiskModel {
  readonly kind: 'logistic';
  /** Labels come from invoices settled on or before this date. */
  readonly fittedAsOf: IsoDate;
  readonly priors: FeaturePriors;
  readonly graceDays: number;
  readonly recentInvoiceCount: number;
  readonly logistic: LogisticModel;
  readonly coefficients: readonly ModelCoefficient[];
  readonly labelledCount: number;
  readonly lateCount: number;
  /** Null when the earlier part of the split had too few invoices of either outcome. */
  readonly quality: ModelQuality | null;
}

/** Stand-in when the ledger has too little labelled history: scores come from the scorecard. */
export interface ScorecardRiskModel {
  readonly kind: 'scorecard';
  readonly fittedAsOf: IsoDate;
  readonly reason: string;
  readonly labelledCount: number;
  readonly lateCount: number;
}

export type RiskModel = LogisticRiskModel | ScorecardRiskModel;

/**
 * Fits the payment-risk model on invoices settled on or before `asOf`, each described by what the
 * ledger recorded before its issue day. The result depends only on records dated on or before `asOf`, so
 * it can be cached and reused by `scoreCustomer` until the ledger changes.
 */
export function fitModel(snapshot: LedgerSnapshot, asOf: IsoDate, settings: ScoringSettingsInput = {}): RiskModel {
  return fitModelOnIndex(buildLedgerIndex(snapshot, asOf), resolveSettings(settings));
}

export function fitModelOnIndex(index: LedgerIndex, settings: ScoringSettings): RiskModel {
  const { graceDays, model: options } = settings;
  const labelled = labelledBefore(index, index.asOfDay + 1);
  const history = invoiceHistory(index, graceDays, options.recentInvoiceCount);
  const full = trainingSet(index, history, newest(labelled, options.maxTrainingInvoices), graceDays, options.priorStrength);
  const lateCount = full.y.reduce((sum, label) => sum + label, 0);
  const shortfall = trainingShortfall(full.rows, lateCount, options);
  if (shortfall !== null) {
    return { kind: 'scorecard', fittedAsOf: index.asOf, reason: shortfall, labelledCount: full.rows, lateCount };
  }

  const logistic = fitLogistic(full.x, full.y, full.rows, featureCount, { penalty: options.l2Penalty });
  return {
    kind: 'logistic',
    fittedAsOf: index.asOf,
    priors: full.priors,
    graceDays,
    recentInvoiceCount: options.recentInvoiceCount,
    logistic,
    coefficients: featureNames.map((feature, i) => ({
      feature,
      description: featureDescriptions[feature],
      weight: logistic.weights[i] ?? 0,
      mean: logistic.means[i] ?? 0,
      standardDeviation: logistic.scales[i] ?? 0,
    })),
    labelledCount: full.rows,
    lateCount,
    quality: holdoutQuality(index, history, labelled, settings),
  };
}

/** Returns why the labelled history is too small to fit, or null when it is enough. */
function trainingShortfall(rows: number, late: number, options: ModelSettings): string | null {
  if (rows < options.minLabelledInvoices) {
    return `${rows} settled invoices on record; the model needs at least ${options.minLabelledInvoices}.`;
  }
  const fewest = Math.min(late, rows - late);
  if (fewest < options.minInvoicesPerOutcome) {
    return `${late} late and ${rows - late} on-time settled invoices; the model needs at least ${options.minInvoicesPerOutcome} of each.`;
  }
  return null;
}

function newest(invoices: Int32Array, limit: number): Int32Array {
  return invoices.length > limit ? invoices.subarray(invoices.length - limit) : invoices;
}

/**
 * Fits on invoices settled before the split day and tests on invoices issued on or after it.
 * The split day is the issue day at the (1 - holdoutShare) quantile of the labelled invoices.
 */
function holdoutQuality(index: LedgerIndex, history: Float64Array, labelled: Int32Array, settings: ScoringSettings): ModelQuality | null {
  const options = settings.model;
  const splitPosition = Math.floor(labelled.length * (1 - options.holdoutShare));
  if (splitPosition <= 0 || splitPosition >= labelled.length) return null;
  const splitDay = index.issueDay[labelled[splitPosition] ?? 0] ?? 0;
  const train = newest(labelledBefore(index, splitDay), options.maxTrainingInvoices);
  const test = labelled.filter((invoice) => (index.issueDay[invoice] ?? 0) >= splitDay);

  const trainSet = trainingSet(index, history, train, settings.graceDays, options.priorStrength);
  const late = trainSet.y.reduce((sum, label) => sum + label, 0);
  if (Math.min(late, trainSet.rows - late) < options.minInvoicesPerOutcome || test.length === 0) return null;
  const model = fitLogistic(trainSet.x, trainSet.y, trainSet.rows, featureCount, { penalty: options.l2Penalty });

  const testSet = trainingSet(index, history, test, settings.graceDays, options.priorStrength);
  const features = new Float64Array(test.length * featureCount);
  for (let row = 0; row < test.length; row++) {
    const invoice = test[row] ?? 0;
    writeFeatures(history, invoice, index.amount[invoice] ?? 0, trainSet.priors, features, row * featureCount);
  }
  const predictions = Float64Array.from({ length: test.length }, (_, row) => sigmoid(logOdds(model, features, row * featureCount)));
  return { ...classifierQuality(predictions, testSet.y), splitDate: fromDayNumber(splitDay), trainingCount: trainSet.rows };
}
