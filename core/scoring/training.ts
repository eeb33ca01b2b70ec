import { NEVER } from './index/days';
import type { LedgerIndex } from './index/ledger-index';
import { featureCount, writeFeatures, type FeaturePriors } from './features';
import { historyColumnCount, sweepHistory } from './history';

/** History rows of every indexed invoice, row i for invoice i, each as known on the invoice's issue day. */
export function invoiceHistory(index: LedgerIndex, graceDays: number, recentCount: number): Float64Array {
  const history = new Float64Array(index.invoices.length * historyColumnCount);
  for (let customer = 0; customer < index.customers.length; customer++) {
    const start = index.invoiceStart[customer] ?? 0;
    const end = index.invoiceStart[customer + 1] ?? 0;
    if (start === end) continue;
    sweepHistory(index, customer, index.issueDay.subarray(start, end), graceDays, recentCount, history, start);
  }
  return history;
}

/** Returns 1 when the invoice was settled more than `graceDays` after its due date, else 0. */
export function lateLabel(index: LedgerIndex, invoice: number, graceDays: number): number {
  return (index.settledDay[invoice] ?? 0) - (index.dueDay[invoice] ?? 0) > graceDays ? 1 : 0;
}

/** Returns the invoices settled before `beforeDay` (labelled by then), ascending by issue day then position. */
export function labelledBefore(index: LedgerIndex, beforeDay: number): Int32Array {
  const labelled: number[] = [];
  for (let invoice = 0; invoice < index.invoices.length; invoice++) {
    const settled = index.settledDay[invoice] ?? NEVER;
    if (settled !== NEVER && settled < beforeDay) labelled.push(invoice);
  }
  labelled.sort((a, b) => (index.issueDay[a] ?? 0) - (index.issueDay[b] ?? 0) || a - b);
  return Int32Array.from(labelled);
}

export interface TrainingSet {
  readonly x: Float64Array;
  readonly y: Uint8Array;
  readonly rows: number;
  readonly priors: FeaturePriors;
}

/** Builds features and labels for the given invoices, with priors taken from their own labels. */
export function trainingSet(
  index: LedgerIndex,
  history: Float64Array,
  invoices: Int32Array,
  graceDays: number,
  priorStrength: number,
): TrainingSet {
  const rows = invoices.length;
  const y = new Uint8Array(rows);
  let late = 0;
  for (let row = 0; row < rows; row++) {
    y[row] = lateLabel(index, invoices[row] ?? 0, graceDays);
    late += y[row] ?? 0;
  }
  const priors: FeaturePriors = { lateShare: rows > 0 ? late / rows : 0, strength: priorStrength };
  const x = new Float64Array(rows * featureCount);
  for (let row = 0; row < rows; row++) {
    const invoice = invoices[row] ?? 0;
    writeFeatures(history, invoice, index.amount[invoice] ?? 0, priors, x, row * featureCount);
  }
  return { x, y, rows, priors };
}
