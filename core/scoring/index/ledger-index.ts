import type { CurrencyCode } from '../../ledger/currency';
import type { IsoDate } from '../../ledger/dates';
import type { Customer, Dispute, Invoice, Payment, PromiseToPay } from '../../ledger/types';
import type { LedgerSnapshot } from '../types';
import { makeCurrencyConverter } from './currency';
import { DayCache } from './days';
import { IdLookup } from './grouping';
import { indexInvoices } from './invoices';
import { indexDisputes, indexPromises } from './disputes-promises';
import { indexPayments, indexSettlements } from './settlements';

export interface ExcludedRecord {
  readonly kind: 'invoice' | 'payment' | 'allocation' | 'credit-note' | 'dispute' | 'promise';
  /** Record id, or for an allocation the id of its invoice. */
  readonly id: number;
  readonly reason: string;
}

/**
 * The ledger as known at the end of the as-of date, grouped by customer into flat typed arrays.
 * Records dated after the as-of date are absent: invoices issued later, payments made later,
 * reversals, credit notes, disputes and promises dated later. Group ranges use CSR offsets:
 * customer c owns `invoiceStart[c]` up to (not including) `invoiceStart[c + 1]`, and likewise
 * for payments, disputes and promises. Amounts are base-currency minor units as floats.
 */
export interface LedgerIndex {
  readonly asOf: IsoDate;
  readonly asOfDay: number;
  readonly baseCurrency: CurrencyCode;
  /** Converts minor units of a currency to base-currency minor units, or returns null without an exchange rate. */
  readonly convertToBase: (minor: number, currency: CurrencyCode) => number | null;
  readonly customers: readonly Customer[];
  readonly customerIndexById: ReadonlyMap<number, number>;

  /** Invoices sorted by customer, then issue date, then snapshot order. */
  readonly invoices: readonly Invoice[];
  readonly invoiceStart: Int32Array;
  /** Position in `invoices` by invoice id. */
  readonly invoiceLookup: IdLookup;
  readonly invoiceCustomer: Int32Array;
  readonly issueDay: Int32Array;
  readonly dueDay: Int32Array;
  readonly amount: Float64Array;
  /** First day from which the invoice stays fully settled through the as-of date, or NEVER. */
  readonly settledDay: Int32Array;
  /** Unsettled amount at the as-of date. */
  readonly balance: Float64Array;
  /** Settlements that reduced the invoice (payments and credit notes), reversed ones included. */
  readonly settlementCount: Int32Array;

  /** Settlement events of invoice i at `eventStart[i]`..`eventStart[i + 1]`, sorted by day. */
  readonly eventStart: Int32Array;
  readonly eventDay: Int32Array;
  /** Positive for a payment or credit note, negative for the reversal of a payment. */
  readonly eventAmount: Float64Array;
  /** Position in `payments` of the payment behind the event, or -1 for a credit note. */
  readonly eventPayment: Int32Array;

  /** Payments grouped by customer, sorted by payment date. */
  readonly payments: readonly Payment[];
  readonly paymentStart: Int32Array;
  readonly paymentDay: Int32Array;
  /** Day the payment was reversed, or NEVER when it was not reversed by the as-of date. */
  readonly paymentReversedDay: Int32Array;
  readonly paymentAmount: Float64Array;
  /** Per customer: payments not allocated to any invoice plus credit notes not tied to one. */
  readonly unappliedCredit: Float64Array;

  /** Disputes grouped by customer, sorted by opening date. */
  readonly disputes: readonly Dispute[];
  readonly disputeStart: Int32Array;
  readonly disputeOpenedDay: Int32Array;
  /** Day the dispute was resolved, or NEVER when still open at the as-of date. */
  readonly disputeResolvedDay: Int32Array;
  /** Position in `invoices` of the disputed invoice. */
  readonly disputeInvoice: Int32Array;

  /** Promises to pay grouped by customer, sorted by promised date. */
  readonly promises: readonly PromiseToPay[];
  readonly promiseStart: Int32Array;
  readonly promiseMadeDay: Int32Array;
  readonly promisedDay: Int32Array;
  readonly promiseAmount: Float64Array;
  /** Position in `invoices` of the invoice the promise covers, or -1 for the customer's account. */
  readonly promiseInvoice: Int32Array;

  readonly excluded: readonly ExcludedRecord[];
}

/** Builds the index in O(records + customers + day range) apart from tiny per-invoice sorts. */
export function buildLedgerIndex(snapshot: LedgerSnapshot, asOf: IsoDate): LedgerIndex {
  const days = new DayCache();
  const asOfDay = days.day(asOf);
  const excluded: ExcludedRecord[] = [];
  const convert = makeCurrencyConverter(snapshot.settings);

  const customerIndexById = new Map<number, number>();
  snapshot.customers.forEach((customer, position) => customerIndexById.set(customer.id, position));
  const context = { snapshot, asOfDay, days, convert, excluded, customerIndexById, customerCount: snapshot.customers.length };

  const invoices = indexInvoices(context);
  const invoiceIds = new Float64Array(invoices.invoices.length);
  for (let position = 0; position < invoiceIds.length; position++) invoiceIds[position] = invoices.invoices[position]!.id;
  const invoiceLookup = new IdLookup(invoiceIds);
  const payments = indexPayments(context);
  const settlements = indexSettlements(context, invoices, invoiceLookup, payments);
  const disputes = indexDisputes(context, invoices, invoiceLookup);
  const promises = indexPromises(context, invoiceLookup);

  return {
    asOf,
    asOfDay,
    baseCurrency: snapshot.settings.baseCurrency,
    convertToBase: convert,
    customers: snapshot.customers,
    customerIndexById,
    ...invoices,
    invoiceLookup,
    ...settlements,
    ...payments,
    ...disputes,
    ...promises,
    excluded,
  };
}

/** Shared inputs of the index builders. */
export interface IndexContext {
  readonly snapshot: LedgerSnapshot;
  readonly asOfDay: number;
  readonly days: DayCache;
  readonly convert: (minor: number, currency: CurrencyCode) => number | null;
  readonly excluded: ExcludedRecord[];
  readonly customerIndexById: ReadonlyMap<number, number>;
  readonly customerCount: number;
}
