import { describe, expect, it } from 'vitest';
import { customerSnapshot, scoreCustomer, scoreLedger } from '../../../core/scoring/engine';
import { fitModel } from '../../../core/scoring/model';
import type { ScoreOptions } from '../../../core/scoring/context';
import type { LedgerSnapshot } from '../../../core/scoring/types';
import { syntheticLedger } from './support/synthetic-ledger';

const asOf = '2024-03-31';

/** Drops or rewrites every record dated after the as-of date, as if the ledger had been read that day. */
function asKnownOn(snapshot: LedgerSnapshot, date: string): LedgerSnapshot {
  const invoices = snapshot.invoices.filter((invoice) => invoice.issueDate <= date);
  const payments = snapshot.payments
    .filter((payment) => payment.paymentDate <= date)
    .map((payment) => ({ ...payment, reversedOn: payment.reversedOn !== null && payment.reversedOn <= date ? payment.reversedOn : null }));
  const invoiceIds = new Set(invoices.map((invoice) => invoice.id));
  const paymentIds = new Set(payments.map((payment) => payment.id));
  return {
    ...snapshot,
    invoices,
    payments,
    allocations: snapshot.allocations.filter((allocation) => invoiceIds.has(allocation.invoiceId) && paymentIds.has(allocation.paymentId)),
    creditNotes: snapshot.creditNotes.filter((note) => note.issueDate <= date),
    disputes: snapshot.disputes
      .filter((dispute) => dispute.openedOn <= date)
      .map((dispute) => ({ ...dispute, resolvedOn: dispute.resolvedOn !== null && dispute.resolvedOn <= date ? dispute.resolvedOn : null })),
    promises: snapshot.promises.filter((promise) => promise.madeOn <= date),
  };
}

/** Adds records of every kind dated after the as-of date, including changes to records from before it. */
function withFutureRecords(snapshot: LedgerSnapshot): LedgerSnapshot {
  const paidBefore = snapshot.payments.find((payment) => payment.paymentDate < '2024-03-01')!;
  const openDispute = snapshot.disputes.find((dispute) => dispute.openedOn <= asOf && (dispute.resolvedOn ?? '9999-12-31') > asOf)!;
  const customerId = snapshot.customers[0]!.id;
  const invoice = snapshot.invoices.find((candidate) => candidate.customerId === customerId && candidate.issueDate <= asOf)!;
  return {
    ...snapshot,
    invoices: [...snapshot.invoices, { ...invoice, id: 900_001, issueDate: '2024-04-02', dueDate: '2024-05-02', amountMinor: 9_999_999 }],
    payments: [
      ...snapshot.payments.map((payment) => (payment.id === paidBefore.id ? { ...payment, reversedOn: '2024-04-05' } : payment)),
      { id: 900_002, customerId, paymentDate: '2024-04-03', amountMinor: 5_000, currency: 'INR', reference: null, reversedOn: null },
    ],
    allocations: [...snapshot.allocations, { paymentId: 900_002, invoiceId: invoice.id, amountMinor: 5_000 }],
    creditNotes: [{ id: 900_003, customerId, invoiceId: invoice.id, noteNumber: 'CN-F', issueDate: '2024-04-04', amountMinor: 1_000, currency: 'INR' }],
    disputes: [
      ...snapshot.disputes.map((dispute) => (dispute.id === openDispute.id ? { ...dispute, resolvedOn: '2024-04-06' } : dispute)),
      { id: 900_004, invoiceId: invoice.id, openedOn: '2024-04-07', resolvedOn: null },
    ],
    promises: [{ id: 900_005, customerId, invoiceId: null, madeOn: '2024-04-08', promisedDate: '2024-04-09', amountMinor: 10, currency: 'INR' }],
  };
}

const futureOptions: ScoreOptions = {
  watchList: [{ id: 'w1', name: 'Customer 1', pan: null, gstin: null, cin: null, status: 'struck-off', source: 'MCA list', listedOn: '2024-05-01' }],
  contactChanges: [{ customerId: 1, changedOn: '2024-04-01', field: 'phone' }],
};

