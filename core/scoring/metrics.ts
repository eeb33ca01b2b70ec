/** One group of the calibration table: predictions of similar size and how often the event happened. */
export interface CalibrationBin {
  /** 1 for the lowest predictions, up to the number of bins. */
  readonly bin: number;
  readonly count: number;
  readonly minPredicted: number;
  readonly maxPredicted: number;
  readonly meanPredicted: number;
  readonly observedRate: number;
}

/** Quality of probabilities against 0/1 outcomes, as data a screen can show. */
export interface ClassifierQuality {
  readonly count: number;
  readonly positives: number;
  /** Area under the ROC curve, or null when one outcome is absent. */
  readonly auc: number | null;
  /** Kolmogorov-Smirnov statistic: the largest gap between the cumulative score distributions of the two outcomes. */
  readonly ks: number | null;
  /** Mean squared difference between probability and outcome. */
  readonly brier: number | null;
  readonly calibration: readonly CalibrationBin[];
}

/** Returns the positions ordered by ascending prediction. */
function ascendingOrder(predictions: ArrayLike<number>): number[] {
  return Array.from({ length: predictions.length }, (_, index) => index).sort((a, b) => (predictions[a] ?? 0) - (predictions[b] ?? 0));
}

/** Computes the AUC as the Mann-Whitney statistic, with tied predictions sharing their mean rank. */
export function auc(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): number | null {
  const order = ascendingOrder(predictions);
  let positives = 0;
  let positiveRankSum = 0;
  let position = 0;
  while (position < order.length) {
    let tieEnd = position;
    const value = predictions[order[position] ?? 0] ?? 0;
    while (tieEnd + 1 < order.length && predictions[order[tieEnd + 1] ?? 0] === value) tieEnd++;
    const meanRank = (position + tieEnd) / 2 + 1;
    for (let k = position; k <= tieEnd; k++) {
      if ((outcomes[order[k] ?? 0] ?? 0) === 1) {
        positives++;
        positiveRankSum += meanRank;
      }
    }
    position = tieEnd + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Computes the KS statistic, evaluating the cumulative distributions only between distinct predictions. */
export function ksStatistic(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): number | null {
  const order = ascendingOrder(predictions);
  let positives = 0;
  for (let index = 0; index < outcomes.length; index++) if (outcomes[index] === 1) positives++;
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  let seenPositives = 0;
  let seenNegatives = 0;
  let largest = 0;
  for (let k = 0; k < order.length; k++) {
    if ((outcomes[order[k] ?? 0] ?? 0) === 1) seenPositives++;
    else seenNegatives++;
    const next = order[k + 1];
    if (next !== undefined && predictions[next] === predictions[order[k] ?? 0]) continue;
    largest = Math.max(largest, Math.abs(seenNegatives / negatives - seenPositives / positives));
  }
  return largest;
}

export function brierScore(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): number | null {
  if (predictions.length === 0) return null;
  let sum = 0;
  for (let index = 0; index < predictions.length; index++) sum += ((predictions[index] ?? 0) - (outcomes[index] ?? 0)) ** 2;
  return sum / predictions.length;
}

/** Splits the predictions, sorted ascending, into `bins` groups whose sizes differ by at most one. */
export function calibrationTable(predictions: ArrayLike<number>, outcomes: ArrayLike<number>, bins = 10): CalibrationBin[] {
  const order = ascendingOrder(predictions);
  const table: CalibrationBin[] = [];
  const groups = Math.min(bins, order.length);
  for (let bin = 0; bin < groups; bin++) {
    const from = Math.floor((bin * order.length) / groups);
    const to = Math.floor(((bin + 1) * order.length) / groups);
    let predicted = 0;
    let observed = 0;
    for (let k = from; k < to; k++) {
      predicted += predictions[order[k] ?? 0] ?? 0;
      observed += outcomes[order[k] ?? 0] ?? 0;
    }
    const count = to - from;
    table.push({
      bin: bin + 1,
      count,
      minPredicted: predictions[order[from] ?? 0] ?? 0,
      maxPredicted: predictions[order[to - 1] ?? 0] ?? 0,
      meanPredicted: predicted / count,
      observedRate: observed / count,
    });
  }
  return table;
}

export function classifierQuality(predictions: ArrayLike<number>, outcomes: ArrayLike<number>): ClassifierQuality {
  let positives = 0;
  for (let index = 0; index < outcomes.length; index++) positives += outcomes[index] === 1 ? 1 : 0;
  return {
    count: predictions.length,
    positives,
    auc: auc(predictions, outcomes),
    ks: ksStatistic(predictions, outcomes),
    brier: brierScore(predictions, outcomes),
    calibration: calibrationTable(predictions, outcomes),
  };
}
