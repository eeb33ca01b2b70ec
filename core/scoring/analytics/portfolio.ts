import type { CurrencyCode } from '../../ledger/currency';
import type { CustomerScore } from '../customer-score';
import type { ExcludedRecord, LedgerIndex } from '../index/ledger-index';
import { smaClasses } from '../sma';
import { actionsBySeverity, bands, type Band, type ScoringSettings, type SmaClass, type SuggestedAction } from '../types';
import { agingBucketDefinitions, toAgingBuckets, type AgingBucket } from './aging';
import { countBackDso, periodOfDay, type DsoResult } from './dso';

export interface PortfolioGroup<Key> {
  readonly key: Key;
  readonly customers: number;
  readonly outstandingMinor: number;
  readonly exposureMinor: number;
}

/** Totals over all customers at the as-of date, in base-currency minor units. */
export interface PortfolioSummary {
  readonly currency: CurrencyCode;
  readonly customerCount: number;
  readonly scoredByModel: number;
  readonly scoredByScorecard: number;
  readonly outstandingMinor: number;
  readonly overdueMinor: number;
  readonly exposureMinor: number;
  readonly unappliedCreditMinor: number;
  /** Sum of the customers' aging buckets, which adds up to `outstandingMinor`. */
  readonly aging: readonly AgingBucket[];
  /** Count-back DSO of the whole ledger. */
  readonly dso: DsoResult;
  readonly byBand: readonly PortfolioGroup<Band>[];
  readonly bySmaClass: readonly PortfolioGroup<SmaClass>[];
  readonly byAction: readonly PortfolioGroup<SuggestedAction>[];
  /** Records left out of every figure, with the reason. */
  readonly excluded: readonly ExcludedRecord[];
}

export function portfolioSummary(index: LedgerIndex, scores: readonly CustomerScore[], settings: ScoringSettings, boundaries: Int32Array): PortfolioSummary {
  const definitions = agingBucketDefinitions(settings.agingBoundaries);
  const agingAmounts = new Array<number>(definitions.length).fill(0);
  const agingCounts = new Array<number>(definitions.length).fill(0);
  let outstanding = 0;
  let overdue = 0;
  let exposure = 0;
  let unapplied = 0;
  for (const score of scores) {
    const analytics = score.analytics;
    outstanding += analytics.outstandingMinor;
    overdue += analytics.overdueMinor;
    exposure += analytics.credit.exposureMinor;
    unapplied += analytics.unappliedCreditMinor;
    analytics.aging.forEach((bucket, position) => {
      agingAmounts[position]! += bucket.amountMinor;
      agingCounts[position]! += bucket.invoiceCount;
    });
  }
  const modelCount = scores.filter((score) => score.method === 'logistic').length;
  return {
    currency: index.baseCurrency,
    customerCount: scores.length,
    scoredByModel: modelCount,
    scoredByScorecard: scores.length - modelCount,
    outstandingMinor: outstanding,
    overdueMinor: overdue,
    exposureMinor: exposure,
    unappliedCreditMinor: unapplied,
    aging: toAgingBuckets(definitions, agingAmounts, agingCounts),
    dso: ledgerDso(index, outstanding, boundaries),
    byBand: groupBy(scores, bands, (score) => score.band),
    bySmaClass: groupBy(scores, smaClasses, (score) => score.smaClass),
    byAction: groupBy(scores, actionsBySeverity, (score) => score.suggestedAction),
    excluded: index.excluded,
  };
}

function ledgerDso(index: LedgerIndex, outstanding: number, boundaries: Int32Array): DsoResult {
  const sales = new Float64Array(boundaries.length);
  for (let invoice = 0; invoice < index.invoices.length; invoice++) {
    const period = periodOfDay(index.issueDay[invoice] ?? 0, boundaries);
    if (period > 0) sales[period]! += index.amount[invoice] ?? 0;
  }
  return countBackDso(outstanding, sales, boundaries);
}

function groupBy<Key>(scores: readonly CustomerScore[], keys: readonly Key[], keyOf: (score: CustomerScore) => Key): PortfolioGroup<Key>[] {
  const groups = new Map<Key, { customers: number; outstandingMinor: number; exposureMinor: number }>();
  for (const key of keys) groups.set(key, { customers: 0, outstandingMinor: 0, exposureMinor: 0 });
  for (const score of scores) {
    const group = groups.get(keyOf(score));
    if (group === undefined) continue;
    group.customers++;
    group.outstandingMinor += score.analytics.outstandingMinor;
    group.exposureMinor += score.analytics.credit.exposureMinor;
  }
  return keys.map((key) => ({ key, ...groups.get(key)! }));
}
