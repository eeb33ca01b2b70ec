import type { TermsLookup } from '../build/terms';
import { readRowCustomer } from './row-customer';
import type { RowCells, TableContext } from './row-cells';

/** Reads a row of a payment list: one payment, set against the row's invoice number when it has one. */
export function readPaymentRow(cells: RowCells, context: TableContext, terms: TermsLookup): void {
  const { collector } = context;
  const customerKey = readRowCustomer(cells, context, null, terms);
  const date = cells.date('paymentDate', 'Payment date');
  if (date === null && cells.raw('paymentDate') === '') cells.report('paymentDate', 'missing-payment-date', 'The payment date is missing.');
  const amount = cells.amount('amount', 'Payment amount');
  if (amount === null && cells.raw('amount') === '') cells.report('amount', 'missing-amount', 'The payment amount is missing.');
  if (amount !== null && amount.minor <= 0) {
    cells.report('amount', 'negative-payment', `Payment amount ${cells.raw('amount')} is not positive: refunds and reversals are not imported as payments.`);
  }
  const currency = amount === null ? null : cells.currency(amount.currency);
  const invoiceNumber = cells.text('invoiceNumber');

  if (customerKey === null || date === null || amount === null || currency === null || cells.failed) {
    collector.stats.rowsRejected++;
    return;
  }
  collector.addPayment({
    payment: {
      key: `row-${cells.number}`,
      customerKey,
      paymentDate: date,
      amountMinor: amount.minor,
      currency,
      reference: cells.text('paymentReference'),
      sourceRow: cells.number,
    },
    allocations: invoiceNumber === null ? [] : [{ invoiceNumber, amountMinor: amount.minor }],
  });
}
