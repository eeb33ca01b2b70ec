import { compareIsoDates, formatMoney, type IsoDate } from '../../ledger';
import { readCreditPeriod, resolveDueDate, type ResolvedDueDate } from '../build/terms';
import type { InvoiceDraft } from '../types';
import type { AmountValue, RowCells, TableContext } from './row-cells';

export interface InvoiceSettings {
  readonly defaultTermsDays: number | null;
  /** The date an ageing report was made, for due dates derived from "overdue by days". */
  readonly reportDate: IsoDate | null;
}

/** Returns the invoice number cell, `ROW-<n>` when the mapping has no number column, or null (reported) when empty. */
export function readInvoiceNumber(cells: RowCells): { number: string; generated: boolean } | null {
  if (!cells.has('invoiceNumber')) return { number: `ROW-${cells.number}`, generated: true };
  const number = cells.text('invoiceNumber');
  if (number === null) {
    cells.report('invoiceNumber', 'missing-invoice-number', 'The invoice number is missing.');
    return null;
  }
  return { number, generated: false };
}

function readCreditDays(cells: RowCells): number | null {
  if (!cells.has('creditDays')) return null;
  const text = cells.raw('creditDays');
  if (text === '') return null;
  const days = readCreditPeriod(text);
  if (days === null) cells.report('creditDays', 'invalid-credit-period', `Credit period "${text}" is not a number of days (such as 30, "45 Days" or "Net 60").`);
  return days;
}

/** Resolves the row's due date, reporting an error when nothing gives one. */
function readDueDate(cells: RowCells, context: TableContext, settings: InvoiceSettings, customerKey: string, issueDate: IsoDate, inputs: { dueDate: IsoDate | null; creditDays: number | null; overdueDays: number | null }): ResolvedDueDate | null {
  const customer = context.collector.customer(customerKey);
  const due = resolveDueDate({
    issueDate,
    ...inputs,
    customerTermsDays: customer?.paymentTermsDays ?? null,
    defaultTermsDays: settings.defaultTermsDays,
    reportDate: settings.reportDate,
  });
  if (due === null) {
    cells.report(
      cells.has('dueDate') ? 'dueDate' : null,
      'missing-due-date',
      'The due date is missing and no credit period, customer terms or default terms give one: map a due-date or terms column, or set default terms.',
    );
  }
  return due;
}

/**
 * Builds an invoice draft from a row once its customer and amount are known: issue date, due date
 * (with fallbacks, see `resolveDueDate`), currency and flags. Returns null when the row failed.
 */
export function buildInvoiceDraft(
  cells: RowCells,
  context: TableContext,
  settings: InvoiceSettings,
  customerKey: string,
  amount: AmountValue,
  openAmountMinor: number | null,
): InvoiceDraft | null {
  const number = readInvoiceNumber(cells);
  const issueDate = cells.date('issueDate', 'Issue date');
  if (issueDate === null && cells.raw('issueDate') === '') cells.report('issueDate', 'missing-issue-date', 'The issue date is missing.');
  const dueInputs = {
    dueDate: cells.date('dueDate', 'Due date'),
    creditDays: readCreditDays(cells),
    overdueDays: cells.has('overdueDays') ? cells.integer('overdueDays', 'Overdue days') : null,
  };
  const currency = cells.currency(amount.currency);
  if (number === null || issueDate === null || currency === null || cells.failed) return null;

  const due = readDueDate(cells, context, settings, customerKey, issueDate, dueInputs);
  if (due === null) return null;
  if (compareIsoDates(due.dueDate, issueDate) < 0) {
    cells.report(
      'dueDate',
      'due-before-issue',
      `Due date ${cells.raw('dueDate') || due.dueDate} is before the issue date ${cells.raw('issueDate')}.`,
      'warning',
    );
  }
  if (amount.minor === 0) cells.report('amount', 'zero-amount', `The invoice amount is ${formatMoney(0, currency)}.`, 'warning');

  return {
    customerKey,
    invoiceNumber: number.number,
    invoiceNumberGenerated: number.generated,
    issueDate,
    dueDate: due.dueDate,
    dueDateSource: due.source,
    creditPeriodDays: due.creditPeriodDays,
    amountMinor: amount.minor,
    currency,
    openAmountMinor,
    description: cells.text('description'),
    disputed: cells.has('disputed') && cells.flag('disputed'),
    sourceRow: cells.number,
  };
}
