import type { IsoDate } from '../../ledger/dates';
import type { Allocation, CreditNote, Customer, Invoice, Payment } from '../../ledger/types';
import { invoiceBalances } from '../balances';
import { agingBucket, agingBucketLabels, daysOverdueOn, defaultAgingBoundaries } from './aging';
import { ledgerEntries, type LedgerEntry } from './entries';

/** Balance brought forward: what the customer owed at the start of `from` (negative: owed to the customer). */
export interface OpeningBalance {
  readonly from: IsoDate;
  readonly amountMinor: number;
}

/** Indian ledgers mark a balance Dr when the customer owes it and Cr when it is owed to the customer. */
export type BalanceSide = 'Dr' | 'Cr' | '';

export interface StatementLine extends LedgerEntry {
  /** Running balance after this line, positive when the customer owes it. */
  readonly balanceMinor: number;
  readonly balanceSide: BalanceSide;
}

export interface OpenInvoiceAging {
  readonly invoiceId: number;
  readonly invoiceNumber: string;
  readonly invoiceDate: IsoDate;
  readonly dueDate: IsoDate;
  readonly amountMinor: number;
  readonly balanceMinor: number;
  readonly daysOverdue: number;
  readonly bucket: string;
}

export interface Statement {
  readonly customer: Customer;
  readonly currency: string;
  readonly periodFrom: IsoDate;
  readonly periodTo: IsoDate;
  readonly openingBalanceMinor: number;
  readonly lines: readonly StatementLine[];
  readonly totalDebitMinor: number;
  readonly totalCreditMinor: number;
  readonly closingBalanceMinor: number;
  readonly closingSide: BalanceSide;
  /** Invoices with an unpaid balance at `periodTo`, oldest due date first. */
  readonly openInvoices: readonly OpenInvoiceAging[];
  readonly openInvoicesTotalMinor: number;
  readonly agingBuckets: readonly { readonly label: string; readonly balanceMinor: number }[];
  /**
   * Open invoices less the closing balance. Positive when payments or credit notes are not yet
   * matched to invoices; zero when every receipt is allocated.
   */
  readonly unallocatedMinor: number;
  /** Records left out because they are in another currency than the statement's. */
  readonly omitted: readonly { readonly kind: 'invoice' | 'payment' | 'credit-note'; readonly id: number; readonly currency: string }[];
}

export interface StatementOptions {
  /** Statement currency; defaults to the currency of the customer's earliest invoice, else INR. */
  readonly currency?: string;
  readonly agingBoundaries?: readonly number[];
}

export function balanceSide(minor: number): BalanceSide {
  if (minor > 0) return 'Dr';
  if (minor < 0) return 'Cr';
  return '';
}

/**
 * Builds a customer's statement of account up to `asOf`: dated ledger lines with a running
 * balance, the closing balance, and the open invoices with their aging. An opening balance is
 * taken to include every record dated before its `from` date, so those records are left out.
 * Without one, the statement starts at the customer's first record with a zero balance.
 */
export function buildStatement(
  customer: Customer,
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  allocations: readonly Allocation[],
  creditNotes: readonly CreditNote[],
  asOf: IsoDate,
  openingBalance?: OpeningBalance,
  options: StatementOptions = {},
): Statement {
  const own = <T extends { customerId: number }>(records: readonly T[]) => records.filter((record) => record.customerId === customer.id);
  const customerInvoices = own(invoices);
  const earliestInvoice = customerInvoices.reduce<Invoice | undefined>((earliest, invoice) => (earliest === undefined || invoice.issueDate < earliest.issueDate ? invoice : earliest), undefined);
  const currency = options.currency ?? earliestInvoice?.currency ?? 'INR';
  const { entries, omitted, firstDate } = ledgerEntries(customerInvoices, own(payments), own(creditNotes), currency, asOf, openingBalance?.from);
  const periodFrom = openingBalance?.from ?? firstDate ?? asOf;
  const openingMinor = openingBalance?.amountMinor ?? 0;

  let running = openingMinor;
  const lines: StatementLine[] = [];
  if (openingBalance !== undefined) {
    lines.push({ date: periodFrom, particulars: 'Opening balance', voucherType: 'opening', voucherNumber: '', debitMinor: Math.max(0, openingMinor), creditMinor: Math.max(0, -openingMinor), balanceMinor: running, balanceSide: balanceSide(running) });
  }
  for (const entry of entries) {
    running += entry.debitMinor - entry.creditMinor;
    lines.push({ ...entry, balanceMinor: running, balanceSide: balanceSide(running) });
  }

  const openInvoices = ageOpenInvoices(customerInvoices.filter((invoice) => invoice.currency === currency), payments, allocations, creditNotes, asOf, options.agingBoundaries ?? defaultAgingBoundaries);
  const openInvoicesTotalMinor = openInvoices.reduce((sum, invoice) => sum + invoice.balanceMinor, 0);
  const agingBuckets = agingBucketLabels(options.agingBoundaries ?? defaultAgingBoundaries).map((label) => ({
    label,
    balanceMinor: openInvoices.filter((invoice) => invoice.bucket === label).reduce((sum, invoice) => sum + invoice.balanceMinor, 0),
  }));

  return {
    customer,
    currency,
    periodFrom,
    periodTo: asOf,
    openingBalanceMinor: openingMinor,
    lines,
    totalDebitMinor: entries.reduce((sum, entry) => sum + entry.debitMinor, 0),
    totalCreditMinor: entries.reduce((sum, entry) => sum + entry.creditMinor, 0),
    closingBalanceMinor: running,
    closingSide: balanceSide(running),
    openInvoices,
    openInvoicesTotalMinor,
    agingBuckets,
    unallocatedMinor: openInvoicesTotalMinor - running,
    omitted,
  };
}

function compareByDueDate(a: Invoice, b: Invoice): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return a.id - b.id;
}

function ageOpenInvoices(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  allocations: readonly Allocation[],
  creditNotes: readonly CreditNote[],
  asOf: IsoDate,
  boundaries: readonly number[],
): OpenInvoiceAging[] {
  const issued = invoices.filter((invoice) => invoice.issueDate <= asOf);
  const balances = invoiceBalances(issued, payments, allocations, creditNotes, asOf);
  return issued
    .filter((invoice) => (balances.get(invoice.id) ?? 0) > 0)
    .sort(compareByDueDate)
    .map((invoice) => {
      const daysOverdue = daysOverdueOn(invoice.dueDate, asOf);
      return {
        invoiceId: invoice.id,
        invoiceNumber: invoice.invoiceNumber,
        invoiceDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amountMinor: invoice.amountMinor,
        balanceMinor: balances.get(invoice.id) ?? 0,
        daysOverdue,
        bucket: agingBucket(daysOverdue, boundaries),
      };
    });
}
