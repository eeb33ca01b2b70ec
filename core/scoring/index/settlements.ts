import type { Payment } from '../../ledger/types';
import { NEVER } from './days';
import { groupOffsets, IdLookup, orderByGroupThenDay } from './grouping';
import type { InvoiceColumns } from './invoices';
import type { IndexContext } from './ledger-index';

export interface PaymentColumns {
  readonly payments: readonly Payment[];
  readonly paymentStart: Int32Array;
  readonly paymentDay: Int32Array;
  readonly paymentReversedDay: Int32Array;
  readonly paymentAmount: Float64Array;
}

export interface SettlementColumns {
  readonly settledDay: Int32Array;
  readonly balance: Float64Array;
  readonly settlementCount: Int32Array;
  readonly eventStart: Int32Array;
  readonly eventDay: Int32Array;
  readonly eventAmount: Float64Array;
  readonly eventPayment: Int32Array;
  readonly unappliedCredit: Float64Array;
}

/** Collects payments made on or before the as-of date, grouped by customer and sorted by date. */
export function indexPayments(context: IndexContext): PaymentColumns {
  const { snapshot, asOfDay, days, convert, excluded, customerIndexById } = context;
  const source = snapshot.payments;
  const includedSource = new Int32Array(source.length);
  const includedCustomer = new Int32Array(source.length);
  const includedDay = new Int32Array(source.length);
  const includedAmount = new Float64Array(source.length);
  const includedReversed = new Int32Array(source.length);
  let includedCount = 0;
  for (let position = 0; position < source.length; position++) {
    const payment = source[position]!;
    const day = days.day(payment.paymentDate);
    if (day > asOfDay) continue;
    const customer = customerIndexById.get(payment.customerId);
    const amount = convert(payment.amountMinor, payment.currency);
    if (customer === undefined || amount === null || amount <= 0) {
      excluded.push({ kind: 'payment', id: payment.id, reason: paymentExclusionReason(payment, customer, amount) });
      continue;
    }
    includedSource[includedCount] = position;
    includedCustomer[includedCount] = customer;
    includedDay[includedCount] = day;
    includedAmount[includedCount] = amount;
    const reversed = days.dayOrNever(payment.reversedOn);
    includedReversed[includedCount] = reversed > asOfDay ? NEVER : reversed;
    includedCount++;
  }

  const order = orderByGroupThenDay(includedCustomer.subarray(0, includedCount), includedDay.subarray(0, includedCount), context.customerCount);
  const payments: Payment[] = [];
  const paymentCustomer = new Int32Array(includedCount);
  const paymentDay = new Int32Array(includedCount);
  const paymentAmount = new Float64Array(includedCount);
  const paymentReversedDay = new Int32Array(includedCount);
  for (let position = 0; position < includedCount; position++) {
    const from = order[position] ?? 0;
    payments.push(source[includedSource[from] ?? 0]!);
    paymentCustomer[position] = includedCustomer[from] ?? 0;
    paymentDay[position] = includedDay[from] ?? 0;
    paymentAmount[position] = includedAmount[from] ?? 0;
    paymentReversedDay[position] = includedReversed[from] ?? NEVER;
  }
  const paymentStart = groupOffsets(paymentCustomer, context.customerCount);
  return { payments, paymentStart, paymentDay, paymentReversedDay, paymentAmount };
}

function paymentExclusionReason(payment: Payment, customer: number | undefined, amount: number | null): string {
  if (customer === undefined) return `customer ${payment.customerId} is not in the ledger`;
  if (amount === null) return `no exchange rate from ${payment.currency}`;
  return 'amount is not positive';
}

/** Settlement events collected before they are grouped by invoice. */
class PendingEvents {
  readonly invoice: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly payment: Int32Array;
  count = 0;

  constructor(capacity: number) {
    this.invoice = new Int32Array(capacity);
    this.day = new Int32Array(capacity);
    this.amount = new Float64Array(capacity);
    this.payment = new Int32Array(capacity);
  }

  push(invoice: number, day: number, amount: number, payment: number): void {
    const slot = this.count++;
    this.invoice[slot] = invoice;
    this.day[slot] = day;
    this.amount[slot] = amount;
    this.payment[slot] = payment;
  }
}

/**
 * Turns allocations and invoice-linked credit notes into dated settlement events per invoice and
 * derives each invoice's settlement day and balance. A payment reversed on or before the as-of
 * date adds a negative event on its reversal day, so it settles nothing from that day on.
 * Payments allocated to no indexed invoice and credit notes tied to none count as unapplied credit.
 */
export function indexSettlements(
  context: IndexContext,
  invoices: InvoiceColumns,
  invoiceLookup: IdLookup,
  payments: PaymentColumns,
): SettlementColumns {
  const paymentIds = new Float64Array(payments.payments.length);
  for (let position = 0; position < paymentIds.length; position++) paymentIds[position] = payments.payments[position]!.id;
  const paymentLookup = new IdLookup(paymentIds);
  const unappliedCredit = new Float64Array(context.customerCount);
  const allocated = new Float64Array(payments.payments.length);
  const allocations = context.snapshot.allocations;
  const pending = new PendingEvents(2 * allocations.length + context.snapshot.creditNotes.length);

  for (let position = 0; position < allocations.length; position++) {
    const allocation = allocations[position]!;
    const invoice = invoiceLookup.get(allocation.invoiceId);
    const payment = paymentLookup.get(allocation.paymentId);
    if (invoice < 0 || payment < 0) continue;
    const amount = context.convert(allocation.amountMinor, invoices.invoices[invoice]!.currency) ?? 0;
    allocated[payment]! += amount;
    const day = payments.paymentDay[payment] ?? 0;
    pending.push(invoice, day, amount, payment);
    const reversedDay = payments.paymentReversedDay[payment] ?? NEVER;
    if (reversedDay !== NEVER) pending.push(invoice, Math.max(day, reversedDay), -amount, payment);
  }
  addCreditNotes(context, invoices, invoiceLookup, pending, unappliedCredit);
  addUnallocatedPayments(payments, allocated, unappliedCredit);

  const columns = buildEventColumns(pending, invoices.invoices.length);
  const derived = deriveSettlement(invoices, columns, unappliedCredit);
  return { ...columns, ...derived, unappliedCredit };
}

