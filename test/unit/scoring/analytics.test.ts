import { describe, expect, it } from 'vitest';
import { addDays } from '../../../core/ledger/dates';
import { agingBucketDefinitions } from '../../../core/scoring/analytics/aging';
import { customerAnalytics, type CustomerAnalytics } from '../../../core/scoring/analytics/customer';
import { countBackBoundaries } from '../../../core/scoring/analytics/dso';
import { buildLedgerIndex } from '../../../core/scoring/index/ledger-index';
import { resolveSettings } from '../../../core/scoring/settings';
import type { LedgerSnapshot, ScoringSettingsInput } from '../../../core/scoring/types';
import { LedgerBuilder, seededRandom } from './support/ledger-builder';

function analyticsOf(snapshot: LedgerSnapshot, asOf: string, customerId: number, input: ScoringSettingsInput = {}): CustomerAnalytics {
  const settings = resolveSettings(input);
  const index = buildLedgerIndex(snapshot, asOf);
  const context = {
    settings,
    dsoBoundaries: countBackBoundaries(index.asOfDay, settings.dsoMaxMonths),
    agingDefinitions: agingBucketDefinitions(settings.agingBoundaries),
  };
  return customerAnalytics(index, index.customerIndexById.get(customerId) ?? -1, context);
}

describe('aging', () => {
  const ledger = new LedgerBuilder();
  const customer = ledger.customer();
  const unpaid60 = ledger.invoice(customer, '2024-01-01', '2024-01-31', 10_000);
  const partial = ledger.invoice(customer, '2024-02-01', '2024-03-02', 20_000);
  ledger.pay(partial, '2024-03-10', 5_000);
  ledger.invoice(customer, '2024-03-15', '2024-04-14', 7_000);
  ledger.invoice(customer, '2023-10-01', '2023-10-31', 4_000);
  ledger.invoice(customer, '2023-06-01', '2023-07-01', 1_000);
  ledger.invoice(customer, '2024-03-01', '2024-03-31', 3_000);
  const analytics = analyticsOf(ledger.snapshot(), '2024-03-31', customer);

  it('puts open balances into the default buckets', () => {
    expect(analytics.aging.map((bucket) => [bucket.label, bucket.amountMinor, bucket.invoiceCount])).toEqual([
      ['not yet due', 10_000, 2],
      ['1-30', 15_000, 1],
      ['31-60', 10_000, 1],
      ['61-90', 0, 0],
      ['91-180', 4_000, 1],
      ['over 180', 1_000, 1],
    ]);
  });

  it('totals outstanding and overdue balances', () => {
    expect(analytics.outstandingMinor).toBe(40_000);
    expect(analytics.overdueMinor).toBe(30_000);
    expect(analytics.openInvoiceCount).toBe(6);
    expect(analytics.overdueInvoiceCount).toBe(4);
    expect(analytics.payments.partiallyPaidOpenInvoices).toBe(1);
    expect(unpaid60).toBeGreaterThan(0);
  });

  it('counts days past due from the oldest unpaid due date', () => {
    expect(analytics.daysPastDue).toBe(274);
    expect(analytics.oldestUnpaidDueDate).toBe('2023-07-01');
  });

  it('uses configured bucket boundaries', () => {
    const custom = analyticsOf(ledger.snapshot(), '2024-03-31', customer, { agingBoundaries: [45, 200] });
    expect(custom.aging.map((bucket) => [bucket.label, bucket.amountMinor])).toEqual([
      ['not yet due', 10_000],
      ['1-45', 15_000],
      ['46-200', 14_000],
      ['over 200', 1_000],
    ]);
  });
});

