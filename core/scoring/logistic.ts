/**
 * L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
 * squares) on standardised features. The fit minimises the mean log-loss plus
 * (penalty / 2) |w|², with the intercept unpenalised, so the penalty means the same for any
 * number of rows. Features whose training standard deviation is zero keep a zero weight.
 */
export interface LogisticModel {
  readonly means: Float64Array;
  readonly scales: Float64Array;
  /** Weights on the standardised features. */
  readonly weights: Float64Array;
  readonly intercept: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface LogisticOptions {
  readonly penalty: number;
  readonly maxIterations?: number;
  readonly tolerance?: number;
}

/** Training data: `rows` rows of `width` features stored row by row in `x`, with 0/1 labels `y`. */
interface TrainingData {
  readonly x: Float64Array;
  readonly y: Uint8Array;
  readonly rows: number;
  readonly width: number;
  readonly means: Float64Array;
  readonly scales: Float64Array;
  readonly penalty: number;
}

/**
 * Fits the model. Each Newton step is halved until the penalised loss decreases, and one pass
 * over the rows gives the loss, gradient and Hessian at a point, so an accepted step costs one pass.
 */
export function fitLogistic(x: Float64Array, y: Uint8Array, rows: number, width: number, options: LogisticOptions): LogisticModel {
  // Scaling the penalty by the row count turns the mean loss into the summed loss that evaluate() computes.
  const data: TrainingData = { x, y, rows, width, ...standardisation(x, rows, width), penalty: options.penalty * Math.max(1, rows) };
  let beta: Float64Array = new Float64Array(width + 1);
  const positives = y.reduce((sum, label) => sum + label, 0);
  const baseRate = Math.min(1 - 1e-6, Math.max(1e-6, positives / Math.max(1, rows)));
  beta[width] = Math.log(baseRate / (1 - baseRate));

  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-5;
  let current = evaluate(data, beta);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const step = solveSymmetric(current.hessian, current.gradient, width + 1);
    let fraction = 1;
    let candidate = addScaled(beta, step, fraction);
    let next = evaluate(data, candidate);
    while (next.loss > current.loss && fraction > 1e-6) {
      fraction /= 2;
      candidate = addScaled(beta, step, fraction);
      next = evaluate(data, candidate);
    }
    const largest = step.reduce((max, value) => Math.max(max, Math.abs(value * fraction)), 0);
    converged = largest < tolerance || current.loss - next.loss < 1e-9 * current.loss;
    beta = candidate;
    current = next;
  }
  return { means: data.means, scales: data.scales, weights: beta.slice(0, width), intercept: beta[width] ?? 0, iterations, converged };
}

interface Evaluation {
  /** Summed log-loss plus (penalty × rows / 2) |w|², the fit's objective times the row count. */
  readonly loss: number;
  /** Gradient of the penalised log-likelihood (the negative loss). */
  readonly gradient: Float64Array;
  /** Its negative Hessian, lower triangle, row-major. */
  readonly hessian: Float64Array;
}

function evaluate(data: TrainingData, beta: Float64Array): Evaluation {
  const size = data.width + 1;
  const hessian = new Float64Array(size * size);
  const gradient = new Float64Array(size);
  const z = new Float64Array(size);
  let loss = 0;
  for (let row = 0; row < data.rows; row++) {
    standardRow(data, row, z);
    const margin = dot(beta, z, size);
    const label = data.y[row]!;
    // log(1 + e^m) - y m, written to avoid overflow for large |m|.
    loss += Math.max(margin, 0) + Math.log1p(Math.exp(-Math.abs(margin))) - label * margin;
    const p = sigmoid(margin);
    const residual = label - p;
    const weight = Math.max(p * (1 - p), 1e-12);
    for (let i = 0; i < size; i++) {
      const zi = z[i]!;
      const weighted = weight * zi;
      const offset = i * size;
      gradient[i]! += residual * zi;
      for (let j = 0; j <= i; j++) hessian[offset + j]! += weighted * z[j]!;
    }
  }
  for (let i = 0; i < data.width; i++) {
    const fixed = data.scales[i] === 0;
    loss += fixed ? 0 : 0.5 * data.penalty * beta[i]! ** 2;
    gradient[i]! -= fixed ? 0 : data.penalty * beta[i]!;
    hessian[i * size + i]! += fixed ? 1 : data.penalty;
  }
  return { loss, gradient, hessian };
}

function addScaled(beta: Float64Array, step: Float64Array, fraction: number): Float64Array {
  return beta.map((value, i) => value + fraction * (step[i] ?? 0));
}

/** Returns the log-odds for one raw feature vector starting at `offset`. */
export function logOdds(model: LogisticModel, x: ArrayLike<number>, offset = 0): number {
  let sum = model.intercept;
  for (let i = 0; i < model.weights.length; i++) {
    const scale = model.scales[i] ?? 0;
    if (scale === 0) continue;
    sum += (model.weights[i] ?? 0) * (((x[offset + i] ?? 0) - (model.means[i] ?? 0)) / scale);
  }
  return sum;
}

export function sigmoid(value: number): number {
  if (value >= 0) return 1 / (1 + Math.exp(-value));
  const e = Math.exp(value);
  return e / (1 + e);
}

function standardisation(x: Float64Array, rows: number, width: number): { means: Float64Array; scales: Float64Array } {
  const means = new Float64Array(width);
  const scales = new Float64Array(width);
  for (let row = 0; row < rows; row++) for (let i = 0; i < width; i++) means[i]! += x[row * width + i] ?? 0;
  for (let i = 0; i < width; i++) means[i]! /= Math.max(1, rows);
  for (let row = 0; row < rows; row++) {
    for (let i = 0; i < width; i++) {
      const d = (x[row * width + i] ?? 0) - (means[i] ?? 0);
      scales[i]! += d * d;
    }
  }
  for (let i = 0; i < width; i++) {
    const sd = Math.sqrt((scales[i] ?? 0) / Math.max(1, rows));
    scales[i] = sd > 1e-12 ? sd : 0;
  }
  return { means, scales };
}

/** Writes the standardised row plus a trailing 1 for the intercept into `z`. */
function standardRow(data: TrainingData, row: number, z: Float64Array): void {
  const width = data.width;
  for (let i = 0; i < width; i++) {
    const scale = data.scales[i] ?? 0;
    z[i] = scale === 0 ? 0 : ((data.x[row * width + i] ?? 0) - (data.means[i] ?? 0)) / scale;
  }
  z[width] = 1;
}

function dot(a: Float64Array, b: Float64Array, size: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/**
 * Solves A s = b for a symmetric positive definite A given by its lower triangle (row-major),
 * by Cholesky decomposition.
 */
export function solveSymmetric(a: Float64Array, b: Float64Array, size: number): Float64Array {
  const l = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * size + j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (l[i * size + k] ?? 0) * (l[j * size + k] ?? 0);
      if (i === j) l[i * size + i] = Math.sqrt(Math.max(sum, 1e-12));
      else l[i * size + j] = sum / (l[j * size + j] ?? 1);
    }
  }
  const forward = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = b[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= (l[i * size + k] ?? 0) * (forward[k] ?? 0);
    forward[i] = sum / (l[i * size + i] ?? 1);
  }
  const solution = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = forward[i] ?? 0;
    for (let k = i + 1; k < size; k++) sum -= (l[k * size + i] ?? 0) * (solution[k] ?? 0);
    solution[i] = sum / (l[i * size + i] ?? 1);
  }
  return solution;
}
