import { describe, expect, it } from 'vitest';
import type { CustomerAnalytics } from '../../../core/scoring/analytics/customer';
import { featureCount, featureNames } from '../../../core/scoring/features';
import { historyColumnCount, historyColumns as h } from '../../../core/scoring/history';
import type { LogisticModel } from '../../../core/scoring/logistic';
import { modelReasons, nowRow, quarterAgoRow } from '../../../core/scoring/reasons';
import { applyScorecard, scorecardTable } from '../../../core/scoring/scorecard';
import { scoreLedger } from '../../../core/scoring/engine';
import { LedgerBuilder } from './support/ledger-builder';

describe('applyScorecard', () => {
  it('adds the points of each bin to the base', () => {
    const result = applyScorecard({
      paidInvoices: 2, lateShare: 0.5, daysBeyondTerms: 31, daysPastDue: 45,
      openDisputes: 1, brokenPromises: 1, bouncedPayments: 0, limitUtilisation: 0.9,
    });
    // 5 base + 10 (1-2 paid) + 16 (26-50% late) + 15 (31-60 days) + 12 (31-60 past due) + 5 + 5 + 0 + 3
    expect(result.score).toBe(71);
    expect(result.probability).toBe(0.71);
    expect(result.lines.map((line) => line.binLabel)).toEqual(['1-2', '26-50%', '31-60', '31-60', '1 or more', '1', 'none', '81-100%']);
  });

  it('limits the score to 100 and uses missing-value points', () => {
    const worst = applyScorecard({
      paidInvoices: 0, lateShare: null, daysBeyondTerms: null, daysPastDue: 400,
      openDisputes: 3, brokenPromises: 4, bouncedPayments: 2, limitUtilisation: 3,
    });
    expect(worst.score).toBe(5 + 15 + 0 + 0 + 30 + 5 + 10 + 10 + 8);
    const capped = applyScorecard({
      paidInvoices: 1, lateShare: 1, daysBeyondTerms: 90, daysPastDue: 400,
      openDisputes: 3, brokenPromises: 4, bouncedPayments: 2, limitUtilisation: 3,
    });
    expect(capped.score).toBe(100);
  });

  it('exports every characteristic for display', () => {
    expect(scorecardTable.map((characteristic) => characteristic.key)).toEqual([
      'paidInvoices', 'lateShare', 'daysBeyondTerms', 'daysPastDue', 'openDisputes', 'brokenPromises', 'bouncedPayments', 'limitUtilisation',
    ]);
  });
});

/** Six paid invoices of 10,000, four late; 72 days beyond terms in all, 4 of them before the last quarter. */
function lateningLedger(): { ledger: LedgerBuilder; customer: number } {
  const ledger = new LedgerBuilder();
  const customer = ledger.customer();
  const payments: [string, string][] = [
    ['2024-01-10', '2024-01-10'], ['2024-02-10', '2024-02-14'], ['2024-04-10', '2024-04-30'],
    ['2024-05-10', '2024-05-30'], ['2024-05-20', '2024-06-17'], ['2024-06-10', '2024-06-10'],
  ];
  for (const [due, paid] of payments) {
    const issue = new Date(Date.parse(due) - 30 * 86_400_000).toISOString().slice(0, 10);
    ledger.pay(ledger.invoice(customer, issue, due, 10_000), paid);
  }
  return { ledger, customer };
}

describe('scorecard scoring', () => {
  it('scores a small ledger with the scorecard and explains it', () => {
    const { ledger, customer } = lateningLedger();
    const result = scoreLedger(ledger.snapshot(), '2024-06-30').customers.find((score) => score.customerId === customer);

    expect(result?.method).toBe('scorecard');
    // 5 base + 25 (4 of 6 late) + 5 (12 days beyond terms)
    expect(result?.score).toBe(35);
    expect(result?.band).toBe('C');
    expect(result?.suggestedAction).toBe('shorter-terms');
    expect(result?.reasons.map((reason) => [reason.text, reason.direction, reason.impactPoints])).toEqual([
      ['paid 4 of 6 invoices late', 'raises', 25],
      ['average 12 days beyond terms, up from 2 a quarter ago', 'raises', 5],
      ['nothing overdue now', 'lowers', 0],
    ]);
  });
});

