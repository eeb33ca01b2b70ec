import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../ledger/dates';
import { featureCount, writeFeatures } from './features';
import { historyColumnCount, historyColumns as h } from './history';
import { NEVER } from './index/days';
import { buildLedgerIndex, type LedgerIndex } from './index/ledger-index';
import { logOdds, sigmoid } from './logistic';
import { classifierQuality, type ClassifierQuality } from './metrics';
import { fitModelOnIndex, type RiskModel } from './model';
import { applyScorecard, type ScorecardInput } from './scorecard';
import { resolveSettings } from './settings';
import { invoiceHistory } from './training';
import type { LedgerSnapshot, ScoringSettingsInput } from './types';

export interface BacktestPrediction {
  readonly invoiceId: number;
  readonly customerId: number;
  readonly issueDate: IsoDate;
  /** Probability of late payment as scored on the issue date. */
  readonly probability: number;
  /** True when paid late (or still unpaid after the due date and grace days at the evaluation date), null when not known yet. */
  readonly late: boolean | null;
}

export interface BacktestResult {
  readonly splitDate: IsoDate;
  /** Outcomes are read as of this date. */
  readonly evaluatedAsOf: IsoDate;
  /** The model fitted on invoices settled before the split date, or the scorecard stand-in. */
  readonly model: RiskModel;
  readonly predictions: readonly BacktestPrediction[];
  /** Quality over the predictions with a known outcome. */
  readonly quality: ClassifierQuality;
}

/**
 * Scores every invoice issued on or after `splitDate` as the engine would have on its issue day.
 * The model is fitted once on invoices settled before the split date. Each invoice's features use
 * only records dated before its issue day. Outcomes are read at `evaluatedAsOf`, by default the
 * latest date in the snapshot.
 */
export function backtest(
  snapshot: LedgerSnapshot,
  splitDate: IsoDate,
  settingsInput: ScoringSettingsInput = {},
  evaluatedAsOf: IsoDate = latestDate(snapshot),
): BacktestResult {
  const settings = resolveSettings(settingsInput);
  const model = fitModelOnIndex(buildLedgerIndex(snapshot, addDays(splitDate, -1)), settings);
  const index = buildLedgerIndex(snapshot, evaluatedAsOf);
  const history = invoiceHistory(index, settings.graceDays, settings.model.recentInvoiceCount);
  const splitDay = toDayNumber(splitDate);

  const predictions: BacktestPrediction[] = [];
  const features = new Float64Array(featureCount);
  for (let invoice = 0; invoice < index.invoices.length; invoice++) {
    if ((index.issueDay[invoice] ?? 0) < splitDay) continue;
    let probability: number;
    if (model.kind === 'logistic') {
      writeFeatures(history, invoice, index.amount[invoice] ?? 0, model.priors, features, 0);
      probability = sigmoid(logOdds(model.logistic, features));
    } else {
      probability = applyScorecard(scorecardInputFromHistory(history, invoice)).probability;
    }
    const record = index.invoices[invoice]!;
    predictions.push({
      invoiceId: record.id,
      customerId: record.customerId,
      issueDate: record.issueDate,
      probability,
      late: outcome(index, invoice, settings.graceDays),
    });
  }

  const known = predictions.filter((prediction) => prediction.late !== null);
  const quality = classifierQuality(
    known.map((prediction) => prediction.probability),
    known.map((prediction) => (prediction.late === true ? 1 : 0)),
  );
  return { splitDate, evaluatedAsOf, model, predictions, quality };
}

function outcome(index: LedgerIndex, invoice: number, graceDays: number): boolean | null {
  const settled = index.settledDay[invoice] ?? NEVER;
  const lateFrom = (index.dueDay[invoice] ?? 0) + graceDays;
  if (settled !== NEVER) return settled > lateFrom;
  return index.asOfDay > lateFrom ? true : null;
}

/** Builds the scorecard input from a history row alone, for dates where no current analytics exist. */
export function scorecardInputFromHistory(history: Float64Array, row: number): ScorecardInput {
  const base = row * historyColumnCount;
  const value = (column: number) => history[base + column] ?? 0;
  const paid = value(h.paid);
  return {
    paidInvoices: paid,
    lateShare: paid > 0 ? value(h.late) / paid : null,
    daysBeyondTerms: paid > 0 ? value(h.daysLate) : null,
    daysPastDue: value(h.oldestOverdueDays),
    openDisputes: value(h.disputes),
    brokenPromises: value(h.brokenPromises),
    bouncedPayments: value(h.bouncedPayments),
    limitUtilisation: null,
  };
}

/** Returns the latest date of any record in the snapshot. */
export function latestDate(snapshot: LedgerSnapshot): IsoDate {
  let latest = '0000-01-01';
  const consider = (date: IsoDate | null) => {
    if (date !== null && date > latest) latest = date;
  };
  for (const invoice of snapshot.invoices) consider(invoice.issueDate);
  for (const payment of snapshot.payments) {
    consider(payment.paymentDate);
    consider(payment.reversedOn);
  }
  for (const note of snapshot.creditNotes) consider(note.issueDate);
  for (const dispute of snapshot.disputes) {
    consider(dispute.openedOn);
    consider(dispute.resolvedOn);
  }
  for (const promise of snapshot.promises) consider(promise.madeOn);
  return latest === '0000-01-01' ? fromDayNumber(0) : latest;
}
