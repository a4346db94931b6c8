/**
 * Classification metrics of the validation (scripts/validate) and of the backtest on past cohorts
 * (issue 18), written out so each can be checked by hand. Pure.
 */

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
  for (let i = 0; i < sorted.length;) {
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

// ---- Backtest (issue 18): levels with their measured meaning, calibration, fairness by group ----

/** Two-sided 95 % (z = 1.96) Wilson score interval of a proportion k / n; null when n = 0. */
export function wilson(k: number, n: number, z = 1.959963984540054): { low: number; high: number } | null {
  if (n === 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamped: rounding may leave 1e-17 outside [0, 1] at p = 0 or 1.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export function confusion(items: { y: 0 | 1; predicted: boolean }[]): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (const i of items) {
    if (i.predicted) i.y === 1 ? c.tp++ : c.fp++;
    else i.y === 1 ? c.fn++ : c.tn++;
  }
  return c;
}

/** Sensitivity, precision, specificity, accuracy, false-positive and false-negative rates; null where undefined. */
export function rates(c: Confusion) {
  return {
    sensitivity: ratio(c.tp, c.tp + c.fn),
    precision: ratio(c.tp, c.tp + c.fp),
    specificity: ratio(c.tn, c.tn + c.fp),
    accuracy: ratio(c.tp + c.tn, c.tp + c.fp + c.tn + c.fn),
    fpr: ratio(c.fp, c.fp + c.tn),
    fnr: ratio(c.fn, c.fn + c.tp),
  };
}

export interface LevelRow {
  level: 1 | 2 | 3;
  n: number;
  share: number | null;
  /** Share of the level's students with a bad outcome, with its Wilson 95 % interval. */
  bad_rate: number | null;
  ci_low: number | null;
  ci_high: number | null;
}

/** Per level: students, share of all, bad-outcome rate and its Wilson interval (issue 18's `levels`). */
export function levelTable(items: { y: 0 | 1; level: 1 | 2 | 3 }[]): LevelRow[] {
  return ([1, 2, 3] as const).map((level) => {
    const inLevel = items.filter((i) => i.level === level);
    const bad = inLevel.filter((i) => i.y === 1).length;
    const ci = wilson(bad, inLevel.length);
    return {
      level,
      n: inLevel.length,
      share: ratio(inLevel.length, items.length),
      bad_rate: ratio(bad, inLevel.length),
      ci_low: ci?.low ?? null,
      ci_high: ci?.high ?? null,
    };
  });
}

export interface CalibrationRow {
  /** 1 = the tenth of students with the lowest score. */
  decile: number;
  n: number;
  min_score: number;
  max_score: number;
  /** Mean predicted probability (null when the score is not a probability). */
  mean_predicted: number | null;
  bad_rate: number;
  ci_low: number;
  ci_high: number;
}

/**
 * Calibration by deciles of the score: students sorted by score (ties in input order), cut into
 * `bins` groups of sizes differing by at most one; each group's observed bad-outcome rate with its
 * Wilson interval, beside the mean predicted probability when there is one.
 */
export function calibrationTable(
  items: { y: 0 | 1; score: number; probability?: number }[],
  bins = 10,
): CalibrationRow[] {
  const sorted = items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => a.item.score - b.item.score || a.index - b.index)
    .map((x) => x.item);
  const rows: CalibrationRow[] = [];
  for (let b = 0; b < bins; b++) {
    const group = sorted.slice(Math.floor((b * sorted.length) / bins), Math.floor(((b + 1) * sorted.length) / bins));
    if (group.length === 0) continue;
    const bad = group.filter((i) => i.y === 1).length;
    const ci = wilson(bad, group.length)!;
    const withP = group.every((i) => i.probability !== undefined);
    rows.push({
      decile: b + 1,
      n: group.length,
      min_score: group[0]!.score,
      max_score: group[group.length - 1]!.score,
      mean_predicted: withP ? group.reduce((a, i) => a + i.probability!, 0) / group.length : null,
      bad_rate: bad / group.length,
      ci_low: ci.low,
      ci_high: ci.high,
    });
  }
  return rows;
}

export type GroupErrors =
  | {
      n: number;
      positives: number;
      fpr: number | null;
      fnr: number | null;
      /** This group's rate over the lowest rate among the shown groups of the same variable (1 = the best). */
      fpr_ratio: number | null;
      fnr_ratio: number | null;
    }
  | { suppressed: true; reason: string };

/** Groups smaller than this are not shown (DESIGN.md: every cell under 10 students is suppressed). */
export const MIN_GROUP = 10;

/**
 * False-positive and false-negative rates of the level ≥ 2 rule per value of each grouping
 * variable (sex, citizenship group, newly arrived…), with their ratio to the best group of the
 * same variable; a group under `minGroup` students is suppressed (neither its n nor its rates).
 * A ratio is null when the best rate is 0 and this one is not (no finite ratio), 1 when both are 0.
 */
export function groupErrorRates(
  items: { y: 0 | 1; predicted: boolean; groups: Record<string, string> }[],
  minGroup = MIN_GROUP,
): Record<string, Record<string, GroupErrors>> {
  const names = [...new Set(items.flatMap((i) => Object.keys(i.groups)))].sort();
  const out: Record<string, Record<string, GroupErrors>> = {};
  for (const name of names) {
    const values = [...new Set(items.map((i) => i.groups[name]).filter((v): v is string => v !== undefined))].sort();
    const shown = new Map<string, { n: number; positives: number; fpr: number | null; fnr: number | null }>();
    const byValue: Record<string, GroupErrors> = {};
    for (const value of values) {
      const members = items.filter((i) => i.groups[name] === value);
      if (members.length < minGroup) {
        byValue[value] = { suppressed: true, reason: `meno di ${minGroup} studenti` };
        continue;
      }
      const r = rates(confusion(members));
      shown.set(value, {
        n: members.length,
        positives: members.filter((i) => i.y === 1).length,
        fpr: r.fpr,
        fnr: r.fnr,
      });
    }
    const best = (pick: 'fpr' | 'fnr') => {
      const known = [...shown.values()].map((g) => g[pick]).filter((v): v is number => v !== null);
      return known.length > 0 ? Math.min(...known) : null;
    };
    const bestFpr = best('fpr');
    const bestFnr = best('fnr');
    const ratioTo = (rate: number | null, bestRate: number | null) =>
      rate === null || bestRate === null ? null : bestRate === 0 ? (rate === 0 ? 1 : null) : rate / bestRate;
    for (const [value, g] of shown)
      byValue[value] = { ...g, fpr_ratio: ratioTo(g.fpr, bestFpr), fnr_ratio: ratioTo(g.fnr, bestFnr) };
    out[name] = Object.fromEntries(values.map((v) => [v, byValue[v]!]));
  }
  return out;
}

export interface BacktestItem {
  y: 0 | 1;
  level: 1 | 2 | 3;
  score: number;
  probability?: number;
  groups: Record<string, string>;
}

/**
 * The report of issue 18 for students assessed as known at a cut date and their outcome: the
 * levels' measured meaning, the level ≥ 2 rule's errors, the score's order (AUC), the
 * probability's calibration (Brier, deciles) and the rule's errors by group.
 */
export function backtestReport(items: BacktestItem[], options: { minGroup?: number } = {}) {
  const predicted = items.map((i) => ({ y: i.y, predicted: i.level >= 2, groups: i.groups }));
  const c = confusion(predicted);
  const r = rates(c);
  const withProbability = items.every((i) => i.probability !== undefined) && items.length > 0;
  return {
    n: items.length,
    positives: c.tp + c.fn,
    bad_rate: ratio(c.tp + c.fn, items.length),
    levels: levelTable(items),
    auc: auc(items),
    sensitivity: r.sensitivity,
    precision: r.precision,
    specificity: r.specificity,
    accuracy: r.accuracy,
    brier: withProbability ? brier(items as { y: 0 | 1; probability: number }[]) : null,
    precision_at_10pct: precisionAtTop(items, 0.1),
    calibration: calibrationTable(
      items.map((i) => ({
        y: i.y,
        score: i.probability ?? i.score,
        ...(i.probability !== undefined ? { probability: i.probability } : {}),
      })),
    ),
    by_group: groupErrorRates(predicted, options.minGroup),
  };
}
export type BacktestReport = ReturnType<typeof backtestReport>;
