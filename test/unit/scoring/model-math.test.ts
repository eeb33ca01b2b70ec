import { describe, expect, it } from 'vitest';
import { fitLogistic, logOdds, sigmoid, solveSymmetric } from '../../../core/scoring/logistic';
import { auc, brierScore, calibrationTable, classifierQuality, ksStatistic } from '../../../core/scoring/metrics';

describe('fitLogistic', () => {
  // x = 0: 2 of 10 positive; x = 1: 8 of 10 positive. Without a penalty the fit reproduces both rates.
  const rows = 20;
  const x = Float64Array.from({ length: rows }, (_, row) => (row < 10 ? 0 : 1));
  const positiveRows = new Set([0, 1, 10, 11, 12, 13, 14, 15, 16, 17]);
  const y = Uint8Array.from({ length: rows }, (_, row) => (positiveRows.has(row) ? 1 : 0));

  it('recovers group rates without a penalty', () => {
    const model = fitLogistic(x, y, rows, 1, { penalty: 1e-9 });
    expect(model.converged).toBe(true);
    expect(sigmoid(logOdds(model, [0]))).toBeCloseTo(0.2, 6);
    expect(sigmoid(logOdds(model, [1]))).toBeCloseTo(0.8, 6);
    // The log-odds differ by log(4) - log(1/4) = log(16) per unit of x, and x has standard deviation 0.5.
    expect(model.weights[0]).toBeCloseTo(Math.log(16) * 0.5, 5);
  });

  it('shrinks the weight towards zero under a large penalty', () => {
    const model = fitLogistic(x, y, rows, 1, { penalty: 1e6 });
    expect(Math.abs(model.weights[0] ?? 1)).toBeLessThan(1e-4);
    expect(sigmoid(logOdds(model, [0]))).toBeCloseTo(0.5, 3);
  });

  it('gives a constant feature no weight', () => {
    const twoColumns = new Float64Array(rows * 2);
    for (let row = 0; row < rows; row++) {
      twoColumns[row * 2] = 7;
      twoColumns[row * 2 + 1] = x[row] ?? 0;
    }
    const model = fitLogistic(twoColumns, y, rows, 2, { penalty: 1e-9 });
    expect(model.weights[0]).toBe(0);
    expect(model.scales[0]).toBe(0);
    expect(sigmoid(logOdds(model, [123, 1]))).toBeCloseTo(0.8, 6);
  });

  it('stays finite on separable data', () => {
    const separable = Uint8Array.from({ length: rows }, (_, row) => (row < 10 ? 0 : 1));
    const model = fitLogistic(x, separable, rows, 1, { penalty: 0.05 });
    expect(Number.isFinite(model.weights[0])).toBe(true);
    expect(model.converged).toBe(true);
    expect(sigmoid(logOdds(model, [1]))).toBeGreaterThan(0.85);
  });
});

describe('solveSymmetric', () => {
  it('solves a 2 × 2 system from its lower triangle', () => {
    // [[4, 2], [2, 3]] s = [2, 1] has the solution [0.5, 0].
    const solution = solveSymmetric(Float64Array.from([4, 99, 2, 3]), Float64Array.from([2, 1]), 2);
    expect(solution[0]).toBeCloseTo(0.5, 12);
    expect(solution[1]).toBeCloseTo(0, 12);
  });
});

describe('metrics', () => {
  const predictions = [0.1, 0.4, 0.35, 0.8];
  const outcomes = [0, 0, 1, 1];

  it('computes the AUC from ordered pairs', () => {
    // Positive-negative pairs ranked correctly: (0.35, 0.1), (0.8, 0.1), (0.8, 0.4) out of 4.
    expect(auc(predictions, outcomes)).toBe(0.75);
  });

  it('counts tied pairs as half', () => {
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.2, 0.5, 0.5], [0, 0, 1])).toBe(0.75);
  });

  it('returns null without both outcomes', () => {
    expect(auc([0.1, 0.2], [1, 1])).toBeNull();
    expect(ksStatistic([0.1, 0.2], [0, 0])).toBeNull();
  });

  it('computes the KS statistic', () => {
    expect(ksStatistic(predictions, outcomes)).toBe(0.5);
    expect(ksStatistic([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
  });

  it('computes the Brier score', () => {
    expect(brierScore(predictions, outcomes)).toBeCloseTo((0.01 + 0.16 + 0.4225 + 0.04) / 4, 12);
  });

  it('builds a calibration table of equal groups', () => {
    const table = calibrationTable([0.9, 0.1, 0.3, 0.7, 0.5, 0.2], [1, 0, 0, 1, 1, 0], 3);
    expect(table.map((bin) => [bin.count, bin.minPredicted, bin.maxPredicted, bin.observedRate])).toEqual([
      [2, 0.1, 0.2, 0],
      [2, 0.3, 0.5, 0.5],
      [2, 0.7, 0.9, 1],
    ]);
    expect(table[1]?.meanPredicted).toBeCloseTo(0.4, 12);
  });

  it('collects all measures with deciles', () => {
    const many = Array.from({ length: 100 }, (_, i) => i / 100);
    const quality = classifierQuality(many, many.map((p) => (p >= 0.5 ? 1 : 0)));
    expect(quality.count).toBe(100);
    expect(quality.positives).toBe(50);
    expect(quality.auc).toBe(1);
    expect(quality.calibration).toHaveLength(10);
  });
});
