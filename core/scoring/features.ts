import { historyColumnCount, historyColumns as h } from './history';

/** Model features, each derived from a history row and the amount of the invoice being scored. */
export const featureNames = [
  'lateShare',
  'recentLateShare',
  'paidCount',
  'daysLate',
  'recentDaysLate',
  'amountRatio',
  'disputeShare',
  'openOverdue',
  'oldestOverdueDays',
  'brokenPromises',
  'bouncedPayments',
  'timing',
  'recentTiming',
] as const;
export type FeatureName = (typeof featureNames)[number];
export const featureCount = featureNames.length;

/** Description of each feature, for a screen that lists the model's inputs. */
export const featureDescriptions: Readonly<Record<FeatureName, string>> = {
  lateShare: 'Share of paid invoices paid late, pulled towards the ledger share when few are paid',
  recentLateShare: 'The same share over the most recently paid invoices',
  paidCount: 'log(1 + number of paid invoices)',
  daysLate: 'log(1 + average days beyond terms, weighted by amount)',
  recentDaysLate: 'log(1 + average days beyond terms of the most recently paid invoices)',
  amountRatio: 'log(invoice amount / mean earlier invoice amount), limited to ±3',
  disputeShare: 'Disputes opened so far per invoice issued so far',
  openOverdue: 'log(1 + invoices overdue on the day)',
  oldestOverdueDays: 'log(1 + days past due of the oldest overdue invoice)',
  brokenPromises: 'log(1 + promises to pay broken so far)',
  bouncedPayments: 'log(1 + payments reversed so far)',
  timing: 'Mean days from due date to settlement, negative when early, each limited to ±60',
  recentTiming: 'The same mean over the most recently paid invoices',
};

/** Ledger-level constants that the feature transform needs. */
export interface FeaturePriors {
  /** Share of labelled invoices paid late across the ledger. */
  readonly lateShare: number;
  /** Pseudo-count for the shrinkage of the late shares towards `lateShare`. */
  readonly strength: number;
}

/** Cap on day counts before the log transform, so a few very old debts do not dominate. */
const maxDays = 365;

/**
 * Writes the feature vector of history row `row` into `out` at `outOffset`. `amount` is the
 * invoice being scored, or NaN to score a typical invoice (amount ratio 0).
 */
export function writeFeatures(
  history: ArrayLike<number>,
  row: number,
  amount: number,
  priors: FeaturePriors,
  out: Float64Array | number[],
  outOffset: number,
): void {
  const base = row * historyColumnCount;
  const pseudoLate = priors.strength * priors.lateShare;
  const meanAmount = history[base + h.meanAmount] ?? 0;
  const ratio = meanAmount > 0 && amount > 0 ? Math.log(amount / meanAmount) : 0;

  out[outOffset] = ((history[base + h.late] ?? 0) + pseudoLate) / ((history[base + h.paid] ?? 0) + priors.strength);
  out[outOffset + 1] = ((history[base + h.recentLate] ?? 0) + pseudoLate) / ((history[base + h.recentPaid] ?? 0) + priors.strength);
  out[outOffset + 2] = Math.log1p(history[base + h.paid] ?? 0);
  out[outOffset + 3] = Math.log1p(Math.min(maxDays, history[base + h.daysLate] ?? 0));
  out[outOffset + 4] = Math.log1p(Math.min(maxDays, history[base + h.recentDaysLate] ?? 0));
  out[outOffset + 5] = Math.max(-3, Math.min(3, ratio));
  out[outOffset + 6] = (history[base + h.disputes] ?? 0) / ((history[base + h.issued] ?? 0) + 1);
  out[outOffset + 7] = Math.log1p(history[base + h.openOverdue] ?? 0);
  out[outOffset + 8] = Math.log1p(Math.min(maxDays, history[base + h.oldestOverdueDays] ?? 0));
  out[outOffset + 9] = Math.log1p(history[base + h.brokenPromises] ?? 0);
  out[outOffset + 10] = Math.log1p(history[base + h.bouncedPayments] ?? 0);
  out[outOffset + 11] = history[base + h.timing] ?? 0;
  out[outOffset + 12] = history[base + h.recentTiming] ?? 0;
}
