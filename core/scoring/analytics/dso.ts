import { fromDayNumber, toDayNumber } from '../../ledger/dates';
import { isoDateOf } from '../index/days';

/** Days sales outstanding and the window it reached back over. */
export interface DsoResult {
  readonly days: number;
  /** True when the balance exceeded all sales of the window, so `days` is the whole window. */
  readonly capped: boolean;
  /** First day of the oldest period counted back into. */
  readonly periodStart: string;
}

/**
 * Returns the period boundaries as day numbers: boundaries[0] is the as-of day and period k
 * (1-based) covers the days after boundaries[k] up to boundaries[k - 1].
 */
export function countBackBoundaries(asOfDay: number, months: number): Int32Array {
  const asOf = fromDayNumber(asOfDay);
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1;
  const day = Number(asOf.slice(8, 10));
  const boundaries = new Int32Array(months + 1);
  boundaries[0] = asOfDay;
  for (let k = 1; k <= months; k++) {
    const monthIndex = year * 12 + month - k;
    const targetYear = Math.floor(monthIndex / 12);
    const targetMonth = monthIndex - targetYear * 12;
    const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
    const iso = `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
    boundaries[k] = toDayNumber(iso);
  }
  return boundaries;
}

/** Returns the period (1-based) that contains the day, or 0 when it is outside the window. */
export function periodOfDay(day: number, boundaries: Int32Array): number {
  if (day > (boundaries[0] ?? 0) || day <= (boundaries[boundaries.length - 1] ?? 0)) return 0;
  let low = 1;
  let high = boundaries.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (day > (boundaries[middle] ?? 0)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Computes days sales outstanding by the count-back method. The periods are calendar months that end on
 * the as-of date's day of the month: for 2024-03-31 the first period is 2024-03-01..2024-03-31,
 * the second 2024-02-01..2024-02-29, each as many days long as its month. Starting from the
 * latest period, each period whose credit sales the outstanding balance still exceeds adds its
 * full days and its sales are subtracted. The period where the rest runs out adds the fraction
 * rest / sales of its days. Credit sales are the invoice amounts issued in the period.
 * `sales[k]` contains the sales of period k (index 0 is unused).
 */
export function countBackDso(outstanding: number, sales: ArrayLike<number>, boundaries: Int32Array): DsoResult {
  let remaining = outstanding;
  let days = 0;
  let period = 0;
  const periods = boundaries.length - 1;
  while (remaining > 0 && period < periods) {
    period++;
    const periodDays = (boundaries[period - 1] ?? 0) - (boundaries[period] ?? 0);
    const periodSales = sales[period] ?? 0;
    if (periodSales >= remaining) {
      days += (periodDays * remaining) / periodSales;
      remaining = 0;
    } else {
      days += periodDays;
      remaining -= periodSales;
    }
  }
  return {
    days,
    capped: remaining > 0,
    periodStart: isoDateOf((boundaries[Math.max(period, 1)] ?? 0) + 1),
  };
}
