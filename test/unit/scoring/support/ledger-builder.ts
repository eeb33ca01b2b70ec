import type { Allocation, CreditNote, Customer, Dispute, Invoice, Payment, PromiseToPay } from '../../../../core/ledger/types';
import type { LedgerSettings, LedgerSnapshot } from '../../../../core/scoring/types';

/** Builds small hand-made ledgers in INR with sequential ids. */
export class LedgerBuilder {
  readonly customers: Customer[] = [];
  readonly invoices: Invoice[] = [];
  readonly payments: Payment[] = [];
  readonly allocations: Allocation[] = [];
  readonly creditNotes: CreditNote[] = [];
  readonly disputes: Dispute[] = [];
  readonly promises: PromiseToPay[] = [];
  private readonly invoicesById = new Map<number, Invoice>();
  private nextId = 1;

  customer(overrides: Partial<Customer> = {}): number {
    const id = overrides.id ?? this.nextId++;
    this.customers.push({
      id, externalRef: null, name: `Customer ${id}`, gstin: null, pan: null, cin: null, address: null, segment: null,
      creditLimitMinor: null, creditLimitCurrency: null, paymentTermsDays: 30, contacts: [], ...overrides,
    });
    return id;
  }

  invoice(customerId: number, issueDate: string, dueDate: string, amountMinor: number, overrides: Partial<Invoice> = {}): number {
    const id = this.nextId++;
    const invoice: Invoice = { id, customerId, invoiceNumber: `INV-${id}`, issueDate, dueDate, amountMinor, currency: 'INR', description: null, ...overrides };
    this.invoices.push(invoice);
    this.invoicesById.set(id, invoice);
    return id;
  }

  /** Records a payment by the invoice's customer and allocates all of it to the invoice. */
  pay(invoiceId: number, paymentDate: string, amountMinor?: number, reversedOn: string | null = null): number {
    const invoice = this.invoicesById.get(invoiceId);
    if (invoice === undefined) throw new Error(`Invoice ${invoiceId} is not in the builder.`);
    const amount = amountMinor ?? invoice.amountMinor;
    const paymentId = this.payment(invoice.customerId, paymentDate, amount, reversedOn);
    this.allocations.push({ paymentId, invoiceId, amountMinor: amount });
    return paymentId;
  }

  payment(customerId: number, paymentDate: string, amountMinor: number, reversedOn: string | null = null): number {
    const id = this.nextId++;
    this.payments.push({ id, customerId, paymentDate, amountMinor, currency: 'INR', reference: null, reversedOn });
    return id;
  }

  allocate(paymentId: number, invoiceId: number, amountMinor: number): void {
    this.allocations.push({ paymentId, invoiceId, amountMinor });
  }

  creditNote(customerId: number, invoiceId: number | null, issueDate: string, amountMinor: number): number {
    const id = this.nextId++;
    this.creditNotes.push({ id, customerId, invoiceId, noteNumber: `CN-${id}`, issueDate, amountMinor, currency: 'INR' });
    return id;
  }

  dispute(invoiceId: number, openedOn: string, resolvedOn: string | null = null): number {
    const id = this.nextId++;
    this.disputes.push({ id, invoiceId, openedOn, resolvedOn });
    return id;
  }

  promise(customerId: number, invoiceId: number | null, madeOn: string, promisedDate: string, amountMinor: number): number {
    const id = this.nextId++;
    this.promises.push({ id, customerId, invoiceId, madeOn, promisedDate, amountMinor, currency: 'INR' });
    return id;
  }

  snapshot(settings: LedgerSettings = { baseCurrency: 'INR' }): LedgerSnapshot {
    return {
      customers: [...this.customers],
      invoices: [...this.invoices],
      payments: [...this.payments],
      allocations: [...this.allocations],
      creditNotes: [...this.creditNotes],
      disputes: [...this.disputes],
      promises: [...this.promises],
      settings,
    };
  }
}

/** Deterministic pseudo-random numbers in [0, 1) (a linear congruential generator). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}
