import { NEVER } from './index/days';
import type { LedgerIndex } from './index/ledger-index';
import { promiseOutcomes } from './analytics/promises';

/**
 * Columns of a history row: what was known about a customer at the start of a query day t,
 * that is from records dated before t. Row values are counts, days or minor units.
 */
export const historyColumns = {
  /** Invoices settled before t. */
  paid: 0,
  /** Of those, settled more than the grace days after their due date. */
  late: 1,
  /** The last `recentCount` invoices settled before t. */
  recentPaid: 2,
  recentLate: 3,
  /** Amount-weighted mean of days beyond terms over the invoices settled before t. */
  daysLate: 4,
  /** The same mean over the recent invoices. */
  recentDaysLate: 5,
  /** Invoices issued before t and their mean amount. */
  issued: 6,
  meanAmount: 7,
  /** Disputes opened before t. */
  disputes: 8,
  /** Invoices due before t and not settled before t, and days past due of the oldest of them. */
  openOverdue: 9,
  oldestOverdueDays: 10,
  /** Promises to pay broken before t and payments reversed before t. */
  brokenPromises: 11,
  bouncedPayments: 12,
  /** Mean of settlement day minus due day (negative when paid early) over all and over the recent settled invoices. */
  timing: 13,
  recentTiming: 14,
} as const;
export const historyColumnCount = 15;

/**
 * Writes one history row per query day into `out`, starting at row `firstRow`. Query days must
 * be ascending. Each row uses only records dated before its query day, so a row for an invoice's
 * issue day is what the ledger had recorded when the invoice was raised. Runs in O(k log k + q) for k
 * invoices and q query days, with pointers that only move forward.
 * NOTE: settlement days are those known at the index's as-of date. Between a payment and its later
 * reversal, a row therefore shows the invoice as open, although the ledger showed it paid then.
 */
export function sweepHistory(
  index: LedgerIndex,
  customer: number,
  queryDays: ArrayLike<number>,
  graceDays: number,
  recentCount: number,
  out: Float64Array | number[],
  firstRow = 0,
): void {
  const start = index.invoiceStart[customer] ?? 0;
  const end = index.invoiceStart[customer + 1] ?? 0;
  const settled = settledOrder(index, start, end);
  const prefix = settlementPrefixSums(index, settled, graceDays);
  const overdue = overdueEvents(index, start, end);
  const byDue = dueOrder(index, start, end);
  const broken = brokenPromiseDays(index, customer);
  const bounced = reversalDays(index, customer);

  let paid = 0;
  let issued = 0;
  let issuedAmount = 0;
  let overdueEvent = 0;
  let openOverdue = 0;
  let duePointer = 0;
  const disputes = new ForwardCounter(index.disputeOpenedDay, index.disputeStart[customer] ?? 0, index.disputeStart[customer + 1] ?? 0);
  const brokenCounter = new ForwardCounter(broken, 0, broken.length);
  const bouncedCounter = new ForwardCounter(bounced, 0, bounced.length);

  for (let query = 0; query < queryDays.length; query++) {
    const day = queryDays[query] ?? 0;
    while (paid < settled.length && (index.settledDay[settled[paid] ?? 0] ?? 0) < day) paid++;
    while (start + issued < end && (index.issueDay[start + issued] ?? 0) < day) issuedAmount += index.amount[start + issued++] ?? 0;
    while (overdueEvent < overdue.days.length && (overdue.days[overdueEvent] ?? 0) <= day) openOverdue += overdue.deltas[overdueEvent++] ?? 0;
    while (duePointer < byDue.length && (index.settledDay[byDue[duePointer] ?? 0] ?? 0) < day) duePointer++;
    const oldestDue = duePointer < byDue.length ? (index.dueDay[byDue[duePointer] ?? 0] ?? 0) : NEVER;

    const row = (firstRow + query) * historyColumnCount;
    writeSettledColumns(out, row, prefix, paid, Math.max(0, paid - recentCount));
    out[row + historyColumns.issued] = issued;
    out[row + historyColumns.meanAmount] = issued > 0 ? issuedAmount / issued : 0;
    out[row + historyColumns.disputes] = disputes.countBefore(day);
    out[row + historyColumns.openOverdue] = openOverdue;
    out[row + historyColumns.oldestOverdueDays] = oldestDue < day ? day - oldestDue : 0;
    out[row + historyColumns.brokenPromises] = brokenCounter.countBefore(day);
    out[row + historyColumns.bouncedPayments] = bouncedCounter.countBefore(day);
  }
}

/** Writes the columns about settled invoices: the first `paid` in settlement order, the recent ones from `recentFrom`. */
function writeSettledColumns(out: Float64Array | number[], row: number, prefix: PrefixSums, paid: number, recentFrom: number): void {
  const late = prefix.late[paid] ?? 0;
  const signedDays = prefix.signedDays[paid] ?? 0;
  out[row + historyColumns.paid] = paid;
  out[row + historyColumns.late] = late;
  out[row + historyColumns.recentPaid] = paid - recentFrom;
  out[row + historyColumns.recentLate] = late - (prefix.late[recentFrom] ?? 0);
  out[row + historyColumns.daysLate] = weightedMean(prefix, 0, paid);
  out[row + historyColumns.recentDaysLate] = weightedMean(prefix, recentFrom, paid);
  out[row + historyColumns.timing] = paid > 0 ? signedDays / paid : 0;
  out[row + historyColumns.recentTiming] = paid > recentFrom ? (signedDays - (prefix.signedDays[recentFrom] ?? 0)) / (paid - recentFrom) : 0;
}

