import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/ledger/dates';
import { backtest } from '../../../core/scoring/backtest';
import type { LedgerSnapshot } from '../../../core/scoring/types';
import { sampleData, sampleDataPath } from '../../support/sample-data';
import { loadIbmLedger } from './support/ibm-ledger';
import { syntheticLedger } from './support/synthetic-ledger';

const split = '2024-01-01';

/** Moves the payment of one invoice `days` later. */
function delayPayment(snapshot: LedgerSnapshot, invoiceId: number, days: number): LedgerSnapshot {
  const paymentId = snapshot.allocations.find((allocation) => allocation.invoiceId === invoiceId)!.paymentId;
  return {
    ...snapshot,
    payments: snapshot.payments.map((payment) => (payment.id === paymentId ? { ...payment, paymentDate: addDays(payment.paymentDate, days) } : payment)),
  };
}

describe('backtest', () => {
  const snapshot = syntheticLedger(5, 40, 30);
  const result = backtest(snapshot, split);

  it('scores every invoice issued on or after the split date', () => {
    const expected = snapshot.invoices.filter((invoice) => invoice.issueDate >= split).length;
    expect(result.predictions).toHaveLength(expected);
    expect(result.model.kind).toBe('logistic');
    expect(result.model.fittedAsOf).toBe('2023-12-31');
    expect(result.quality.count).toBe(expected);
    expect(result.quality.auc).toBeGreaterThan(0.7);
  });

  it('labels outcomes by payment after the due date', () => {
    const invoice = snapshot.invoices.find((candidate) => candidate.issueDate >= split)!;
    const payment = snapshot.payments.find((candidate) => candidate.id === snapshot.allocations.find((allocation) => allocation.invoiceId === invoice.id)?.paymentId)!;
    const prediction = result.predictions.find((candidate) => candidate.invoiceId === invoice.id);
    expect(prediction?.late).toBe(payment.paymentDate > invoice.dueDate);
  });

  it('uses nothing known after each invoice date', () => {
    const target = result.predictions[Math.floor(result.predictions.length / 2)]!;
    const paymentId = snapshot.allocations.find((allocation) => allocation.invoiceId === target.invoiceId)!.paymentId;
    const paidOn = snapshot.payments.find((payment) => payment.id === paymentId)!.paymentDate;
    const changed = backtest(delayPayment(snapshot, target.invoiceId, 120), split);

    const before = new Map(result.predictions.map((prediction) => [prediction.invoiceId, prediction.probability]));
    let compared = 0;
    for (const prediction of changed.predictions) {
      if (prediction.issueDate > paidOn) continue;
      expect(prediction.probability).toBe(before.get(prediction.invoiceId));
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
    expect(changed.predictions.find((prediction) => prediction.invoiceId === target.invoiceId)?.late).toBe(true);
  });

  it('falls back to the scorecard without enough history', () => {
    const small = syntheticLedger(5, 3, 10);
    const fallback = backtest(small, split);
    expect(fallback.model.kind).toBe('scorecard');
    expect(fallback.predictions.every((prediction) => prediction.probability >= 0 && prediction.probability <= 1)).toBe(true);
  });
});

describe.skipIf(!sampleData.available)('backtest on the IBM accounts-receivable sample', () => {
  it('reaches an AUC of at least 0.86 for late payment', () => {
    const ledger = loadIbmLedger(sampleDataPath('ibm-ar', 'WA_Fn-UseC_-Accounts-Receivable.csv'));
    const result = backtest(ledger, '2013-07-01');

    expect(ledger.invoices).toHaveLength(2_466);
    expect(result.model.kind).toBe('logistic');
    expect(result.quality.count).toBe(536);
    expect(result.quality.positives).toBe(151);
    expect(result.quality.auc).toBeGreaterThanOrEqual(0.86);
    expect(result.quality.brier).toBeLessThan(0.15);
    expect(result.quality.calibration).toHaveLength(10);
    console.info(`IBM backtest from 2013-07-01: AUC ${result.quality.auc?.toFixed(4)}, KS ${result.quality.ks?.toFixed(4)}, Brier ${result.quality.brier?.toFixed(4)}`);
  });
});
