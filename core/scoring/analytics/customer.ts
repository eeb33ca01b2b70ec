import type { CurrencyCode } from '../../ledger/currency';
import type { IsoDate } from '../../ledger/dates';
import { isoDateOf, NEVER } from '../index/days';
import type { LedgerIndex } from '../index/ledger-index';
import type { ScoringSettings } from '../types';
import { accumulateAging, toAgingBuckets, type AgingBucket, type BucketDefinition } from './aging';
import { paymentBehaviour, type PaymentBehaviour } from './behaviour';
import { countBackDso, periodOfDay, type DsoResult } from './dso';
import { promiseOutcomes } from './promises';

export interface DisputeSummary {
  readonly open: number;
  /** Open balance of invoices with an open dispute. */
  readonly openAmountMinor: number;
  /** Disputes opened on or before the as-of date, open or resolved. */
  readonly onRecord: number;
}

export interface PromiseSummary {
  readonly made: number;
  readonly kept: number;
  readonly broken: number;
  readonly pending: number;
}

export interface CreditExposure {
  /** Credit limit in base-currency minor units: the customer's own, else its segment's default, else null. */
  readonly limitMinor: number | null;
  /** Outstanding balance less unapplied credit, never below zero. */
  readonly exposureMinor: number;
  /** Exposure divided by the credit limit, null without a limit. */
  readonly utilisation: number | null;
  readonly overLimitMinor: number;
}

/** Receivables analytics of one customer at the as-of date. Amounts are base-currency minor units. */
export interface CustomerAnalytics {
  readonly currency: CurrencyCode;
  readonly outstandingMinor: number;
  /** Part of the outstanding balance past its due date. */
  readonly overdueMinor: number;
  readonly unappliedCreditMinor: number;
  readonly openInvoiceCount: number;
  readonly overdueInvoiceCount: number;
  /** Buckets by days past due, adding up to `outstandingMinor`. */
  readonly aging: readonly AgingBucket[];
  /** Days from the oldest unpaid due date to the as-of date, 0 when nothing is overdue. */
  readonly daysPastDue: number;
  readonly oldestUnpaidDueDate: IsoDate | null;
  readonly dso: DsoResult;
  readonly payments: PaymentBehaviour;
  readonly disputes: DisputeSummary;
  readonly promises: PromiseSummary;
  /** Payments reversed or bounced on or before the as-of date. */
  readonly bouncedPayments: number;
  readonly credit: CreditExposure;
}

/** Per-run inputs that depend only on the as-of date and the settings. */
export interface AnalyticsContext {
  readonly settings: ScoringSettings;
  readonly dsoBoundaries: Int32Array;
  readonly agingDefinitions: readonly BucketDefinition[];
}

export function customerAnalytics(index: LedgerIndex, customer: number, context: AnalyticsContext): CustomerAnalytics {
  const { settings, agingDefinitions } = context;
  const start = index.invoiceStart[customer] ?? 0;
  const end = index.invoiceStart[customer + 1] ?? 0;
  const amounts = new Array<number>(agingDefinitions.length).fill(0);
  const counts = new Array<number>(agingDefinitions.length).fill(0);
  accumulateAging(index, start, end, settings.agingBoundaries, amounts, counts);
  const open = openBalances(index, start, end);

  return {
    currency: index.baseCurrency,
    outstandingMinor: open.outstanding,
    overdueMinor: open.overdue,
    unappliedCreditMinor: index.unappliedCredit[customer] ?? 0,
    openInvoiceCount: open.openCount,
    overdueInvoiceCount: open.overdueCount,
    aging: toAgingBuckets(agingDefinitions, amounts, counts),
    daysPastDue: open.oldestDue === NEVER ? 0 : Math.max(0, index.asOfDay - open.oldestDue),
    oldestUnpaidDueDate: open.oldestDue === NEVER ? null : isoDateOf(open.oldestDue),
    dso: customerDso(index, start, end, open.outstanding, context.dsoBoundaries),
    payments: paymentBehaviour(index, customer, settings.graceDays, settings.model.recentInvoiceCount),
    disputes: disputeSummary(index, customer),
    promises: promiseSummary(index, customer),
    bouncedPayments: bouncedCount(index, customer),
    credit: creditExposure(index, customer, open.outstanding, settings),
  };
}

