import type { BacktestReport, BacktestSource } from '@primm/shared/contracts/backtest';
import { auc, backtestReport, wilson } from '@primm/shared/risk/backtest-metrics';
import { fitRiskModel, type RiskModel } from '@primm/shared/risk/risk-model';
import type { RiskSettings } from '@primm/shared/risk/settings';
import { computeTier } from '@primm/shared/risk/tier';
import type { MeasuredIndicator } from '@primm/shared/risk/types';
import type { FinalClass } from './final-outcomes';
import type { StudentGroups } from './student-groups';

/** A student of the past cohort as the report reads them (from a replay or a purge snapshot). */
export interface CohortStudent {
  cutDate: string;
  indicators: MeasuredIndicator[];
  final: FinalClass | 'transferred' | null;
  groups: StudentGroups;
}

/**
 * What the saved backtest keeps of each student to re-cut the levels later (the legend, the
 * "what if"): outcome, the rules' level, the out-of-fold probability, disengagement. No id, no
 * indicator value: `[bad, suspended, rulesLevel, probability | null, disengaged]`.
 */
export type CohortItem = [0 | 1, 0 | 1, 1 | 2 | 3, number | null, 0 | 1];

export const FOLDS = 5;

/**
 * The report of issue 18 on a past cohort. The levels are the settings' own; the probability is
 * out of fold (5 folds stratified by outcome, in the cohort's order: deterministic), so the Brier
 * score and the calibration say how the model does on students it was not fitted on. The model
 * saved with the report is fitted on the whole cohort. Students without a final outcome, or with
 * only a transfer, are left out and counted.
 */
export function cohortReport(
  students: CohortStudent[],
  settings: RiskSettings,
  meta: { schoolYear: string; source: BacktestSource },
): { report: BacktestReport; items: CohortItem[] } {
  const included = students.filter(
    (s): s is CohortStudent & { final: FinalClass } => s.final !== null && s.final !== 'transferred',
  );
  const y = included.map((s) => (s.final === 'bad' ? 1 : 0) as 0 | 1);
  const positives = y.reduce<number>((a, v) => a + v, 0);
  const canFit = positives > 0 && positives < included.length;
  const description = `${meta.schoolYear}, ${included.length} studenti`;
  const model = canFit
    ? fitRiskModel(
        included.map((s, i) => ({ indicators: s.indicators, bad: y[i] === 1 })),
        { description },
      )
    : null;

  const foldModels = canFit ? outOfFoldModels(included, y, description) : null;
  const rules: RiskSettings = { ...settings, levels: { ...settings.levels, basis: 'rules' } };
  const items: CohortItem[] = [];
  const scored = included.map((s, i) => {
    const foldModel = foldModels?.models[foldModels.fold[i]!] ?? null;
    const t = computeTier(s.indicators, { ...settings, model: foldModel });
    const rulesTier =
      settings.levels.basis === 'rules' ? t.tier : computeTier(s.indicators, { ...rules, model: null }).tier;
    items.push([y[i]!, s.final === 'suspended' ? 1 : 0, rulesTier, t.probability, t.disengaged ? 1 : 0]);
    return {
      y: y[i]!,
      level: t.tier,
      score: t.score,
      ...(t.probability !== null ? { probability: t.probability } : {}),
      groups: { ...s.groups },
    };
  });

  const base = backtestReport(scored);
  const levels = base.levels.map((row) => {
    const inLevel = included.filter((_, i) => scored[i]!.level === row.level);
    const suspended = inLevel.filter((s) => s.final === 'suspended').length;
    return { ...row, suspended, suspended_rate: inLevel.length > 0 ? suspended / inLevel.length : null };
  });
  const withP = scored.filter((s): s is typeof s & { probability: number } => s.probability !== undefined);
  const cutDates = [...new Set(students.map((s) => s.cutDate))].sort();
  const report: BacktestReport = {
    school_year: meta.schoolYear,
    as_of: cutDates.at(-1) ?? '',
    cut_dates: cutDates,
    source: meta.source,
    settings_version: settings.version,
    n: base.n,
    positives: base.positives,
    bad_rate: base.bad_rate,
    suspended: included.filter((s) => s.final === 'suspended').length,
    excluded: {
      no_outcome: students.filter((s) => s.final === null).length,
      transferred: students.filter((s) => s.final === 'transferred').length,
    },
    levels,
    auc: base.auc,
    sensitivity: base.sensitivity,
    precision: base.precision,
    specificity: base.specificity,
    accuracy: base.accuracy,
    auc_probability: withP.length === scored.length ? auc(withP.map((s) => ({ y: s.y, score: s.probability }))) : null,
    brier: base.brier,
    precision_at_10pct: base.precision_at_10pct,
    calibration: base.calibration,
    by_group: base.by_group,
    model,
  };
  return { report, items };
}

/** Fold of each student (stratified: the k-th student of each outcome goes to fold k mod 5) and the model fitted without each fold. */
function outOfFoldModels(
  students: CohortStudent[],
  y: (0 | 1)[],
  description: string,
): { fold: number[]; models: (RiskModel | null)[] } {
  const seen = [0, 0];
  const fold = y.map((v) => seen[v]!++ % FOLDS);
  const models = Array.from({ length: FOLDS }, (_, k) => {
    const train = students
      .map((s, i) => ({ indicators: s.indicators, bad: y[i] === 1, k: fold[i] }))
      .filter((s) => s.k !== k);
    const bad = train.filter((s) => s.bad).length;
    return bad > 0 && bad < train.length ? fitRiskModel(train, { description }) : null;
  });
  return { fold, models };
}

/** A level as a re-cut of the saved items: the rules' level, or where the probability falls among the cut points. */
export function levelOfItem(
  item: CohortItem,
  choice: { basis: 'rules' | 'probability'; level2From: number; level3From: number },
): 1 | 2 | 3 {
  const [, , rulesTier, probability, disengaged] = item;
  if (choice.basis === 'rules' || probability === null) return rulesTier;
  return disengaged === 1 || probability >= choice.level3From ? 3 : probability >= choice.level2From ? 2 : 1;
}

/** Per level: students and bad-outcome rate with its Wilson interval, for a level choice on the saved items. */
export function recutLevels(
  items: CohortItem[],
  choice: { basis: 'rules' | 'probability'; level2From: number; level3From: number },
) {
  return ([1, 2, 3] as const).map((level) => {
    const inLevel = items.filter((i) => levelOfItem(i, choice) === level);
    const bad = inLevel.filter((i) => i[0] === 1).length;
    const ci = wilson(bad, inLevel.length);
    return {
      level,
      n: inLevel.length,
      bad,
      bad_rate: inLevel.length > 0 ? bad / inLevel.length : null,
      ci_low: ci?.low ?? null,
      ci_high: ci?.high ?? null,
    };
  });
}
