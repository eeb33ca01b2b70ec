import { addDays, formatMoney, type IsoDate } from '../../ledger';
import type { TermsLookup } from '../build/terms';
import type { InvoiceDraft } from '../types';
import { buildInvoiceDraft, type InvoiceSettings } from './invoice-draft';
import { readRowCustomer } from './row-customer';
import type { AmountValue, RowCells, TableContext } from './row-cells';

/** Invoice statuses that mean the invoice is not a receivable (Zoho Books and similar exports). */
const inactiveStatus = /^(void|voided|draft|cancel+ed|rejected|deleted)$/i;

/**
 * Reads a row of an invoice list: one invoice, plus one payment when the row shows part or all of
 * it paid (a paid amount, an open amount below the total, or a settlement date).
 */
export function readInvoiceRow(cells: RowCells, context: TableContext, settings: InvoiceSettings, terms: TermsLookup): void {
  const { collector } = context;
  const status = cells.raw('status');
  if (status !== '' && inactiveStatus.test(status)) {
    cells.report('status', 'inactive-invoice', `The invoice has status "${status}" and was skipped.`, 'warning');
    collector.stats.rowsSkipped++;
    return;
  }

  const customerKey = readRowCustomer(cells, context, null, terms);
  const amount = cells.amount('amount', 'Invoice amount');
  if (amount === null && cells.raw('amount') === '') cells.report('amount', 'missing-amount', 'The invoice amount is missing.');
  const open = cells.has('openAmount') ? cells.amount('openAmount', 'Open amount') : null;
  const paid = cells.has('paidAmount') ? cells.amount('paidAmount', 'Paid amount') : null;
  const payment: RowPayment = {
    paid,
    open,
    date: cells.date('paymentDate', 'Payment date'),
    daysToPayment: cells.has('daysToPayment') ? cells.integer('daysToPayment', 'Days to payment') : null,
  };
  if (amount !== null && amount.minor < 0) {
    cells.report('amount', 'negative-invoice', `Invoice amount ${cells.raw('amount')} is negative: credit notes are not imported as invoices.`);
  }
  if (customerKey === null || amount === null || cells.failed) {
    collector.stats.rowsRejected++;
    return;
  }

  const invoice = buildInvoiceDraft(cells, context, settings, customerKey, amount, open?.minor ?? null);
  if (invoice === null) {
    collector.stats.rowsRejected++;
    return;
  }
  if (collector.addInvoice(invoice)) addRowPayment(cells, context, invoice, payment);
}

interface RowPayment {
  readonly paid: AmountValue | null;
  readonly open: AmountValue | null;
  readonly date: IsoDate | null;
  readonly daysToPayment: number | null;
}

/** Adds the payment the row shows: the amount paid and its date. */
function addRowPayment(cells: RowCells, context: TableContext, invoice: InvoiceDraft, payment: RowPayment): void {
  const { mapping, collector } = context;
  const { paid, open, date: paymentDate, daysToPayment } = payment;
  let paidMinor: number;
  if (paid !== null) paidMinor = paid.minor;
  else if (mapping.settledInFull && paymentDate !== null) paidMinor = invoice.amountMinor;
  else if (open !== null && paymentDate !== null) paidMinor = invoice.amountMinor - open.minor;
  else paidMinor = 0;

  if (paid !== null && open !== null && invoice.amountMinor - paid.minor !== open.minor) {
    cells.report(
      'openAmount',
      'balance-mismatch',
      `Amount ${formatMoney(invoice.amountMinor, invoice.currency)} minus paid ${formatMoney(paid.minor, invoice.currency)} is not the open amount ${formatMoney(open.minor, invoice.currency)}.`,
      'warning',
    );
  }
  if (paidMinor <= 0) return;

  let date = paymentDate;
  if (date === null && daysToPayment !== null) date = addDays(invoice.issueDate, daysToPayment);
  if (date === null) {
    cells.report(
      cells.has('paymentDate') ? 'paymentDate' : 'paidAmount',
      'payment-without-date',
      `The row shows ${formatMoney(paidMinor, invoice.currency)} paid but no payment date, so no payment was recorded.`,
      'warning',
    );
    return;
  }

  const key = `row-${cells.number}`;
  collector.addPayment({
    payment: {
      key,
      customerKey: invoice.customerKey,
      paymentDate: date,
      amountMinor: paidMinor,
      currency: invoice.currency,
      reference: cells.text('paymentReference'),
      sourceRow: cells.number,
    },
    allocations: [{ invoiceNumber: invoice.invoiceNumber, amountMinor: paidMinor }],
  });
}
