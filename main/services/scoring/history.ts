import type Database from 'better-sqlite3-multiple-ciphers';
import type { InvoiceHistoryPoint } from '../../../core/contract/risk';
import { daysBetween } from '../../../core/ledger/dates';

/**
 * Builds one point per invoice of a customer for the payment-history chart: when it was fully
 * settled and how many days after its due date, or for an open invoice the days past due so far.
 */
export function invoiceHistory(raw: Database.Database, customerId: number, asOf: string): InvoiceHistoryPoint[] {
  const invoices = raw.prepare(`select i.id, i.invoice_number, i.issue_date, i.due_date, i.amount_minor, i.currency,
      exists (select 1 from disputes d where d.invoice_id = i.id) as disputed
    from invoices i where i.customer_id = ? order by i.issue_date, i.id`).all(customerId) as {
    id: number; invoice_number: string; issue_date: string; due_date: string; amount_minor: number; currency: string; disputed: number;
  }[];
  const allocations = raw.prepare(`select a.invoice_id, a.amount_minor, p.payment_date from allocations a join payments p on p.id = a.payment_id
      join invoices i on i.id = a.invoice_id where i.customer_id = ? and p.reversed_on is null order by p.payment_date`).all(customerId) as { invoice_id: number; amount_minor: number; payment_date: string }[];
  const byInvoice = new Map<number, { amount_minor: number; payment_date: string }[]>();
  for (const allocation of allocations) {
    const list = byInvoice.get(allocation.invoice_id) ?? [];
    list.push(allocation);
    byInvoice.set(allocation.invoice_id, list);
  }
  return invoices.map((invoice) => {
    let paid = 0;
    let settledOn: string | null = null;
    for (const allocation of byInvoice.get(invoice.id) ?? []) {
      if (allocation.payment_date > asOf) break;
      paid += allocation.amount_minor;
      if (paid >= invoice.amount_minor) {
        settledOn = allocation.payment_date;
        break;
      }
    }
    const openMinor = Math.max(0, invoice.amount_minor - paid);
    const daysLate = settledOn !== null ? daysBetween(invoice.due_date, settledOn) : invoice.due_date < asOf ? daysBetween(invoice.due_date, asOf) : null;
    return {
      invoiceId: invoice.id,
      invoiceNumber: invoice.invoice_number,
      issueDate: invoice.issue_date,
      dueDate: invoice.due_date,
      amountMinor: invoice.amount_minor,
      currency: invoice.currency,
      openMinor,
      settledOn,
      daysLate,
      disputed: invoice.disputed === 1,
    };
  });
}
