import type { Dispute, PromiseToPay } from '../../ledger/types';
import { NEVER } from './days';
import { groupOffsets, type IdLookup, orderByGroupThenDay } from './grouping';
import type { InvoiceColumns } from './invoices';
import type { IndexContext } from './ledger-index';

export interface DisputeColumns {
  readonly disputes: readonly Dispute[];
  readonly disputeStart: Int32Array;
  readonly disputeOpenedDay: Int32Array;
  readonly disputeResolvedDay: Int32Array;
  readonly disputeInvoice: Int32Array;
}

export interface PromiseColumns {
  readonly promises: readonly PromiseToPay[];
  readonly promiseStart: Int32Array;
  readonly promiseMadeDay: Int32Array;
  readonly promisedDay: Int32Array;
  readonly promiseAmount: Float64Array;
  readonly promiseInvoice: Int32Array;
}

/** Collects disputes opened on or before the as-of date on indexed invoices, grouped by customer. */
export function indexDisputes(context: IndexContext, invoices: InvoiceColumns, invoiceLookup: IdLookup): DisputeColumns {
  const kept: Dispute[] = [];
  const customers: number[] = [];
  const opened: number[] = [];
  const invoicePositions: number[] = [];
  for (const dispute of context.snapshot.disputes) {
    const day = context.days.day(dispute.openedOn);
    if (day > context.asOfDay) continue;
    const invoice = invoiceLookup.get(dispute.invoiceId);
    if (invoice < 0) {
      context.excluded.push({ kind: 'dispute', id: dispute.id, reason: `invoice ${dispute.invoiceId} is not in the ledger on the as-of date` });
      continue;
    }
    kept.push(dispute);
    customers.push(invoices.invoiceCustomer[invoice] ?? 0);
    opened.push(day);
    invoicePositions.push(invoice);
  }

  const order = orderByGroupThenDay(Int32Array.from(customers), Int32Array.from(opened), context.customerCount);
  const disputes = Array.from(order, (source) => kept[source]!);
  const resolved = (dispute: Dispute) => {
    const day = context.days.dayOrNever(dispute.resolvedOn);
    return day > context.asOfDay ? NEVER : day;
  };
  return {
    disputes,
    disputeStart: groupOffsets(Int32Array.from(order, (source) => customers[source] ?? 0), context.customerCount),
    disputeOpenedDay: Int32Array.from(order, (source) => opened[source] ?? 0),
    disputeResolvedDay: Int32Array.from(disputes, resolved),
    disputeInvoice: Int32Array.from(order, (source) => invoicePositions[source] ?? 0),
  };
}

/**
 * Collects promises to pay made on or before the as-of date, grouped by customer and sorted by
 * promised date. A promise naming an invoice that is not indexed covers the customer's account.
 */
export function indexPromises(context: IndexContext, invoiceLookup: IdLookup): PromiseColumns {
  const kept: PromiseToPay[] = [];
  const customers: number[] = [];
  const promised: number[] = [];
  for (const promise of context.snapshot.promises) {
    if (context.days.day(promise.madeOn) > context.asOfDay) continue;
    const customer = context.customerIndexById.get(promise.customerId);
    const amount = context.convert(promise.amountMinor, promise.currency);
    if (customer === undefined || amount === null) {
      const reason = customer === undefined ? `customer ${promise.customerId} is not in the ledger` : `no exchange rate from ${promise.currency}`;
      context.excluded.push({ kind: 'promise', id: promise.id, reason });
      continue;
    }
    kept.push(promise);
    customers.push(customer);
    promised.push(context.days.day(promise.promisedDate));
  }

  const order = orderByGroupThenDay(Int32Array.from(customers), Int32Array.from(promised), context.customerCount);
  const promises = Array.from(order, (source) => kept[source]!);
  return {
    promises,
    promiseStart: groupOffsets(Int32Array.from(order, (source) => customers[source] ?? 0), context.customerCount),
    promiseMadeDay: Int32Array.from(promises, (promise) => context.days.day(promise.madeOn)),
    promisedDay: Int32Array.from(order, (source) => promised[source] ?? 0),
    promiseAmount: Float64Array.from(promises, (promise) => context.convert(promise.amountMinor, promise.currency) ?? 0),
    promiseInvoice: Int32Array.from(promises, (promise) => (promise.invoiceId === null ? -1 : invoiceLookup.get(promise.invoiceId))),
  };
}
