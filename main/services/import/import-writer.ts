import type { AllocationDraft, CustomerDraft, ImportProblem, InvoiceDraft, PaymentDraft, RecordBatch } from '../../../core/import/index';
import { nameKey } from '../../../core/quality/identifiers';
import type { ImportStatements } from './statements';

export interface EntityChanges {
  new: number;
  updated: number;
  unchanged: number;
}

export interface ImportChanges {
  customers: EntityChanges;
  invoices: EntityChanges;
  payments: EntityChanges;
  allocations: EntityChanges;
  /** Disputes opened from the file's "disputed" flag. */
  disputes: number;
  /** Payments added because the file reports a smaller open balance than the ledger's allocations give. */
  balanceAdjustments: number;
}

interface CustomerRow {
  id: number;
  gstin: string | null;
  pan: string | null;
  address: string | null;
  state_code: string | null;
  credit_limit_minor: number | null;
  credit_limit_currency: string | null;
  payment_terms_days: number | null;
  import_id: number | null;
}

interface InvoiceRow {
  id: number;
  issue_date: string;
  due_date: string;
  amount_minor: number;
  currency: string;
  description: string | null;
  import_id: number | null;
}

interface OpenBalanceCheck {
  invoiceId: number;
  customerId: number;
  invoiceNumber: string;
  amountMinor: number;
  openAmountMinor: number;
  currency: string;
  issueDate: string;
  sourceRow: number;
}

const emptyChanges = (): EntityChanges => ({ new: 0, updated: 0, unchanged: 0 });

/** The reference of payments that bring an invoice to the open balance a file reports. */
export const balanceAdjustmentReference = 'Settled before import (per file balance)';

/**
 * Writes import batches into the ledger through prepared statements, inside a transaction the
 * caller opens. Records are matched to what the ledger already holds, so importing the same file
 * again changes nothing and an overlapping later export adds only what is new:
 * customers by their code, else by exact name (near-identical names are left to the duplicate
 * review, never merged here); invoices by customer and number; payments by
 * customer, date, amount and reference; allocations by payment and invoice.
 */
export class ImportWriter {
  readonly changes: ImportChanges = {
    customers: emptyChanges(),
    invoices: emptyChanges(),
    payments: emptyChanges(),
    allocations: emptyChanges(),
    disputes: 0,
    balanceAdjustments: 0,
  };
  readonly problems: ImportProblem[] = [];
  private readonly customerIds = new Map<string, number>();
  /** Customers this import created: none of their invoices or payments can be in the ledger yet. */
  private readonly createdCustomers = new Set<number>();
  private readonly paymentIds = new Map<string, number>();
  /** Existing payment ids per signature not yet matched to a payment in this file. */
  private readonly unmatchedPayments = new Map<string, number[]>();
  private readonly openBalanceChecks: OpenBalanceCheck[] = [];
  private readonly disputedInvoices: number[] = [];

  constructor(
    private readonly statements: ImportStatements,
    private readonly importId: number,
    private readonly sourceFile: string,
    private readonly now: string,
  ) {}

  writeBatch(batch: RecordBatch): void {
    for (const customer of batch.customers) this.writeCustomer(customer);
    for (const invoice of batch.invoices) this.writeInvoice(invoice);
    for (const payment of batch.payments) this.writePayment(payment);
    for (const allocation of batch.allocations) this.writeAllocation(allocation);
  }

  private writeCustomer(draft: CustomerDraft): void {
    const existing = (draft.externalRef === null
      ? this.statements.customerByName.get(draft.name)
      : this.statements.customerByRef.get(draft.externalRef)) as CustomerRow | undefined;
    const seenInThisImport = this.customerIds.has(draft.key);
    if (existing === undefined) {
      const result = this.statements.insertCustomer.run({
        externalRef: draft.externalRef,
        name: draft.name,
        nameKey: nameKey(draft.name),
        gstin: draft.gstin,
        pan: draft.pan,
        address: draft.address,
        stateCode: draft.gstin?.slice(0, 2) ?? null,
        creditLimitMinor: draft.creditLimitMinor,
        creditLimitCurrency: draft.creditLimitMinor === null ? null : draft.creditLimitCurrency,
        paymentTermsDays: draft.paymentTermsDays,
        now: this.now,
        importId: this.importId,
        sourceFile: this.sourceFile,
        sourceRow: draft.sourceRow,
      });
      this.customerIds.set(draft.key, Number(result.lastInsertRowid));
      this.createdCustomers.add(Number(result.lastInsertRowid));
      this.changes.customers.new += 1;
    } else {
      this.customerIds.set(draft.key, existing.id);
      const updated = this.updateCustomer(existing, draft);
      if (!seenInThisImport) {
        if (updated) this.changes.customers.updated += 1;
        else this.changes.customers.unchanged += 1;
      }
    }
    this.addMissingContacts(this.customerIds.get(draft.key) ?? 0, draft);
  }

