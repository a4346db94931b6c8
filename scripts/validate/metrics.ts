/** Classification metrics for the validation, written out so each can be checked by hand. */

export interface Scored {
  /** 1 = the outcome happened (final failure). */
  y: 0 | 1;
  /** Higher = more at risk; only the order matters (AUC, top-k). */
  score: number;
  /** The rule's yes/no (tier ≥ 2). */
  predicted: boolean;
  /** A calibrated probability, when a model gives one (Brier score). */
  probability?: number;
}

export interface Metrics {
  n: number;
  positives: number;
  auc: number | null;
  precision: number | null;
  sensitivity: number | null;
  specificity: number | null;
  accuracy: number | null;
  precision_at_10pct: number | null;
  brier?: number | null;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Area under the ROC curve = P(score of a positive > score of a negative), ties count ½ (Mann–Whitney). */
export function auc(items: Pick<Scored, 'y' | 'score'>[]): number | null {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  const positives = items.filter((i) => i.y === 1).length;
  const negatives = items.length - positives;
  if (positives === 0 || negatives === 0) return null;
  let rankSumPositives = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1 … j share their mean
    for (let k = i; k < j; k++) if (sorted[k]!.y === 1) rankSumPositives += averageRank;
    i = j;
  }
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Precision among the top `share` of students by score (k = ceil(share × n)). Students tied on
 * the boundary score enter in proportion, so the figure does not depend on the file's order.
 */
export function precisionAtTop(items: Pick<Scored, 'y' | 'score'>[], share: number): number | null {
  if (items.length === 0) return null;
  const k = Math.ceil(share * items.length);
  const sorted = [...items].sort((a, b) => b.score - a.score);
  const boundary = sorted[k - 1]!.score;
  const above = sorted.filter((i) => i.score > boundary);
  const tied = sorted.filter((i) => i.score === boundary);
  const tiedPositives = tied.filter((i) => i.y === 1).length;
  const hits = above.filter((i) => i.y === 1).length + (tiedPositives * (k - above.length)) / tied.length;
  return hits / k;
}

/** Mean squared difference between probability and outcome (0 = perfect, 0.25 = always ½). */
export function brier(items: { y: 0 | 1; probability: number }[]): number | null {
  if (items.length === 0) return null;
  return items.reduce((a, i) => a + (i.probability - i.y) ** 2, 0) / items.length;
}

export function computeMetrics(items: Scored[]): Metrics {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (const i of items) {
    if (i.predicted) i.y === 1 ? tp++ : fp++;
    else i.y === 1 ? fn++ : tn++;
  }
  const withProbability = items.filter((i): i is Scored & { probability: number } => i.probability !== undefined);
  return {
    n: items.length,
    positives: tp + fn,
    auc: auc(items),
    precision: ratio(tp, tp + fp),
    sensitivity: ratio(tp, tp + fn),
    specificity: ratio(tn, tn + fp),
    accuracy: ratio(tp + tn, items.length),
    precision_at_10pct: precisionAtTop(items, 0.1),
    ...(withProbability.length === items.length && items.length > 0 ? { brier: brier(withProbability) } : {}),
  };
}
