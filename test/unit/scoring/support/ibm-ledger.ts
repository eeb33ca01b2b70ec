import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Allocation, Customer, Dispute, Invoice, Payment } from '../../../../core/ledger/types';
import type { LedgerSnapshot } from '../../../../core/scoring/types';

interface IbmRow {
  customerID: string;
  invoiceNumber: string;
  InvoiceDate: string;
  DueDate: string;
  InvoiceAmount: string;
  Disputed: string;
  SettledDate: string;
}

/** Converts the sample's M/D/YYYY dates to YYYY-MM-DD. */
function isoFromUsDate(text: string): string {
  const [month, day, year] = text.split('/');
  if (month === undefined || day === undefined || year === undefined) throw new Error(`Invalid M/D/YYYY date "${text}".`);
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * Reads IBM's accounts-receivable sample into ledger records. Each row becomes an invoice and a
 * payment on SettledDate allocated to it in full. The sample gives no currency, so amounts are
 * read as USD. It gives no dispute dates either: a dispute is recorded as opened and resolved on
 * the settlement date, the earliest date on which the sample shows it was known.
 */
export function loadIbmLedger(path: string): LedgerSnapshot {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true }) as IbmRow[];
  const customerIds = new Map<string, number>();
  const customers: Customer[] = [];
  const invoices: Invoice[] = [];
  const payments: Payment[] = [];
  const allocations: Allocation[] = [];
  const disputes: Dispute[] = [];

  rows.forEach((row, position) => {
    let customerId = customerIds.get(row.customerID);
    if (customerId === undefined) {
      customerId = customerIds.size + 1;
      customerIds.set(row.customerID, customerId);
      customers.push({
        id: customerId, externalRef: row.customerID, name: row.customerID, gstin: null, pan: null, cin: null, address: null,
        segment: null, creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: 30, contacts: [],
      });
    }
    const id = position + 1;
    const amountMinor = Math.round(Number(row.InvoiceAmount) * 100);
    const settledOn = isoFromUsDate(row.SettledDate);
    invoices.push({
      id, customerId, invoiceNumber: row.invoiceNumber, issueDate: isoFromUsDate(row.InvoiceDate),
      dueDate: isoFromUsDate(row.DueDate), amountMinor, currency: 'USD', description: null,
    });
    payments.push({ id, customerId, paymentDate: settledOn, amountMinor, currency: 'USD', reference: null, reversedOn: null });
    allocations.push({ paymentId: id, invoiceId: id, amountMinor });
    if (row.Disputed === 'Yes') disputes.push({ id, invoiceId: id, openedOn: settledOn, resolvedOn: settledOn });
  });

  return { customers, invoices, payments, allocations, creditNotes: [], disputes, promises: [], settings: { baseCurrency: 'USD' } };
}