describe('modelReasons', () => {
  const weights = new Float64Array(featureCount);
  weights[featureNames.indexOf('recentLateShare')] = 2;
  weights[featureNames.indexOf('daysLate')] = 1;
  weights[featureNames.indexOf('paidCount')] = -0.5;
  weights[featureNames.indexOf('openOverdue')] = 0.01;
  const model: LogisticModel = {
    means: new Float64Array(featureCount), scales: new Float64Array(featureCount).fill(1), weights, intercept: -1, iterations: 1, converged: true,
  };

  it('orders reasons by their effect on the score', () => {
    const features = new Float64Array(featureCount);
    features[featureNames.indexOf('recentLateShare')] = 0.6;
    features[featureNames.indexOf('daysLate')] = 2;
    features[featureNames.indexOf('paidCount')] = 2;
    features[featureNames.indexOf('openOverdue')] = 0.1;
    const history = new Float64Array(2 * historyColumnCount);
    history[nowRow * historyColumnCount + h.daysLate] = 12;
    history[nowRow * historyColumnCount + h.paid] = 6;
    history[quarterAgoRow * historyColumnCount + h.daysLate] = 2;
    history[quarterAgoRow * historyColumnCount + h.paid] = 2;
    const analytics = {
      payments: { paidInvoiceCount: 6, latePaidInvoiceCount: 4, recentPaidCount: 6, recentLateCount: 4 },
      overdueInvoiceCount: 0,
    } as CustomerAnalytics;

    const reasons = modelReasons(model, features, { analytics, history, amountRatio: null }, { minReasons: 3, maxReasons: 5 });
    // The log-odds are -1 + 1.2 + 2 - 1 + 0.001. Removing each contribution in turn gives the impacts.
    const full = 1 / (1 + Math.exp(-(1.201)));
    expect(reasons.map((reason) => reason.text)).toEqual([
      'average 12 days beyond terms, up from 2 a quarter ago',
      'paid 4 of the last 6 invoices late',
      '6 invoices paid so far',
    ]);
    expect(reasons[0]?.impactPoints).toBeCloseTo(100 * (full - 1 / (1 + Math.exp(-(1.201 - 2)))), 10);
    expect(reasons[2]?.direction).toBe('lowers');
  });
});

describe('reasons without payment history', () => {
  it('give one history reason, never both directions', async () => {
    const { scoreLedger } = await import('../../../core/scoring/index');
    const customers = [1, 2, 3].map((id) => ({ id, externalRef: null, name: `C${id}`, gstin: null, pan: null, cin: null, address: null, segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: null, contacts: [] }));
    const invoices = [];
    const payments = [];
    const allocations = [];
    let id = 0;
    // Customers 1 and 2 have long, mixed histories so a logistic model is fitted; customer 3 has none.
    for (let month = 0; month < 40; month += 1) {
      for (const customerId of [1, 2]) {
        id += 1;
        const issue = new Date(Date.UTC(2022, month, 1)).toISOString().slice(0, 10);
        const due = new Date(Date.UTC(2022, month, 31)).toISOString().slice(0, 10);
        const late = (month + customerId) % 3 === 0;
        const paid = new Date(Date.UTC(2022, month, late ? 45 : 20)).toISOString().slice(0, 10);
        invoices.push({ id, customerId, invoiceNumber: `I${id}`, issueDate: issue, dueDate: due, amountMinor: 10_000 + month, currency: 'INR', description: null });
        payments.push({ id, customerId, paymentDate: paid, amountMinor: 10_000 + month, currency: 'INR', reference: null, reversedOn: null });
        allocations.push({ paymentId: id, invoiceId: id, amountMinor: 10_000 + month });
      }
    }
    const result = scoreLedger({ customers, invoices, payments, allocations, creditNotes: [], disputes: [], promises: [], settings: { baseCurrency: 'INR' } }, '2025-12-31');
    const newcomer = result.customers.find((score) => score.customerId === 3)!;
    const historyReasons = newcomer.reasons.filter((reason) => reason.text.startsWith('no invoices paid yet'));
    expect(historyReasons).toHaveLength(1);
    expect(newcomer.reasons.some((reason) => /last 0/.test(reason.text))).toBe(false);
  });
});