/** Settled invoices in order of settlement day, then position. */
function settledOrder(index: LedgerIndex, start: number, end: number): number[] {
  const order: number[] = [];
  for (let invoice = start; invoice < end; invoice++) if (index.settledDay[invoice] !== NEVER) order.push(invoice);
  order.sort((a, b) => (index.settledDay[a] ?? 0) - (index.settledDay[b] ?? 0) || a - b);
  return order;
}

interface PrefixSums {
  readonly late: number[];
  readonly weightedDays: number[];
  readonly amount: number[];
  readonly signedDays: number[];
}

/** Prefix sums over the settlement order, so any run of settled invoices sums in O(1). */
function settlementPrefixSums(index: LedgerIndex, settled: readonly number[], graceDays: number): PrefixSums {
  const late = [0];
  const weightedDays = [0];
  const amount = [0];
  const signedDays = [0];
  for (let position = 0; position < settled.length; position++) {
    const invoice = settled[position] ?? 0;
    const daysLate = Math.max(0, (index.settledDay[invoice] ?? 0) - (index.dueDay[invoice] ?? 0));
    const value = index.amount[invoice] ?? 0;
    late[position + 1] = (late[position] ?? 0) + (daysLate > graceDays ? 1 : 0);
    weightedDays[position + 1] = (weightedDays[position] ?? 0) + daysLate * value;
    amount[position + 1] = (amount[position] ?? 0) + value;
    signedDays[position + 1] = (signedDays[position] ?? 0) + Math.max(-60, Math.min(60, (index.settledDay[invoice] ?? 0) - (index.dueDay[invoice] ?? 0)));
  }
  return { late, weightedDays, amount, signedDays };
}

function weightedMean(prefix: PrefixSums, from: number, to: number): number {
  const weight = (prefix.amount[to] ?? 0) - (prefix.amount[from] ?? 0);
  return weight > 0 ? ((prefix.weightedDays[to] ?? 0) - (prefix.weightedDays[from] ?? 0)) / weight : 0;
}

/**
 * Day-ordered changes to the count of overdue invoices: an invoice becomes overdue on the day
 * after its due day and stops on the day after its settlement day.
 */
function overdueEvents(index: LedgerIndex, start: number, end: number): { days: number[]; deltas: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (let invoice = start; invoice < end; invoice++) {
    const due = index.dueDay[invoice] ?? 0;
    const settledDay = index.settledDay[invoice] ?? 0;
    if (settledDay <= due) continue;
    starts.push(due + 1);
    if (settledDay !== NEVER) ends.push(settledDay + 1);
  }
  starts.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  return mergeCounts(starts, ends);
}

/** Merges ascending +1 days and -1 days into one ascending list of (day, delta). */
function mergeCounts(starts: readonly number[], ends: readonly number[]): { days: number[]; deltas: number[] } {
  const days: number[] = [];
  const deltas: number[] = [];
  let s = 0;
  let e = 0;
  while (s < starts.length || e < ends.length) {
    const takeStart = e >= ends.length || (s < starts.length && (starts[s] ?? 0) <= (ends[e] ?? 0));
    days.push(takeStart ? (starts[s++] ?? 0) : (ends[e++] ?? 0));
    deltas.push(takeStart ? 1 : -1);
  }
  return { days, deltas };
}

function dueOrder(index: LedgerIndex, start: number, end: number): number[] {
  const order: number[] = [];
  for (let invoice = start; invoice < end; invoice++) order.push(invoice);
  order.sort((a, b) => (index.dueDay[a] ?? 0) - (index.dueDay[b] ?? 0) || a - b);
  return order;
}

function brokenPromiseDays(index: LedgerIndex, customer: number): number[] {
  if (index.promiseStart[customer] === index.promiseStart[customer + 1]) return [];
  const days: number[] = [];
  for (const outcome of promiseOutcomes(index, customer)) if (outcome.brokenDay !== NEVER) days.push(outcome.brokenDay);
  return days.sort((a, b) => a - b);
}

function reversalDays(index: LedgerIndex, customer: number): number[] {
  const days: number[] = [];
  for (let payment = index.paymentStart[customer] ?? 0; payment < (index.paymentStart[customer + 1] ?? 0); payment++) {
    const reversed = index.paymentReversedDay[payment] ?? NEVER;
    if (reversed !== NEVER) days.push(reversed);
  }
  return days.sort((a, b) => a - b);
}

/** Counts entries of an ascending day range that lie before a day; query days must not decrease. */
class ForwardCounter {
  private position: number;

  constructor(
    private readonly days: ArrayLike<number>,
    private readonly start: number,
    private readonly end: number,
  ) {
    this.position = start;
  }

  countBefore(day: number): number {
    while (this.position < this.end && (this.days[this.position] ?? 0) < day) this.position++;
    return this.position - this.start;
  }
}
