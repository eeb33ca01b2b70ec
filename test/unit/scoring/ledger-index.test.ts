import { describe, expect, it } from 'vitest';
import { fromDayNumber } from '../../../core/ledger/dates';
import { isoDateOf, NEVER } from '../../../core/scoring/index/days';
import { buildLedgerIndex, type LedgerIndex } from '../../../core/scoring/index/ledger-index';
import { LedgerBuilder } from './support/ledger-builder';

function position(index: LedgerIndex, invoiceId: number): number {
  return index.invoiceLookup.get(invoiceId);
}

function settledOn(index: LedgerIndex, invoiceId: number): string | null {
  const day = index.settledDay[position(index, invoiceId)] ?? NEVER;
  return day === NEVER ? null : fromDayNumber(day);
}

describe('buildLedgerIndex', () => {
  it('settles an invoice on the day its payments reach the amount', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const invoice = ledger.invoice(customer, '2024-01-01', '2024-01-31', 10_000);
    ledger.pay(invoice, '2024-01-20', 4_000);
    ledger.pay(invoice, '2024-02-05', 6_000);
    const index = buildLedgerIndex(ledger.snapshot(), '2024-03-01');

    expect(settledOn(index, invoice)).toBe('2024-02-05');
    expect(index.balance[position(index, invoice)]).toBe(0);
    expect(index.settlementCount[position(index, invoice)]).toBe(2);
  });

  it('keeps a partly paid invoice open with its balance', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const invoice = ledger.invoice(customer, '2024-01-01', '2024-01-31', 10_000);
    ledger.pay(invoice, '2024-01-20', 4_000);
    const index = buildLedgerIndex(ledger.snapshot(), '2024-03-01');

    expect(settledOn(index, invoice)).toBeNull();
    expect(index.balance[position(index, invoice)]).toBe(6_000);
  });

  it('reopens an invoice from the day its payment is reversed', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const invoice = ledger.invoice(customer, '2024-01-01', '2024-01-31', 10_000);
    ledger.pay(invoice, '2024-01-20', 10_000, '2024-01-25');
    ledger.pay(invoice, '2024-02-10');

    const before = buildLedgerIndex(ledger.snapshot(), '2024-01-24');
    expect(settledOn(before, invoice)).toBe('2024-01-20');
    const reversed = buildLedgerIndex(ledger.snapshot(), '2024-01-31');
    expect(settledOn(reversed, invoice)).toBeNull();
    expect(reversed.balance[position(reversed, invoice)]).toBe(10_000);
    const later = buildLedgerIndex(ledger.snapshot(), '2024-03-01');
    expect(settledOn(later, invoice)).toBe('2024-02-10');
  });

  it('applies credit notes and counts unallocated money as unapplied credit', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const invoice = ledger.invoice(customer, '2024-01-01', '2024-01-31', 10_000);
    ledger.creditNote(customer, invoice, '2024-01-10', 3_000);
    ledger.pay(invoice, '2024-01-15', 7_000);
    ledger.creditNote(customer, null, '2024-01-12', 500);
    ledger.payment(customer, '2024-01-16', 2_000);
    const index = buildLedgerIndex(ledger.snapshot(), '2024-02-01');

    expect(settledOn(index, invoice)).toBe('2024-01-15');
    expect(index.unappliedCredit[0]).toBe(2_500);
  });

  it('leaves out records dated after the as-of date', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const early = ledger.invoice(customer, '2024-01-01', '2024-01-31', 10_000);
    ledger.invoice(customer, '2024-02-15', '2024-03-15', 5_000);
    ledger.pay(early, '2024-02-20');
    ledger.dispute(early, '2024-02-20');
    const index = buildLedgerIndex(ledger.snapshot(), '2024-02-10');

    expect(index.invoices.map((invoice) => invoice.id)).toEqual([early]);
    expect(index.payments).toHaveLength(0);
    expect(index.disputes).toHaveLength(0);
    expect(settledOn(index, early)).toBeNull();
  });

  it('groups invoices by customer in issue-date order', () => {
    const ledger = new LedgerBuilder();
    const first = ledger.customer();
    const second = ledger.customer();
    const late = ledger.invoice(second, '2024-03-01', '2024-03-31', 100);
    const a = ledger.invoice(first, '2024-02-01', '2024-03-02', 100);
    const early = ledger.invoice(second, '2024-01-01', '2024-01-31', 100);
    const index = buildLedgerIndex(ledger.snapshot(), '2024-04-01');

    expect(Array.from(index.invoiceStart)).toEqual([0, 1, 3]);
    expect(index.invoices.map((invoice) => invoice.id)).toEqual([a, early, late]);
  });

  it('converts other currencies and excludes those without a rate', () => {
    const ledger = new LedgerBuilder();
    const customer = ledger.customer();
    const dollars = ledger.invoice(customer, '2024-01-01', '2024-01-31', 1_000, { currency: 'USD' });
    const euros = ledger.invoice(customer, '2024-01-01', '2024-01-31', 1_000, { currency: 'EUR' });
    const index = buildLedgerIndex(ledger.snapshot({ baseCurrency: 'INR', exchangeRates: { USD: 83.25 } }), '2024-02-01');

    expect(index.amount[position(index, dollars)]).toBe(83_250);
    expect(position(index, euros)).toBe(-1);
    expect(index.excluded).toEqual([{ kind: 'invoice', id: euros, reason: 'no exchange rate from EUR' }]);
  });

  it('formats day numbers like the ledger helpers', () => {
    for (let day = -800_000; day < 800_000; day += 997) {
      if (day < -719_162) continue;
      expect(isoDateOf(day)).toBe(fromDayNumber(day));
    }
  });
});
