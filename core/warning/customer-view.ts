import { isoDateOf, NEVER } from '../scoring/index/days';
import type { LedgerIndex } from '../scoring/index/ledger-index';
import type { IsoDate } from '../ledger/dates';
import type { AlertSettings } from './settings';
import type { BureauReport, CustomerMemory, DayScore, EvidenceInvoice, Finding } from './types';

/** Everything a rule reads about one customer on one evaluated day. */
export interface CustomerView {
  readonly index: LedgerIndex;
  /** Position of the customer in the index. */
  readonly customer: number;
  readonly customerId: number;
  readonly day: number;
  readonly date: IsoDate;
  /** Events dated before this day raise no alert. */
  readonly horizonDay: number;
  readonly settings: AlertSettings;
  readonly graceDays: number;
  /** The customer's bureau reports, sorted by report date then id, all of them (later ones are skipped by the rules). */
  readonly bureauReports: readonly BureauReport[];
  readonly score: DayScore | undefined;
  readonly memory: CustomerMemory | undefined;
}

export function invoiceEvidence(index: LedgerIndex, invoice: number): EvidenceInvoice {
  const record = index.invoices[invoice]!;
  return { id: record.id, number: record.invoiceNumber };
}

/** Builds an event finding, or returns null when the event happened before the horizon. */
export function eventFinding(view: CustomerView, day: number, fields: Omit<Finding, 'customerId' | 'kind' | 'date'>): Finding | null {
  if (day < view.horizonDay || day > view.day) return null;
  return { ...fields, customerId: view.customerId, kind: 'event', date: isoDateOf(day) };
}

export function stateFinding(view: CustomerView, fields: Omit<Finding, 'customerId' | 'kind' | 'date'>): Finding {
  return { ...fields, customerId: view.customerId, kind: 'state', date: view.date };
}

/** Days from the due date to settlement, 0 when settled on or before the due date. */
export function daysBeyondTerms(index: LedgerIndex, invoice: number): number {
  return Math.max(0, (index.settledDay[invoice] ?? 0) - (index.dueDay[invoice] ?? 0));
}

/**
 * Returns the customer's invoices settled by the evaluated day in settlement order (ties by due
 * day, then index position). The index contains only what was known at the end of that day.
 */
export function settledInOrder(view: CustomerView): number[] {
  const { index, customer } = view;
  const settled: number[] = [];
  for (let invoice = index.invoiceStart[customer] ?? 0; invoice < (index.invoiceStart[customer + 1] ?? 0); invoice++) {
    if ((index.settledDay[invoice] ?? NEVER) <= index.asOfDay) settled.push(invoice);
  }
  return settled.sort((a, b) => (index.settledDay[a] ?? 0) - (index.settledDay[b] ?? 0) || (index.dueDay[a] ?? 0) - (index.dueDay[b] ?? 0) || a - b);
}

/**
 * Sums the customer's unsettled invoice amounts at the end of each of `days` (each on or before
 * the index's as-of day): invoices issued by then less payments and credit notes dated by then.
 * A payment reversed by that day counts for nothing, as in the index.
 */
export function outstandingOn(index: LedgerIndex, customer: number, days: readonly number[]): number[] {
  const totals = days.map(() => 0);
  for (let invoice = index.invoiceStart[customer] ?? 0; invoice < (index.invoiceStart[customer + 1] ?? 0); invoice++) {
    const issued = index.issueDay[invoice] ?? 0;
    const amount = index.amount[invoice] ?? 0;
    for (let position = 0; position < days.length; position++) {
      const day = days[position]!;
      if (issued > day) continue;
      let remaining = amount;
      for (let event = index.eventStart[invoice] ?? 0; event < (index.eventStart[invoice + 1] ?? 0); event++) {
        if ((index.eventDay[event] ?? 0) <= day) remaining -= index.eventAmount[event] ?? 0;
      }
      totals[position]! += Math.max(0, remaining);
    }
  }
  return totals;
}

/** Sums the customer's payments dated in [fromDay, toDay] that were not reversed by the as-of day. */
export function receivedBetween(index: LedgerIndex, customer: number, fromDay: number, toDay: number): number {
  let total = 0;
  for (let payment = index.paymentStart[customer] ?? 0; payment < (index.paymentStart[customer + 1] ?? 0); payment++) {
    const day = index.paymentDay[payment] ?? 0;
    if (day >= fromDay && day <= toDay && index.paymentReversedDay[payment] === NEVER) total += index.paymentAmount[payment] ?? 0;
  }
  return total;
}

/** Base-currency minor units as a whole number for evidence. */
export function wholeMinor(value: number): number {
  return Math.round(value);
}
