/**
 * A small logistic regression, fitted by Newton–Raphson with a ridge penalty on standardised
 * features: deterministic (no random start, no shuffling), the same data give the same
 * coefficients to the last bit. Used to fit the risk model on past cohorts (`risk-model.ts`) and
 * by the validation's cross-validated model (scripts/validate).
 */

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export interface LogisticModel {
  /** Intercept on the standardised scale (the log-odds of a student at every feature's mean). */
  intercept: number;
  /** One per feature, per standard deviation of the feature. */
  coefficients: number[];
  means: number[];
  /** Standard deviations (1 for a feature without spread, whose coefficient the ridge keeps at 0). */
  sds: number[];
}

export interface FitOptions {
  /**
   * Ridge penalty λ on the standardised coefficients (not the intercept): the fit maximises
   * log-likelihood − λ/2 · Σβ². It keeps coefficients finite when a feature separates the classes
   * and shares the weight of correlated features. Default 1.
   */
  ridge?: number;
  iterations?: number;
}

/** Fits `y` (0/1) on the rows of `x`. Throws on empty data or rows of different lengths. */
export function fitLogistic(
  x: number[][],
  y: number[],
  options: FitOptions = {},
): LogisticModel & { iterations: number; converged: boolean } {
  const ridge = options.ridge ?? 1;
  const maxIterations = options.iterations ?? 50;
  if (x.length === 0 || x.length !== y.length) throw new Error('fitLogistic: servono righe e esiti in uguale numero');
  const p = x[0]!.length;
  if (x.some((r) => r.length !== p)) throw new Error('fitLogistic: righe di lunghezza diversa');
  const means = Array.from({ length: p }, (_, j) => x.reduce((a, r) => a + r[j]!, 0) / x.length);
  const sds = means.map((mu, j) => Math.sqrt(x.reduce((a, r) => a + (r[j]! - mu) ** 2, 0) / x.length) || 1);
  const z = x.map((r) => [1, ...r.map((v, j) => (v - means[j]!) / sds[j]!)]);
  let w = new Array<number>(p + 1).fill(0);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const grad = new Array<number>(p + 1).fill(0);
    const hess = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    z.forEach((row, i) => {
      const mu = sigmoid(row.reduce((a, v, j) => a + v * w[j]!, 0));
      const s = Math.max(mu * (1 - mu), 1e-12);
      for (let j = 0; j <= p; j++) {
        grad[j]! += (y[i]! - mu) * row[j]!;
        for (let k = 0; k <= p; k++) hess[j]![k]! += s * row[j]! * row[k]!;
      }
    });
    for (let j = 1; j <= p; j++) {
      grad[j]! -= ridge * w[j]!;
      hess[j]![j]! += ridge;
    }
    const step = solve(hess, grad);
    w = w.map((v, j) => v + step[j]!);
    if (step.every((s) => Math.abs(s) < 1e-10)) {
      converged = true;
      break;
    }
  }
  return { intercept: w[0]!, coefficients: w.slice(1), means, sds, iterations, converged };
}

export function predictLogistic(model: LogisticModel, row: number[]): number {
  let logit = model.intercept;
  for (let j = 0; j < model.coefficients.length; j++)
    logit += model.coefficients[j]! * ((row[j]! - model.means[j]!) / model.sds[j]!);
  return sigmoid(logit);
}

/**
 * Folds for k-fold cross-validation, stratified by outcome and deterministic: the positives in
 * file order go to folds 0, 1, …, k−1, 0, …, and so do the negatives, so every fold has the
 * file's share of positives and no fold depends on a random draw.
 */
export function stratifiedFolds(y: number[], k: number): number[] {
  const folds = new Array<number>(y.length);
  let positives = 0;
  let negatives = 0;
  y.forEach((v, i) => (folds[i] = v === 1 ? positives++ % k : negatives++ % k));
  return folds;
}

/** Out-of-fold probabilities: each row's from a model fitted without its fold (`stratifiedFolds`). */
export function crossValidatedProbabilities(x: number[][], y: number[], k = 5, options: FitOptions = {}): number[] {
  const folds = stratifiedFolds(y, k);
  const out = new Array<number>(x.length).fill(NaN);
  for (let f = 0; f < k; f++) {
    const train = x.map((_, i) => i).filter((i) => folds[i] !== f);
    const test = x.map((_, i) => i).filter((i) => folds[i] === f);
    if (test.length === 0) continue;
    const trainY = train.map((i) => y[i]!);
    // A fold with one class only cannot be fitted: its base rate then.
    const rate = trainY.reduce((a, v) => a + v, 0) / Math.max(1, trainY.length);
    if (rate === 0 || rate === 1) {
      for (const i of test) out[i] = rate;
      continue;
    }
    const model = fitLogistic(
      train.map((i) => x[i]!),
      trainY,
      options,
    );
    for (const i of test) out[i] = predictLogistic(model, x[i]!);
  }
  return out;
}