function openBalances(index: LedgerIndex, start: number, end: number) {
  let outstanding = 0;
  let overdue = 0;
  let openCount = 0;
  let overdueCount = 0;
  let oldestDue = NEVER;
  for (let invoice = start; invoice < end; invoice++) {
    const balance = index.balance[invoice] ?? 0;
    if (balance <= 0) continue;
    const due = index.dueDay[invoice] ?? 0;
    outstanding += balance;
    openCount++;
    if (due < oldestDue) oldestDue = due;
    if (due < index.asOfDay) {
      overdue += balance;
      overdueCount++;
    }
  }
  return { outstanding, overdue, openCount, overdueCount, oldestDue };
}

/** Computes count-back DSO over the customer's own sales. Invoices are sorted by issue day, so the walk starts at the end. */
export function customerDso(index: LedgerIndex, start: number, end: number, outstanding: number, boundaries: Int32Array): DsoResult {
  const sales = new Array<number>(boundaries.length).fill(0);
  const oldestBoundary = boundaries[boundaries.length - 1] ?? 0;
  for (let invoice = end - 1; invoice >= start && (index.issueDay[invoice] ?? 0) > oldestBoundary; invoice--) {
    sales[periodOfDay(index.issueDay[invoice] ?? 0, boundaries)]! += index.amount[invoice] ?? 0;
  }
  return countBackDso(outstanding, sales, boundaries);
}

function disputeSummary(index: LedgerIndex, customer: number): DisputeSummary {
  let openDisputes = 0;
  let disputedMinor = 0;
  const start = index.disputeStart[customer] ?? 0;
  const end = index.disputeStart[customer + 1] ?? 0;
  for (let dispute = start; dispute < end; dispute++) {
    if (index.disputeResolvedDay[dispute] !== NEVER) continue;
    openDisputes++;
    const invoice = index.disputeInvoice[dispute] ?? 0;
    if (!hasEarlierOpenDispute(index, start, dispute, invoice)) disputedMinor += index.balance[invoice] ?? 0;
  }
  return { open: openDisputes, openAmountMinor: disputedMinor, onRecord: end - start };
}

/** True when an earlier open dispute of the range is on the same invoice, so its balance is counted once. */
function hasEarlierOpenDispute(index: LedgerIndex, start: number, dispute: number, invoice: number): boolean {
  for (let earlier = start; earlier < dispute; earlier++) {
    if (index.disputeInvoice[earlier] === invoice && index.disputeResolvedDay[earlier] === NEVER) return true;
  }
  return false;
}

function promiseSummary(index: LedgerIndex, customer: number): PromiseSummary {
  if (index.promiseStart[customer] === index.promiseStart[customer + 1]) return { made: 0, kept: 0, broken: 0, pending: 0 };
  const summary = { made: 0, kept: 0, broken: 0, pending: 0 };
  for (const outcome of promiseOutcomes(index, customer)) {
    summary.made++;
    summary[outcome.status]++;
  }
  return summary;
}

function bouncedCount(index: LedgerIndex, customer: number): number {
  let count = 0;
  for (let payment = index.paymentStart[customer] ?? 0; payment < (index.paymentStart[customer + 1] ?? 0); payment++) {
    if (index.paymentReversedDay[payment] !== NEVER) count++;
  }
  return count;
}

function creditExposure(index: LedgerIndex, customer: number, outstanding: number, settings: ScoringSettings): CreditExposure {
  const record = index.customers[customer]!;
  let limit: number | null = null;
  if (record.creditLimitMinor !== null) {
    limit = index.convertToBase(record.creditLimitMinor, record.creditLimitCurrency ?? index.baseCurrency);
  } else if (record.segment !== null) {
    limit = settings.segmentPolicies[record.segment]?.defaultCreditLimitMinor ?? null;
  }
  const exposure = Math.max(0, outstanding - (index.unappliedCredit[customer] ?? 0));
  return {
    limitMinor: limit,
    exposureMinor: exposure,
    utilisation: limit !== null && limit > 0 ? exposure / limit : null,
    overLimitMinor: limit !== null ? Math.max(0, exposure - limit) : 0,
  };
}
