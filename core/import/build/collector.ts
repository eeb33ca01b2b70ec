import { formatMoney, type CurrencyCode } from '../../ledger';
import type { ImportLimits } from '../limits';
import type { AllocationDraft, CustomerDraft, ImportStats, InvoiceDraft, PaymentDraft, RecordBatch } from '../types';
import { CustomerRegistry, type CustomerFields } from './customers';
import { InvoiceIndex } from './invoice-index';
import { emptyStats, ProblemLog, type ProblemInput } from './problems';

export interface PaymentInput {
  readonly payment: Omit<PaymentDraft, 'unallocatedMinor'>;
  /** Invoice numbers with the amount the payment sets against each. */
  readonly allocations: readonly { readonly invoiceNumber: string; readonly amountMinor: number }[];
}

function money(minor: number, currency: CurrencyCode): string {
  try {
    return formatMoney(minor, currency);
  } catch {
    return `${minor} minor units of ${currency}`;
  }
}

/**
 * Gathers drafts across rows, checks what needs more than one row (duplicate invoice numbers,
 * payments larger than what they settle, customer fields that disagree) and hands out batches.
 */
export class DraftCollector {
  readonly stats: ImportStats = emptyStats();
  readonly problems: ProblemLog;
  private readonly customers: CustomerRegistry;
  private readonly invoiceIndex = new InvoiceIndex();
  private invoices: InvoiceDraft[] = [];
  private payments: PaymentDraft[] = [];
  private allocations: AllocationDraft[] = [];

  constructor(limits: ImportLimits, private readonly linesRepeatInvoice = false) {
    this.problems = new ProblemLog(limits.maxProblems, this.stats);
    this.customers = new CustomerRegistry(this.problems);
  }

  problem(input: ProblemInput): void {
    this.problems.add(input);
  }

  customer(key: string): CustomerDraft | undefined {
    return this.customers.get(key);
  }

  /** Adds a customer or merges new fields into the one with the same key; returns the key. */
  upsertCustomer(fields: CustomerFields): string {
    return this.customers.upsert(fields);
  }

  addOnAccount(customerKey: string, minor: number, currency: CurrencyCode, row: number): void {
    this.customers.addOnAccount(customerKey, minor, currency, row);
  }

  /**
   * Adds an invoice unless its number was seen before. The same number with the same customer and
   * amount is a repeated row (a warning, or silent for line-item exports). A different customer or
   * amount is an error. Returns whether the invoice was added.
   */
  addInvoice(draft: InvoiceDraft): boolean {
    const earlier = this.invoiceIndex.get(draft.invoiceNumber);
    if (earlier !== undefined) {
      const sameInvoice = earlier.customerKey === draft.customerKey && earlier.amountMinor === draft.amountMinor;
      if (sameInvoice && this.linesRepeatInvoice) {
        this.stats.rowsSkipped++;
        return false;
      }
      this.problem({
        row: draft.sourceRow,
        column: null,
        value: draft.invoiceNumber,
        code: sameInvoice ? 'duplicate-row' : 'duplicate-invoice-number',
        severity: sameInvoice ? 'warning' : 'error',
        reason: sameInvoice
          ? `Invoice ${draft.invoiceNumber} repeats row ${earlier.sourceRow} with the same customer and amount; the repeat was skipped.`
          : `Invoice number ${draft.invoiceNumber} is already used on row ${earlier.sourceRow} with a different ${earlier.customerKey === draft.customerKey ? `amount (${money(earlier.amountMinor, draft.currency)} there, ${money(draft.amountMinor, draft.currency)} here)` : 'customer'}.`,
      });
      if (!sameInvoice) this.stats.rowsRejected++;
      return false;
    }
    this.invoiceIndex.add(draft.invoiceNumber, draft.amountMinor, draft.customerKey, draft.sourceRow);
    this.invoices.push(draft);
    this.stats.invoices++;
    return true;
  }

  hasInvoice(invoiceNumber: string): boolean {
    return this.invoiceIndex.get(invoiceNumber) !== undefined;
  }

  /**
   * Adds a payment and its allocations. An allocation larger than what is still open on an
   * invoice of this import is cut to the open amount, and the excess stays unallocated.
   */
  addPayment(input: PaymentInput): void {
    const { payment } = input;
    let unallocated = payment.amountMinor;
    for (const allocation of input.allocations) unallocated -= allocation.amountMinor;

    for (const allocation of input.allocations) {
      let amount = allocation.amountMinor;
      const invoice = this.invoiceIndex.get(allocation.invoiceNumber);
      if (invoice !== undefined) {
        const open = invoice.amountMinor - invoice.allocatedMinor;
        if (amount > open) {
          this.problem({
            row: payment.sourceRow,
            column: null,
            value: money(amount, payment.currency),
            code: 'overpayment',
            severity: 'warning',
            reason: `Payment ${payment.reference ?? payment.key} sets ${money(amount, payment.currency)} against invoice ${allocation.invoiceNumber}, which has only ${money(Math.max(open, 0), payment.currency)} open; the excess ${money(amount - Math.max(open, 0), payment.currency)} is left unallocated.`,
          });
          unallocated += amount - Math.max(open, 0);
          amount = Math.max(open, 0);
        }
        this.invoiceIndex.allocate(allocation.invoiceNumber, amount);
      }
      if (amount > 0) {
        this.allocations.push({ paymentKey: payment.key, customerKey: payment.customerKey, invoiceNumber: allocation.invoiceNumber, amountMinor: amount, sourceRow: payment.sourceRow });
        this.stats.allocations++;
      }
    }
    this.payments.push({ ...payment, unallocatedMinor: unallocated });
    this.stats.payments++;
  }

  /** Returns the drafts and problems gathered since the last call. */
  takeBatch(): RecordBatch {
    const batch: RecordBatch = {
      customers: this.customers.takeChanged(),
      invoices: this.invoices,
      payments: this.payments,
      allocations: this.allocations,
      problems: this.problems.take(),
    };
    this.stats.customers = this.customers.size;
    this.invoices = [];
    this.payments = [];
    this.allocations = [];
    return batch;
  }
}