  /** Fills the fields the file gives that the ledger lacks or stores differently, and returns whether anything changed. */
  private updateCustomer(existing: CustomerRow, draft: CustomerDraft): boolean {
    const next = {
      gstin: draft.gstin ?? existing.gstin,
      pan: draft.pan ?? existing.pan,
      address: draft.address ?? existing.address,
      creditLimitMinor: draft.creditLimitMinor ?? existing.credit_limit_minor,
      creditLimitCurrency: draft.creditLimitMinor === null ? existing.credit_limit_currency : draft.creditLimitCurrency,
      paymentTermsDays: draft.paymentTermsDays ?? existing.payment_terms_days,
    };
    const changed =
      next.gstin !== existing.gstin || next.pan !== existing.pan || next.address !== existing.address ||
      next.creditLimitMinor !== existing.credit_limit_minor || next.creditLimitCurrency !== existing.credit_limit_currency ||
      next.paymentTermsDays !== existing.payment_terms_days;
    if (!changed) return false;
    if (existing.import_id !== this.importId) {
      this.statements.recordChange.run(this.importId, 'customers', existing.id, JSON.stringify(existing));
    }
    this.statements.updateCustomer.run({ ...next, stateCode: next.gstin?.slice(0, 2) ?? existing.state_code, now: this.now, id: existing.id });
    return true;
  }

  private addMissingContacts(customerId: number, draft: CustomerDraft): void {
    if (draft.contacts.length === 0) return;
    const known = new Set((this.statements.contactsOf.all(customerId) as { kind: string; value: string }[]).map((contact) => `${contact.kind}:${contact.value}`));
    for (const contact of draft.contacts) {
      if (known.has(`${contact.kind}:${contact.value}`)) continue;
      this.statements.insertContact.run(customerId, contact.kind, contact.value, contact.name, this.now, this.importId);
      known.add(`${contact.kind}:${contact.value}`);
    }
  }

  private customerIdFor(key: string, row: number, what: string): number | null {
    const id = this.customerIds.get(key);
    if (id === undefined) {
      this.problems.push({ row, column: null, value: key, reason: `The ${what} names customer "${key}", which the file does not define; the row was left out.`, severity: 'error', code: 'unknown-customer' });
      return null;
    }
    return id;
  }

  private writeInvoice(draft: InvoiceDraft): void {
    const customerId = this.customerIdFor(draft.customerKey, draft.sourceRow, 'invoice');
    if (customerId === null) return;
    // A customer created by this import has no invoices in the ledger, so the lookup is skipped.
    // A number repeated in the file still fails the unique index and then takes the lookup path.
    const fresh = this.createdCustomers.has(customerId) ? this.tryInsertInvoice(customerId, draft) : null;
    const existing = fresh === null ? (this.statements.invoiceByNumber.get(customerId, draft.invoiceNumber) as InvoiceRow | undefined) : undefined;
    let invoiceId: number;
    if (fresh !== null) {
      invoiceId = fresh;
      this.changes.invoices.new += 1;
    } else if (existing === undefined) {
      const result = this.statements.insertInvoice.run(customerId, draft.invoiceNumber, draft.issueDate, draft.dueDate, draft.amountMinor, draft.currency, draft.description, this.now, this.importId, this.sourceFile, draft.sourceRow);
      invoiceId = Number(result.lastInsertRowid);
      this.changes.invoices.new += 1;
    } else {
      invoiceId = existing.id;
      const same = existing.issue_date === draft.issueDate && existing.due_date === draft.dueDate && existing.amount_minor === draft.amountMinor &&
        existing.currency === draft.currency && existing.description === (draft.description ?? existing.description);
      if (same) {
        this.changes.invoices.unchanged += 1;
      } else {
        if (existing.import_id !== this.importId) this.statements.recordChange.run(this.importId, 'invoices', existing.id, JSON.stringify(existing));
        this.statements.updateInvoice.run(draft.issueDate, draft.dueDate, draft.amountMinor, draft.currency, draft.description ?? existing.description, existing.id);
        this.changes.invoices.updated += 1;
      }
    }
    if (draft.disputed && this.statements.disputeOf.get(invoiceId) === undefined) this.disputedInvoices.push(invoiceId);
    if (draft.openAmountMinor !== null) {
      this.openBalanceChecks.push({ invoiceId, customerId, invoiceNumber: draft.invoiceNumber, amountMinor: draft.amountMinor, openAmountMinor: draft.openAmountMinor, currency: draft.currency, issueDate: draft.issueDate, sourceRow: draft.sourceRow });
    }
  }

  /** Inserts an invoice; returns null when the customer already has one with this number. */
  private tryInsertInvoice(customerId: number, draft: InvoiceDraft): number | null {
    try {
      const result = this.statements.insertInvoice.run(customerId, draft.invoiceNumber, draft.issueDate, draft.dueDate, draft.amountMinor, draft.currency, draft.description, this.now, this.importId, this.sourceFile, draft.sourceRow);
      return Number(result.lastInsertRowid);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return null;
      throw error;
    }
  }