describe('aging invariant on random ledgers', () => {
  it('buckets add up to the outstanding balance', () => {
    const random = seededRandom(20_240_401);
    for (let trial = 0; trial < 40; trial++) {
      const ledger = new LedgerBuilder();
      const customers = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ledger.customer());
      for (let n = 0; n < 30; n++) {
        const customer = customers[Math.floor(random() * customers.length)] ?? 0;
        const issue = addDays('2023-01-01', Math.floor(random() * 500));
        const amount = 100 + Math.floor(random() * 100_000);
        const invoice = ledger.invoice(customer, issue, addDays(issue, Math.floor(random() * 90)), amount);
        const roll = random();
        if (roll < 0.4) ledger.pay(invoice, addDays(issue, Math.floor(random() * 200)));
        else if (roll < 0.6) ledger.pay(invoice, addDays(issue, Math.floor(random() * 200)), Math.floor(amount * random()));
        else if (roll < 0.7) ledger.pay(invoice, addDays(issue, 10), amount, addDays(issue, 10 + Math.floor(random() * 100)));
        else if (roll < 0.8) ledger.creditNote(customer, invoice, addDays(issue, Math.floor(random() * 100)), Math.floor(amount * random() * 1.5));
      }
      const asOf = addDays('2023-01-01', Math.floor(random() * 700));
      const snapshot = ledger.snapshot();
      for (const customer of customers) {
        const analytics = analyticsOf(snapshot, asOf, customer);
        const bucketTotal = analytics.aging.reduce((sum, bucket) => sum + bucket.amountMinor, 0);
        expect(bucketTotal).toBe(analytics.outstandingMinor);
        expect(analytics.outstandingMinor).toBe(naiveOutstanding(snapshot, customer, asOf));
      }
    }
  });
});

/** Outstanding balance computed record by record, independently of the index. */
function naiveOutstanding(snapshot: LedgerSnapshot, customerId: number, asOf: string): number {
  let total = 0;
  for (const invoice of snapshot.invoices) {
    if (invoice.customerId !== customerId || invoice.issueDate > asOf) continue;
    let paid = 0;
    for (const allocation of snapshot.allocations.filter((candidate) => candidate.invoiceId === invoice.id)) {
      const payment = snapshot.payments.find((candidate) => candidate.id === allocation.paymentId)!;
      const reversed = payment.reversedOn !== null && payment.reversedOn <= asOf;
      if (payment.paymentDate <= asOf && !reversed) paid += allocation.amountMinor;
    }
    for (const note of snapshot.creditNotes) {
      if (note.invoiceId === invoice.id && note.issueDate <= asOf) paid += note.amountMinor;
    }
    total += Math.max(0, invoice.amountMinor - paid);
  }
  return total;
}

describe('DSO by count-back', () => {
  const ledger = new LedgerBuilder();
  const customer = ledger.customer();
  const january = ledger.invoice(customer, '2024-01-15', '2024-02-14', 3_100);
  const february = ledger.invoice(customer, '2024-02-10', '2024-03-11', 2_900);
  ledger.invoice(customer, '2024-03-05', '2024-04-04', 1_000);
  ledger.invoice(customer, '2024-03-20', '2024-04-19', 2_000);
  ledger.pay(january, '2024-02-10');
  ledger.pay(february, '2024-03-10', 1_450);

  it('counts back whole months and a fraction of the last', () => {
    const analytics = analyticsOf(ledger.snapshot(), '2024-03-31', customer);
    // 4,450 outstanding: March sales 3,000 take 31 days; the rest 1,450 is half of February's 2,900, so 14.5 of its 29 days.
    expect(analytics.outstandingMinor).toBe(4_450);
    expect(analytics.dso.days).toBeCloseTo(45.5, 10);
    expect(analytics.dso.capped).toBe(false);
    expect(analytics.dso.periodStart).toBe('2024-02-01');
  });

  it('stops at the window and marks the result capped', () => {
    const unpaid = new LedgerBuilder();
    const id = unpaid.customer();
    unpaid.invoice(id, '2024-01-15', '2024-02-14', 3_100);
    unpaid.invoice(id, '2024-02-10', '2024-03-11', 2_900);
    unpaid.invoice(id, '2024-03-20', '2024-04-19', 3_000);
    const analytics = analyticsOf(unpaid.snapshot(), '2024-03-31', id, { dsoMaxMonths: 2 });
    expect(analytics.dso.days).toBe(60);
    expect(analytics.dso.capped).toBe(true);
  });

  it('is zero with nothing outstanding', () => {
    const idle = ledger.customer();
    const analytics = analyticsOf(ledger.snapshot(), '2024-03-31', idle);
    expect(analytics.dso.days).toBe(0);
  });
});

