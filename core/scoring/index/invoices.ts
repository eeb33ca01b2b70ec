import type { Invoice } from '../../ledger/types';
import { groupOffsets, orderByGroupThenDay } from './grouping';
import type { IndexContext } from './ledger-index';

export interface InvoiceColumns {
  readonly invoices: readonly Invoice[];
  readonly invoiceStart: Int32Array;
  readonly invoiceCustomer: Int32Array;
  readonly issueDay: Int32Array;
  readonly dueDay: Int32Array;
  readonly amount: Float64Array;
}

/**
 * Collects the invoices issued on or before the as-of date. An invoice of an unknown customer,
 * in a currency without an exchange rate, with an amount of zero or less, or due before it was
 * issued is left out and listed as excluded.
 */
export function indexInvoices(context: IndexContext): InvoiceColumns {
  const { snapshot, asOfDay, days, convert, excluded, customerIndexById } = context;
  const source = snapshot.invoices;
  const includedSource = new Int32Array(source.length);
  const includedCustomer = new Int32Array(source.length);
  const includedIssue = new Int32Array(source.length);
  const includedDue = new Int32Array(source.length);
  const includedAmount = new Float64Array(source.length);
  let includedCount = 0;

  for (let position = 0; position < source.length; position++) {
    const invoice = source[position]!;
    const issue = days.day(invoice.issueDate);
    if (issue > asOfDay) continue;
    const customer = customerIndexById.get(invoice.customerId);
    const amount = convert(invoice.amountMinor, invoice.currency);
    const due = days.day(invoice.dueDate);
    const reason = exclusionReason(invoice, customer, amount, issue, due);
    if (reason !== null || customer === undefined || amount === null) {
      excluded.push({ kind: 'invoice', id: invoice.id, reason: reason ?? 'invalid' });
      continue;
    }
    includedSource[includedCount] = position;
    includedCustomer[includedCount] = customer;
    includedIssue[includedCount] = issue;
    includedDue[includedCount] = due;
    includedAmount[includedCount] = amount;
    includedCount++;
  }

  const order = orderByGroupThenDay(includedCustomer.subarray(0, includedCount), includedIssue.subarray(0, includedCount), context.customerCount);
  const invoices: Invoice[] = [];
  const invoiceCustomer = new Int32Array(includedCount);
  const issueDay = new Int32Array(includedCount);
  const dueDay = new Int32Array(includedCount);
  const amount = new Float64Array(includedCount);
  for (let position = 0; position < includedCount; position++) {
    const from = order[position] ?? 0;
    invoices.push(source[includedSource[from] ?? 0]!);
    invoiceCustomer[position] = includedCustomer[from] ?? 0;
    issueDay[position] = includedIssue[from] ?? 0;
    dueDay[position] = includedDue[from] ?? 0;
    amount[position] = includedAmount[from] ?? 0;
  }
  const invoiceStart = groupOffsets(invoiceCustomer, context.customerCount);
  return { invoices, invoiceStart, invoiceCustomer, issueDay, dueDay, amount };
}

function exclusionReason(invoice: Invoice, customer: number | undefined, amount: number | null, issue: number, due: number): string | null {
  if (customer === undefined) return `customer ${invoice.customerId} is not in the ledger`;
  if (amount === null) return `no exchange rate from ${invoice.currency}`;
  if (amount <= 0) return 'amount is not positive';
  if (due < issue) return 'due date is before the issue date';
  return null;
}
