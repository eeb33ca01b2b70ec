import type { IsoDate } from '../ledger/dates';
import type { Allocation, CreditNote, Invoice, Payment } from '../ledger/types';

/**
 * Unpaid balance of each invoice at the end of `asOf`, in the invoice's currency: the amount
 * less allocations from payments received by then and less credit notes issued against the
 * invoice by then. A payment reversed on or before `asOf` (a returned cheque) settles nothing,
 * and allocations from payments not in `payments` are ignored. Balances can fall below zero
 * when an invoice is over-settled.
 */
export function invoiceBalances(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  allocations: readonly Allocation[],
  creditNotes: readonly CreditNote[],
  asOf: IsoDate,
): Map<number, number> {
  const balances = new Map<number, number>();
  const currencies = new Map<number, string>();
  for (const invoice of invoices) {
    balances.set(invoice.id, invoice.amountMinor);
    currencies.set(invoice.id, invoice.currency);
  }

  const effectivePayments = new Set<number>();
  for (const payment of payments) {
    const reversed = payment.reversedOn !== null && payment.reversedOn <= asOf;
    if (payment.paymentDate <= asOf && !reversed) effectivePayments.add(payment.id);
  }
  for (const allocation of allocations) {
    const balance = balances.get(allocation.invoiceId);
    if (balance === undefined || !effectivePayments.has(allocation.paymentId)) continue;
    balances.set(allocation.invoiceId, balance - allocation.amountMinor);
  }

  for (const note of creditNotes) {
    if (note.invoiceId === null || note.issueDate > asOf) continue;
    const balance = balances.get(note.invoiceId);
    if (balance === undefined || currencies.get(note.invoiceId) !== note.currency) continue;
    balances.set(note.invoiceId, balance - note.amountMinor);
  }
  return balances;
}