describe('scoreLedger', () => {
  const full = syntheticLedger(7, 40, 30);
  const known = asKnownOn(full, asOf);
  const result = scoreLedger(known, asOf);

  it('fits the model once the ledger has enough settled invoices', () => {
    expect(result.context.model.kind).toBe('logistic');
    expect(result.customers.every((customer) => customer.method === 'logistic')).toBe(true);
    for (const customer of result.customers) {
      expect(customer.score).toBe(Math.round(100 * customer.probability));
      expect(customer.reasons.length).toBeGreaterThanOrEqual(3);
      expect(customer.reasons.length).toBeLessThanOrEqual(5);
    }
  });

  it('ranks habitual late payers above prompt payers', () => {
    const byLateShare = [...result.customers].sort((a, b) => (a.analytics.payments.lateShare ?? 0) - (b.analytics.payments.lateShare ?? 0));
    const promptMean = byLateShare.slice(0, 10).reduce((sum, customer) => sum + customer.probability, 0) / 10;
    const lateMean = byLateShare.slice(-10).reduce((sum, customer) => sum + customer.probability, 0) / 10;
    expect(lateMean - promptMean).toBeGreaterThan(0.3);
  });

  it('totals the portfolio from the customers', () => {
    const outstanding = result.customers.reduce((sum, customer) => sum + customer.analytics.outstandingMinor, 0);
    expect(result.portfolio.outstandingMinor).toBe(outstanding);
    expect(result.portfolio.aging.reduce((sum, bucket) => sum + bucket.amountMinor, 0)).toBe(outstanding);
    expect(result.portfolio.byBand.reduce((sum, group) => sum + group.customers, 0)).toBe(40);
    expect(result.portfolio.bySmaClass.reduce((sum, group) => sum + group.outstandingMinor, 0)).toBe(outstanding);
  });

  it('ignores records dated after the as-of date', () => {
    const withFuture = scoreLedger(withFutureRecords(full), asOf, {}, futureOptions);
    const plain = scoreLedger(known, asOf, {}, { contactChanges: [], watchList: [] });
    expect(withFuture.customers).toEqual(plain.customers);
    expect(withFuture.portfolio).toEqual(plain.portfolio);
    expect(withFuture.context.model).toEqual(plain.context.model);
  });

  it('fits the same model whatever comes later', () => {
    expect(fitModel(withFutureRecords(full), asOf)).toEqual(fitModel(known, asOf));
  });

  it('rejects a model fitted after the as-of date', () => {
    const later = fitModel(full, '2024-05-31');
    expect(() => scoreLedger(full, asOf, {}, { model: later })).toThrow(/fitted as of 2024-05-31, after the as-of date 2024-03-31/);
  });
});

describe('scoreCustomer', () => {
  it('matches the full rescore for one customer', () => {
    const snapshot = syntheticLedger(11, 30, 25);
    const ledgerResult = scoreLedger(snapshot, asOf);
    for (const expected of ledgerResult.customers.slice(0, 5)) {
      const single = scoreCustomer(customerSnapshot(snapshot, expected.customerId), expected.customerId, ledgerResult.context);
      expect(single).toEqual(expected);
    }
  });

  it('scores an order being considered', () => {
    const snapshot = syntheticLedger(11, 30, 25);
    const { context, customers } = scoreLedger(snapshot, asOf);
    const id = customers[0]!.customerId;
    const typical = scoreCustomer(customerSnapshot(snapshot, id), id, context);
    const huge = scoreCustomer(customerSnapshot(snapshot, id), id, context, { proposedInvoiceMinor: 50_000_000 });
    expect(huge.probability).not.toBe(typical.probability);
    expect(huge.reasons.some((reason) => reason.code === 'amountRatio') || huge.reasons.length >= 3).toBe(true);
  });

  it('rescores one customer of a large ledger in well under 20 ms', () => {
    const snapshot = syntheticLedger(3, 2_000, 50);
    const { context } = scoreLedger(snapshot, asOf);
    const id = snapshot.customers[1_000]!.id;
    const single = customerSnapshot(snapshot, id);
    scoreCustomer(single, id, context);
    const runs = 20;
    const start = performance.now();
    for (let run = 0; run < runs; run++) scoreCustomer(single, id, context);
    expect((performance.now() - start) / runs).toBeLessThan(20);
  });

  it('rejects an unknown customer', () => {
    const snapshot = syntheticLedger(11, 3, 5);
    const { context } = scoreLedger(snapshot, asOf);
    expect(() => scoreCustomer(snapshot, 12_345, context)).toThrow(/Customer 12345 is not in the snapshot/);
  });
});

describe('scoreLedger scaling', () => {
  /** Returns the fastest of three full rescores with a fitted model, in milliseconds. */
  function fastestRescore(snapshot: LedgerSnapshot): number {
    const model = fitModel(snapshot, asOf);
    let fastest = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      scoreLedger(snapshot, asOf, {}, { model });
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  }

  it('grows about linearly with the ledger', () => {
    const small = fastestRescore(syntheticLedger(21, 1_000, 10));
    const large = fastestRescore(syntheticLedger(21, 8_000, 10));
    // Eight times the customers and invoices; a scan of the whole ledger per customer would give about 64.
    expect(large / small).toBeLessThan(16);
  });
});