describe('payment behaviour', () => {
  const ledger = new LedgerBuilder();
  const customer = ledger.customer({ creditLimitMinor: 4_000 });
  const onTime = ledger.invoice(customer, '2023-12-11', '2024-01-10', 10_000);
  const fourLate = ledger.invoice(customer, '2024-01-11', '2024-02-10', 10_000);
  const twentyLate = ledger.invoice(customer, '2024-03-11', '2024-04-10', 30_000);
  const fourLateAgain = ledger.invoice(customer, '2024-04-10', '2024-05-10', 10_000);
  const early = ledger.invoice(customer, '2024-05-11', '2024-06-10', 20_000);
  const open = ledger.invoice(customer, '2024-06-10', '2024-07-10', 5_000);
  ledger.pay(onTime, '2024-01-10');
  ledger.pay(fourLate, '2024-02-14');
  ledger.pay(twentyLate, '2024-04-20', 10_000);
  ledger.pay(twentyLate, '2024-04-30', 20_000);
  ledger.pay(fourLateAgain, '2024-05-14');
  ledger.pay(early, '2024-06-01');
  ledger.dispute(twentyLate, '2024-04-15', '2024-04-25');
  ledger.dispute(open, '2024-06-20');
  ledger.promise(customer, null, '2024-05-01', '2024-05-20', 10_000);
  ledger.promise(customer, open, '2024-06-15', '2024-06-25', 5_000);
  ledger.promise(customer, open, '2024-06-28', '2024-07-05', 5_000);
  ledger.promise(customer, null, '2024-06-02', '2024-06-30', 1_000);
  ledger.payment(customer, '2024-06-05', 2_000, '2024-06-08');
  const analytics = analyticsOf(ledger.snapshot(), '2024-06-30', customer);

  it('counts late payments', () => {
    expect(analytics.payments.paidInvoiceCount).toBe(5);
    expect(analytics.payments.latePaidInvoiceCount).toBe(3);
    expect(analytics.payments.lateShare).toBeCloseTo(0.6, 12);
  });

  it('weights days beyond terms by amount', () => {
    // (0 × 10,000 + 4 × 10,000 + 20 × 30,000 + 4 × 10,000 + 0 × 20,000) / 80,000 = 8.5
    expect(analytics.payments.averageDaysBeyondTerms).toBeCloseTo(8.5, 12);
    // Settled 2024-04-01..06-30: (20 × 30,000 + 4 × 10,000 + 0) / 60,000; 2024-01-01..03-31: (0 + 4 × 10,000) / 20,000.
    expect(analytics.payments.averageDaysBeyondTermsLastQuarter).toBeCloseTo(640 / 60, 12);
    expect(analytics.payments.averageDaysBeyondTermsPreviousQuarter).toBeCloseTo(2, 12);
  });

  it('takes the most recently settled invoices as recent', () => {
    const recent = analyticsOf(ledger.snapshot(), '2024-06-30', customer, { model: { recentInvoiceCount: 3 } });
    expect(recent.payments.recentPaidCount).toBe(3);
    expect(recent.payments.recentLateCount).toBe(2);
  });

  it('counts instalments, disputes and reversed payments', () => {
    expect(analytics.payments.instalmentSettledInvoices).toBe(1);
    expect(analytics.payments.partiallyPaidOpenInvoices).toBe(0);
    expect(analytics.disputes).toEqual({ open: 1, openAmountMinor: 5_000, onRecord: 2 });
    expect(analytics.bouncedPayments).toBe(1);
  });

  it('judges promises to pay', () => {
    expect(analytics.promises).toEqual({ made: 4, kept: 1, broken: 1, pending: 2 });
  });

  it('measures exposure against the credit limit', () => {
    expect(analytics.credit).toEqual({ limitMinor: 4_000, exposureMinor: 5_000, utilisation: 1.25, overLimitMinor: 1_000 });
  });

  it('falls back to the segment credit limit', () => {
    const segmented = new LedgerBuilder();
    const id = segmented.customer({ segment: 'retail' });
    segmented.invoice(id, '2024-06-01', '2024-07-01', 2_500);
    const result = analyticsOf(segmented.snapshot(), '2024-06-30', id, { segmentPolicies: { retail: { defaultCreditLimitMinor: 10_000 } } });
    expect(result.credit.limitMinor).toBe(10_000);
    expect(result.credit.utilisation).toBe(0.25);
  });
});
