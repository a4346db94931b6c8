/**
 * A small logistic regression (Newton–Raphson with a light ridge), fitted and scored with k-fold
 * cross-validation so every probability comes from a model that did not see that student. It is
 * the optional "statistical model" of DESIGN.md: reported next to the tier rule, never used by it.
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
  weights: number[]; // [intercept, ...features] on standardised features
  means: number[];
  sds: number[];
}

export function fitLogistic(x: number[][], y: number[], ridge = 1e-2, iterations = 25): LogisticModel {
  const p = x[0]?.length ?? 0;
  const means = Array.from({ length: p }, (_, j) => x.reduce((a, r) => a + r[j]!, 0) / x.length);
  const sds = means.map((mu, j) => Math.sqrt(x.reduce((a, r) => a + (r[j]! - mu) ** 2, 0) / x.length) || 1);
  const z = x.map((r) => [1, ...r.map((v, j) => (v - means[j]!) / sds[j]!)]);
  let w = new Array<number>(p + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(p + 1).fill(0);
    const hess = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    z.forEach((row, i) => {
      const mu = sigmoid(row.reduce((a, v, j) => a + v * w[j]!, 0));
      const s = mu * (1 - mu);
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
    if (step.every((s) => Math.abs(s) < 1e-9)) break;
  }
  return { weights: w, means, sds };
}

export function predictLogistic(model: LogisticModel, row: number[]): number {
  const [b0 = 0, ...b] = model.weights;
  return sigmoid(b0 + row.reduce((a, v, j) => a + b[j]! * ((v - model.means[j]!) / model.sds[j]!), 0));
}

/** Out-of-fold probabilities: fold of row i is i mod k (the UCI files are ordered by school). */
export function crossValidatedProbabilities(x: number[][], y: number[], k = 5): number[] {
  const out = new Array<number>(x.length).fill(NaN);
  for (let f = 0; f < k; f++) {
    const train = x.map((_, i) => i).filter((i) => i % k !== f);
    const test = x.map((_, i) => i).filter((i) => i % k === f);
    if (test.length === 0) continue;
    const trainY = train.map((i) => y[i]!);
    // A fold with one class only cannot be fitted: fall back to its base rate.
    const rate = trainY.reduce((a, v) => a + v, 0) / Math.max(1, trainY.length);
    if (rate === 0 || rate === 1) {
      for (const i of test) out[i] = rate;
      continue;
    }
    const model = fitLogistic(train.map((i) => x[i]!), trainY);
    for (const i of test) out[i] = predictLogistic(model, x[i]!);
  }
  return out;
}
