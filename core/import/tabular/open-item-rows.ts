import { formatMoney } from '../../ledger';
import type { TermsLookup } from '../build/terms';
import { readAmount } from '../values/amounts';
import { buildInvoiceDraft, type InvoiceSettings } from './invoice-draft';
import { readRowCustomer } from './row-customer';
import type { AmountValue, RowCells, TableContext } from './row-cells';

/**
 * Reads the open amount of a report row from the open-amount column, else the sum of the
 * ageing-bucket columns, else the amount column. Returns null when none has a value.
 */
function readOpenAmount(cells: RowCells, context: TableContext): AmountValue | null {
  if (cells.has('openAmount')) return cells.amount('openAmount', 'Pending amount');
  const buckets = context.columns.agingIndexes;
  if (buckets.length > 0) {
    let total: AmountValue | null = null;
    for (const index of buckets) {
      const text = cells.row.cells[index] ?? '';
      const reading = readAmount(text, { defaultCurrency: context.mapping.defaultCurrency, decimalSeparator: context.mapping.decimalSeparator });
      if (reading.kind === 'invalid') {
        cells.report(null, reading.code, `Ageing amount ${reading.reason}`);
        return null;
      }
      if (reading.kind === 'amount') {
        const sum: number = (total === null ? 0 : total.minor) + reading.minor;
        total = { minor: sum, currency: reading.currency, currencyWritten: reading.currencyWritten };
      }
    }
    return total;
  }
  return cells.amount('amount', 'Amount');
}

/** Reads an "On Account" line: the party's receipts not set against bills, credit positive. */
export function readOnAccountRow(cells: RowCells, context: TableContext, party: string | null, terms: TermsLookup): void {
  const customerKey = readRowCustomer(cells, context, party, terms);
  const amount = readOpenAmount(cells, context);
  if (customerKey === null || amount === null || cells.failed) {
    context.collector.stats.rowsRejected++;
    return;
  }
  context.collector.addOnAccount(customerKey, -amount.minor, amount.currency, cells.number);
  context.collector.stats.rowsSkipped++;
}

/**
 * Reads a bill of an outstanding or ageing report as an open invoice. A credit balance (a payment
 * or credit note not yet set against a bill) is added to the customer's on-account amount.
 */
export function readOpenItemRow(cells: RowCells, context: TableContext, settings: InvoiceSettings, party: string | null, terms: TermsLookup): void {
  const { collector } = context;
  const customerKey = readRowCustomer(cells, context, party, terms);
  const open = readOpenAmount(cells, context);
  if (open === null && !cells.failed) cells.report(cells.has('openAmount') ? 'openAmount' : null, 'missing-amount', 'The pending amount is missing.');
  const original = cells.has('amount') && cells.has('openAmount') ? cells.amount('amount', 'Bill amount') : null;
  if (customerKey === null || open === null || cells.failed) {
    collector.stats.rowsRejected++;
    return;
  }

  if (open.minor < 0) {
    collector.addOnAccount(customerKey, -open.minor, open.currency, cells.number);
    cells.report(
      cells.has('openAmount') ? 'openAmount' : null,
      'credit-balance',
      `The bill has a credit balance of ${formatMoney(-open.minor, open.currency)}; it was added to the customer's amount on account.`,
      'warning',
    );
    return;
  }

  const amount = original !== null && original.minor >= open.minor ? original : open;
  const invoice = buildInvoiceDraft(cells, context, settings, customerKey, amount, open.minor);
  if (invoice === null) {
    collector.stats.rowsRejected++;
    return;
  }
  collector.addInvoice(invoice);
}
