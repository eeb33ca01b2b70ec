import { daysBetween, type IsoDate } from '../../ledger/dates';

/** Default aging boundaries in days overdue: 1-30, 31-60, 61-90, 91-180 and over 180. */
export const defaultAgingBoundaries: readonly number[] = [30, 60, 90, 180];

export const notDueLabel = 'Not due';

/** Labels of the aging buckets, in order: "Not due", "1-30", …, "Over 180". */
export function agingBucketLabels(boundaries: readonly number[] = defaultAgingBoundaries): string[] {
  const labels = [notDueLabel];
  let previous = 0;
  for (const boundary of boundaries) {
    labels.push(`${previous + 1}-${boundary}`);
    previous = boundary;
  }
  labels.push(`Over ${previous}`);
  return labels;
}

/** Days past the due date at the end of `asOf`; 0 when not yet past. */
export function daysOverdueOn(dueDate: IsoDate, asOf: IsoDate): number {
  return Math.max(0, daysBetween(dueDate, asOf));
}

/** Names the aging bucket of an invoice overdue by `daysOverdue` days. */
export function agingBucket(daysOverdue: number, boundaries: readonly number[] = defaultAgingBoundaries): string {
  if (daysOverdue <= 0) return notDueLabel;
  let previous = 0;
  for (const boundary of boundaries) {
    if (daysOverdue <= boundary) return `${previous + 1}-${boundary}`;
    previous = boundary;
  }
  return `Over ${previous}`;
}
