/**
 * One-sided upper CUSUM (Page, "Continuous inspection schemes", Biometrika 41, 1954) on a
 * customer's days-beyond-terms series, standardised against the customer's own trailing baseline.
 *
 * Why CUSUM rather than a z-score of each payment: a customer who starts paying a week later
 * than usual shows a sustained shift of a few days, which CUSUM accumulates until it is
 * significant. A single z-test against a small, noisy baseline instead either fires on one-off
 * outliers or misses the shift. `allowance` (k) is in standard deviations: 0.5 tunes the chart to
 * a shift of about one standard deviation. `threshold` (h) is the decision interval: the sum must
 * exceed it to alarm.
 *
 * The baseline is the mean and standard deviation of the `baselineCount` points before the
 * current run. It is frozen while the sum stays above zero, so a drift cannot absorb itself into
 * its own baseline. The standard deviation is floored at `minStd`, because a customer who always
 * paid on the due date has a deviation of 0 and every day late would otherwise be infinite.
 */
export interface CusumOptions {
  readonly baselineCount: number;
  readonly minBaseline: number;
  readonly allowance: number;
  readonly threshold: number;
  readonly minStd: number;
}

export interface CusumAlarm {
  /** Position of the point at which the sum first exceeded the threshold. */
  readonly alarmAt: number;
  /** Position of the first point of the run (the sum's last rise from zero). */
  readonly runStart: number;
  readonly baselineMean: number;
  readonly baselineStd: number;
  readonly sum: number;
}

/** Returns one alarm per run whose sum exceeds the threshold, in series order. */
export function cusumAlarms(series: readonly number[], options: CusumOptions): CusumAlarm[] {
  const alarms: CusumAlarm[] = [];
  let sum = 0;
  let runStart = -1;
  let alarmed = false;
  let mean = 0;
  let std = options.minStd;
  for (let position = 0; position < series.length; position++) {
    if (sum === 0) {
      if (position < options.minBaseline) continue;
      [mean, std] = meanAndStd(series, Math.max(0, position - options.baselineCount), position);
      std = Math.max(std, options.minStd);
    }
    sum = Math.max(0, sum + ((series[position] ?? 0) - mean) / std - options.allowance);
    if (sum === 0) {
      runStart = -1;
      alarmed = false;
      continue;
    }
    if (runStart < 0) runStart = position;
    if (!alarmed && sum > options.threshold) {
      alarmed = true;
      alarms.push({ alarmAt: position, runStart, baselineMean: mean, baselineStd: std, sum });
    }
  }
  return alarms;
}

/** Mean and population standard deviation of series[from..to). */
function meanAndStd(series: readonly number[], from: number, to: number): [number, number] {
  let total = 0;
  for (let position = from; position < to; position++) total += series[position] ?? 0;
  const mean = total / (to - from);
  let squares = 0;
  for (let position = from; position < to; position++) squares += ((series[position] ?? 0) - mean) ** 2;
  return [mean, Math.sqrt(squares / (to - from))];
}