  private writePayment(draft: PaymentDraft): void {
    const customerId = this.customerIdFor(draft.customerKey, draft.sourceRow, 'payment');
    if (customerId === null) return;
    const signature = `${customerId}|${draft.paymentDate}|${draft.amountMinor}|${draft.reference ?? ''}`;
    if (this.createdCustomers.has(customerId)) this.unmatchedPayments.set(signature, []);
    let candidates = this.unmatchedPayments.get(signature);
    if (candidates === undefined) {
      candidates = this.statements.paymentsBySignature.all(customerId, draft.paymentDate, draft.amountMinor, draft.reference ?? '') as number[];
      this.unmatchedPayments.set(signature, candidates);
    }
    const matched = candidates.shift();
    if (matched !== undefined) {
      this.paymentIds.set(draft.key, matched);
      this.changes.payments.unchanged += 1;
      return;
    }
    const result = this.statements.insertPayment.run(customerId, draft.paymentDate, draft.amountMinor, draft.currency, draft.reference, this.now, this.importId, this.sourceFile, draft.sourceRow);
    this.paymentIds.set(draft.key, Number(result.lastInsertRowid));
    this.changes.payments.new += 1;
  }

  private writeAllocation(draft: AllocationDraft): void {
    const paymentId = this.paymentIds.get(draft.paymentKey);
    const customerId = this.customerIds.get(draft.customerKey);
    if (paymentId === undefined || customerId === undefined) return;
    const invoice = this.statements.invoiceByNumber.get(customerId, draft.invoiceNumber) as InvoiceRow | undefined;
    if (invoice === undefined) {
      this.problems.push({ row: draft.sourceRow, column: null, value: draft.invoiceNumber, reason: `The payment settles invoice ${draft.invoiceNumber}, which is neither in the file nor in the ledger for this customer; the amount stays unallocated.`, severity: 'warning', code: 'allocation-unknown-invoice' });
      return;
    }
    const existing = this.statements.allocationOf.get(paymentId, invoice.id) as { id: number; amount_minor: number } | undefined;
    if (existing !== undefined) {
      if (existing.amount_minor === draft.amountMinor) {
        this.changes.allocations.unchanged += 1;
        return;
      }
      this.statements.recordChange.run(this.importId, 'allocations', existing.id, JSON.stringify(existing));
      this.statements.updateAllocation.run(draft.amountMinor, existing.id);
      this.changes.allocations.updated += 1;
      return;
    }
    const allocated = this.statements.allocatedTo.get(invoice.id) as number;
    if (allocated + draft.amountMinor > invoice.amount_minor) {
      this.problems.push({ row: draft.sourceRow, column: null, value: draft.invoiceNumber, reason: `The payment would settle more of invoice ${draft.invoiceNumber} than is still open; the excess stays unallocated.`, severity: 'warning', code: 'allocation-exceeds-open' });
      const open = invoice.amount_minor - allocated;
      if (open <= 0) return;
      this.statements.insertAllocation.run(invoice.id, paymentId, open, this.importId);
    } else {
      this.statements.insertAllocation.run(invoice.id, paymentId, draft.amountMinor, this.importId);
    }
    this.changes.allocations.new += 1;
  }

  /**
   * Brings invoices to the open balance the file reports. Where the ledger's allocations leave
   * more open than the file reports, a payment for the difference is added, dated on the invoice's
   * issue date because the file does not say when it was paid.
   */
  finish(): void {
    for (const check of this.openBalanceChecks) {
      const allocated = this.statements.allocatedTo.get(check.invoiceId) as number;
      const paidPerFile = check.amountMinor - check.openAmountMinor;
      const missing = paidPerFile - allocated;
      if (missing < 0) {
        this.problems.push({ row: check.sourceRow, column: null, value: check.invoiceNumber, reason: `The file reports invoice ${check.invoiceNumber} with more still open than the ledger's payments leave; check for a reversed payment.`, severity: 'warning', code: 'open-balance-higher' });
      }
      if (missing <= 0) continue;
      const payment = this.statements.insertPayment.run(check.customerId, check.issueDate, missing, check.currency, balanceAdjustmentReference, this.now, this.importId, this.sourceFile, check.sourceRow);
      this.statements.insertAllocation.run(check.invoiceId, Number(payment.lastInsertRowid), missing, this.importId);
      this.changes.balanceAdjustments += 1;
    }
    this.openBalanceChecks.length = 0;
    this.openDisputes();
  }

  /**
   * Records the disputes the file flags. A flag carries no date, so the dispute is dated when the
   * invoice was settled, or on the import day while it is open: the latest day it was surely
   * known. Dating it earlier would let backtests use knowledge the ledger did not have yet.
   */
  private openDisputes(): void {
    const importDay = this.now.slice(0, 10);
    for (const invoiceId of this.disputedInvoices) {
      const settledOn = this.statements.settledOn.get(invoiceId) as string | null | undefined;
      this.statements.insertDispute.run(invoiceId, settledOn ?? importDay, 'Marked as disputed in the imported file', this.now, this.importId);
      this.changes.disputes += 1;
    }
    this.disputedInvoices.length = 0;
  }
}
