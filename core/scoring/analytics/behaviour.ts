import type { LedgerIndex } from '../index/ledger-index';

/** Days in the quarter-year windows behind the "last quarter" and "previous quarter" figures. */
export const quarterDays = 91;

/** Payment record of a customer over the invoices it settled by the as-of date. */
export interface PaymentBehaviour {
  readonly paidInvoiceCount: number;
  /** Paid invoices settled more than the grace days after their due date. */
  readonly latePaidInvoiceCount: number;
  /** latePaidInvoiceCount / paidInvoiceCount, or null with nothing paid. */
  readonly lateShare: number | null;
  /** The most recently settled invoices, at most `recentInvoiceCount` of them. */
  readonly recentPaidCount: number;
  readonly recentLateCount: number;
  /** Days from due date to settlement (0 when paid on time), weighted by invoice amount, or null with nothing paid. */
  readonly averageDaysBeyondTerms: number | null;
  /** The same average over invoices settled in the last 91 days up to the as-of date. */
  readonly averageDaysBeyondTermsLastQuarter: number | null;
  /** The same average over invoices settled in the 91 days before that window. */
  readonly averageDaysBeyondTermsPreviousQuarter: number | null;
  /** Open invoices that have received part of their amount. */
  readonly partiallyPaidOpenInvoices: number;
  /** Settled invoices that took two or more payments or credit notes. */
  readonly instalmentSettledInvoices: number;
}

/** Computes the payment behaviour of customer `customer` at the as-of date. */
export function paymentBehaviour(index: LedgerIndex, customer: number, graceDays: number, recentInvoiceCount: number): PaymentBehaviour {
  const start = index.invoiceStart[customer] ?? 0;
  const end = index.invoiceStart[customer + 1] ?? 0;
  const asOfDay = index.asOfDay;
  const allTime = new WeightedDays();
  const lastQuarter = new WeightedDays();
  const previousQuarter = new WeightedDays();
  const settled: number[] = [];
  let late = 0;
  let partiallyPaidOpen = 0;
  let instalments = 0;

  for (let invoice = start; invoice < end; invoice++) {
    const settledDay = index.settledDay[invoice] ?? 0;
    const settlements = index.settlementCount[invoice] ?? 0;
    if (settledDay > asOfDay) {
      if (settlements > 0) partiallyPaidOpen++;
      continue;
    }
    settled.push(invoice);
    const daysLate = Math.max(0, settledDay - (index.dueDay[invoice] ?? 0));
    const amount = index.amount[invoice] ?? 0;
    if (daysLate > graceDays) late++;
    if (settlements >= 2) instalments++;
    allTime.add(daysLate, amount);
    if (settledDay > asOfDay - quarterDays) lastQuarter.add(daysLate, amount);
    else if (settledDay > asOfDay - 2 * quarterDays) previousQuarter.add(daysLate, amount);
  }

  const recent = latestSettled(index, settled, recentInvoiceCount);
  const recentLate = recent.filter((invoice) => (index.settledDay[invoice] ?? 0) - (index.dueDay[invoice] ?? 0) > graceDays).length;
  return {
    paidInvoiceCount: settled.length,
    latePaidInvoiceCount: late,
    lateShare: settled.length === 0 ? null : late / settled.length,
    recentPaidCount: recent.length,
    recentLateCount: recentLate,
    averageDaysBeyondTerms: allTime.average(),
    averageDaysBeyondTermsLastQuarter: lastQuarter.average(),
    averageDaysBeyondTermsPreviousQuarter: previousQuarter.average(),
    partiallyPaidOpenInvoices: partiallyPaidOpen,
    instalmentSettledInvoices: instalments,
  };
}

/** Returns the `count` invoices settled last, latest first. Ties go to the later-issued invoice. */
function latestSettled(index: LedgerIndex, settled: number[], count: number): number[] {
  const ordered = settled.slice().sort((a, b) => (index.settledDay[b] ?? 0) - (index.settledDay[a] ?? 0) || b - a);
  return ordered.slice(0, count);
}

/** Amount-weighted mean of days. */
class WeightedDays {
  private weightedSum = 0;
  private weight = 0;

  add(days: number, amount: number): void {
    this.weightedSum += days * amount;
    this.weight += amount;
  }

  average(): number | null {
    return this.weight > 0 ? this.weightedSum / this.weight : null;
  }
}