function addCreditNotes(
  context: IndexContext,
  invoices: InvoiceColumns,
  invoiceLookup: IdLookup,
  pending: PendingEvents,
  unappliedCredit: Float64Array,
): void {
  for (const note of context.snapshot.creditNotes) {
    const day = context.days.day(note.issueDate);
    if (day > context.asOfDay) continue;
    const amount = context.convert(note.amountMinor, note.currency);
    const customer = context.customerIndexById.get(note.customerId);
    if (amount === null || customer === undefined) {
      const reason = amount === null ? `no exchange rate from ${note.currency}` : `customer ${note.customerId} is not in the ledger`;
      context.excluded.push({ kind: 'credit-note', id: note.id, reason });
      continue;
    }
    const invoice = note.invoiceId === null ? -1 : invoiceLookup.get(note.invoiceId);
    if (invoice >= 0 && (invoices.issueDay[invoice] ?? 0) <= day) pending.push(invoice, day, amount, -1);
    else unappliedCredit[customer]! += amount;
  }
}

function addUnallocatedPayments(payments: PaymentColumns, allocated: Float64Array, unappliedCredit: Float64Array): void {
  const customerCount = payments.paymentStart.length - 1;
  for (let customer = 0; customer < customerCount; customer++) {
    for (let payment = payments.paymentStart[customer] ?? 0; payment < (payments.paymentStart[customer + 1] ?? 0); payment++) {
      if (payments.paymentReversedDay[payment] !== NEVER) continue;
      const rest = (payments.paymentAmount[payment] ?? 0) - (allocated[payment] ?? 0);
      if (rest > 0) unappliedCredit[customer]! += rest;
    }
  }
}

function buildEventColumns(pending: PendingEvents, invoiceCount: number) {
  const eventStart = groupOffsets(pending.invoice.subarray(0, pending.count), invoiceCount);
  const next = eventStart.slice(0, invoiceCount);
  const eventDay = new Int32Array(pending.count);
  const eventAmount = new Float64Array(pending.count);
  const eventPayment = new Int32Array(pending.count);
  for (let event = 0; event < pending.count; event++) {
    const slot = next[pending.invoice[event] ?? 0]!++;
    eventDay[slot] = pending.day[event] ?? 0;
    eventAmount[slot] = pending.amount[event] ?? 0;
    eventPayment[slot] = pending.payment[event] ?? 0;
  }
  for (let invoice = 0; invoice < invoiceCount; invoice++) {
    const start = eventStart[invoice] ?? 0;
    const end = eventStart[invoice + 1] ?? 0;
    if (end - start > 1) sortEventRange(start, end, eventDay, eventAmount, eventPayment);
  }
  return { eventStart, eventDay, eventAmount, eventPayment };
}

/** Insertion sort by day, because an invoice has only a few events. */
function sortEventRange(start: number, end: number, day: Int32Array, amount: Float64Array, payment: Int32Array): void {
  for (let index = start + 1; index < end; index++) {
    const keyDay = day[index] ?? 0;
    const keyAmount = amount[index] ?? 0;
    const keyPayment = payment[index] ?? 0;
    let slot = index - 1;
    while (slot >= start && (day[slot] ?? 0) > keyDay) {
      day[slot + 1] = day[slot] ?? 0;
      amount[slot + 1] = amount[slot] ?? 0;
      payment[slot + 1] = payment[slot] ?? 0;
      slot--;
    }
    day[slot + 1] = keyDay;
    amount[slot + 1] = keyAmount;
    payment[slot + 1] = keyPayment;
  }
}

/**
 * Walks each invoice's events day by day. The settlement day is the last day on which the
 * balance fell to zero or below and stayed there through the as-of date. Any surplus above the
 * invoice amount counts as unapplied credit of the invoice's customer.
 */
function deriveSettlement(
  invoices: InvoiceColumns,
  events: { eventStart: Int32Array; eventDay: Int32Array; eventAmount: Float64Array },
  unappliedCredit: Float64Array,
) {
  const count = invoices.invoices.length;
  const settledDay = new Int32Array(count).fill(NEVER);
  const balance = new Float64Array(count);
  const settlementCount = new Int32Array(count);
  for (let invoice = 0; invoice < count; invoice++) {
    let remaining = invoices.amount[invoice] ?? 0;
    let settled = NEVER;
    let settlements = 0;
    const end = events.eventStart[invoice + 1] ?? 0;
    for (let event = events.eventStart[invoice] ?? 0; event < end; event++) {
      const value = events.eventAmount[event] ?? 0;
      remaining -= value;
      if (value > 0) settlements++;
      const day = events.eventDay[event] ?? 0;
      const lastOfDay = event + 1 >= end || (events.eventDay[event + 1] ?? 0) !== day;
      if (!lastOfDay) continue;
      if (remaining > 0) settled = NEVER;
      else if (settled === NEVER) settled = day;
    }
    settledDay[invoice] = settled;
    balance[invoice] = Math.max(0, remaining);
    settlementCount[invoice] = settlements;
    if (remaining < 0) unappliedCredit[invoices.invoiceCustomer[invoice] ?? 0]! -= remaining;
  }
  return { settledDay, balance, settlementCount };
}
