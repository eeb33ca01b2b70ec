import type { LedgerIndex } from '../index/ledger-index';

/** One aging bucket: open balances whose days past due lie in `fromDays`..`toDays`. */
export interface AgingBucket {
  readonly label: string;
  /** Lowest days past due in the bucket, or null for the "not yet due" bucket. */
  readonly fromDays: number | null;
  /** Highest days past due in the bucket, or null for the open-ended last bucket. */
  readonly toDays: number | null;
  readonly amountMinor: number;
  readonly invoiceCount: number;
}

export interface BucketDefinition {
  readonly label: string;
  readonly fromDays: number | null;
  readonly toDays: number | null;
}

/**
 * Returns the buckets for increasing upper bounds: [30, 60, 90, 180] gives not yet due, 1-30,
 * 31-60, 61-90, 91-180 and over 180. An invoice due on the as-of date is not yet due.
 */
export function agingBucketDefinitions(boundaries: readonly number[]): BucketDefinition[] {
  const definitions: BucketDefinition[] = [{ label: 'not yet due', fromDays: null, toDays: 0 }];
  let from = 1;
  for (const boundary of boundaries) {
    definitions.push({ label: `${from}-${boundary}`, fromDays: from, toDays: boundary });
    from = boundary + 1;
  }
  definitions.push({ label: `over ${from - 1}`, fromDays: from, toDays: null });
  return definitions;
}

/** Returns the bucket position for a number of days past due (zero or negative is not yet due). */
export function bucketPosition(daysPastDue: number, boundaries: readonly number[]): number {
  if (daysPastDue <= 0) return 0;
  let position = 0;
  while (position < boundaries.length && daysPastDue > (boundaries[position] ?? 0)) position++;
  return position + 1;
}

/**
 * Adds the open balances of invoices `start`..`end` (exclusive) into `amounts` and `counts` by
 * days past due at the as-of date. The buckets add up to the outstanding balance of the range.
 */
export function accumulateAging(
  index: LedgerIndex,
  start: number,
  end: number,
  boundaries: readonly number[],
  amounts: number[],
  counts: number[],
): void {
  for (let invoice = start; invoice < end; invoice++) {
    const balance = index.balance[invoice] ?? 0;
    if (balance <= 0) continue;
    const position = bucketPosition(index.asOfDay - (index.dueDay[invoice] ?? 0), boundaries);
    amounts[position]! += balance;
    counts[position]! += 1;
  }
}

/** Pairs bucket definitions with accumulated amounts and counts. */
export function toAgingBuckets(definitions: readonly BucketDefinition[], amounts: readonly number[], counts: readonly number[]): AgingBucket[] {
  const buckets: AgingBucket[] = [];
  for (let position = 0; position < definitions.length; position++) {
    const definition = definitions[position]!;
    buckets.push({
      label: definition.label,
      fromDays: definition.fromDays,
      toDays: definition.toDays,
      amountMinor: amounts[position] ?? 0,
      invoiceCount: counts[position] ?? 0,
    });
  }
  return buckets;
}
