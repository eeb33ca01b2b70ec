import type { IsoDate } from '../../ledger/dates';
import type { CreditNote, Invoice, Payment } from '../../ledger/types';

export type VoucherType = 'opening' | 'invoice' | 'credit-note' | 'payment' | 'payment-reversal';

/** One dated line of a customer's ledger before the running balance is added. */
export interface LedgerEntry {
  readonly date: IsoDate;
  readonly particulars: string;
  readonly voucherType: VoucherType;
  readonly voucherNumber: string;
  /** Amount the entry adds to what the customer owes (invoices, reversed payments). */
  readonly debitMinor: number;
  /** Amount the entry takes off (payments, credit notes). */
  readonly creditMinor: number;
}

export interface LedgerEntries {
  readonly entries: readonly LedgerEntry[];
  readonly omitted: readonly { readonly kind: 'invoice' | 'payment' | 'credit-note'; readonly id: number; readonly currency: string }[];
  /** Date of the earliest entry, or null when there is none. */
  readonly firstDate: IsoDate | null;
}

/** Same-day entries are listed debit first, as the invoice usually precedes its payment. */
const voucherOrder: Record<VoucherType, number> = { 'opening': 0, 'invoice': 1, 'credit-note': 2, 'payment': 3, 'payment-reversal': 4 };

function compareEntries(a: LedgerEntry, b: LedgerEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const byType = voucherOrder[a.voucherType] - voucherOrder[b.voucherType];
  if (byType !== 0) return byType;
  return a.voucherNumber.localeCompare(b.voucherNumber, 'en', { numeric: true });
}

/**
 * Turns one customer's invoices, payments and credit notes in `currency` into ledger entries
 * dated from `from` (inclusive, when given) to `asOf` (inclusive). A payment reversed in that
 * period, such as a returned cheque, adds a debit entry on its reversal date.
 */
export function ledgerEntries(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  creditNotes: readonly CreditNote[],
  currency: string,
  asOf: IsoDate,
  from?: IsoDate,
): LedgerEntries {
  const inPeriod = (date: IsoDate) => date <= asOf && (from === undefined || date >= from);
  const entries: LedgerEntry[] = [];
  const omitted: LedgerEntries['omitted'][number][] = [];
  const invoiceNumbers = new Map(invoices.map((invoice) => [invoice.id, invoice.invoiceNumber]));

  for (const invoice of invoices) {
    if (invoice.currency !== currency) { omitted.push({ kind: 'invoice', id: invoice.id, currency: invoice.currency }); continue; }
    if (!inPeriod(invoice.issueDate)) continue;
    const particulars = invoice.description === null ? 'Sales invoice' : `Sales invoice: ${invoice.description}`;
    entries.push({ date: invoice.issueDate, particulars, voucherType: 'invoice', voucherNumber: invoice.invoiceNumber, debitMinor: invoice.amountMinor, creditMinor: 0 });
  }

  for (const payment of payments) {
    if (payment.currency !== currency) { omitted.push({ kind: 'payment', id: payment.id, currency: payment.currency }); continue; }
    const voucherNumber = payment.reference ?? '';
    if (inPeriod(payment.paymentDate)) {
      entries.push({ date: payment.paymentDate, particulars: 'Payment received', voucherType: 'payment', voucherNumber, debitMinor: 0, creditMinor: payment.amountMinor });
    }
    if (payment.reversedOn !== null && inPeriod(payment.reversedOn)) {
      entries.push({ date: payment.reversedOn, particulars: 'Payment reversed (cheque returned or payment cancelled)', voucherType: 'payment-reversal', voucherNumber, debitMinor: payment.amountMinor, creditMinor: 0 });
    }
  }

  for (const note of creditNotes) {
    if (note.currency !== currency) { omitted.push({ kind: 'credit-note', id: note.id, currency: note.currency }); continue; }
    if (!inPeriod(note.issueDate)) continue;
    const against = note.invoiceId === null ? undefined : invoiceNumbers.get(note.invoiceId);
    const particulars = against === undefined ? 'Credit note' : `Credit note against invoice ${against}`;
    entries.push({ date: note.issueDate, particulars, voucherType: 'credit-note', voucherNumber: note.noteNumber, debitMinor: 0, creditMinor: note.amountMinor });
  }

  entries.sort(compareEntries);
  return { entries, omitted, firstDate: entries[0]?.date ?? null };
}
