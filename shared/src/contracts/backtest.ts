import { z } from 'zod';
import { RiskModel } from '../risk/risk-model';
import { IsoDate, SchoolYearLabel } from './domain';
import { RiskTier } from './risk';

/**
 * The backtest of issue 18: the engine replayed on a past school year as known on a cut date,
 * compared with that year's final outcomes. The report keeps the keys of `pnpm primm backtest
 * --json` (snake_case, as the issue fixed them), so the page and the command line read one shape.
 */

const Rate = z.number().min(0).max(1);

export const BacktestLevelRow = z.object({
  level: RiskTier,
  n: z.number().int().nonnegative(),
  share: Rate.nullable(),
  /** Bad outcome: non ammesso, ritirato, abbandono. */
  bad_rate: Rate.nullable(),
  ci_low: Rate.nullable(),
  ci_high: Rate.nullable(),
  /** Sospensione del giudizio, counted apart (not a bad outcome). */
  suspended: z.number().int().nonnegative(),
  suspended_rate: Rate.nullable(),
});

export const BacktestCalibrationRow = z.object({
  decile: z.number().int(),
  n: z.number().int(),
  min_score: z.number(),
  max_score: z.number(),
  mean_predicted: Rate.nullable(),
  bad_rate: Rate,
  ci_low: Rate,
  ci_high: Rate,
});

export const BacktestGroupErrors = z.union([
  z.object({ suppressed: z.literal(true), reason: z.string() }),
  z.object({
    n: z.number().int(),
    positives: z.number().int(),
    fpr: Rate.nullable(),
    fnr: Rate.nullable(),
    fpr_ratio: z.number().nullable(),
    fnr_ratio: z.number().nullable(),
  }),
]);

export const BacktestSource = z.enum(['registri', 'istantanee']);
export type BacktestSource = z.infer<typeof BacktestSource>;

export const BacktestReport = z.object({
  school_year: SchoolYearLabel,
  /** The latest cut date among the schools (each school's own end of the first period by default). */
  as_of: IsoDate,
  cut_dates: z.array(IsoDate),
  /** From the year's registers, or from the snapshots purge kept (docs/privacy.md). */
  source: BacktestSource,
  /** The settings version whose thresholds were replayed. */
  settings_version: z.number().int().positive(),
  n: z.number().int().nonnegative(),
  positives: z.number().int().nonnegative(),
  bad_rate: Rate.nullable(),
  suspended: z.number().int().nonnegative(),
  /** Students at the cut date left out: no final outcome recorded, or only a transfer. */
  excluded: z.object({ no_outcome: z.number().int(), transferred: z.number().int() }),
  levels: z.array(BacktestLevelRow),
  /** Of the engine's score (level, then severities): how well it orders students. */
  auc: Rate.nullable(),
  /** Of the level ≥ 2 rule. */
  sensitivity: Rate.nullable(),
  precision: Rate.nullable(),
  specificity: Rate.nullable(),
  accuracy: Rate.nullable(),
  /** Of the model's probability, out of fold (5 folds): the honest figure for a new cohort. */
  auc_probability: Rate.nullable(),
  brier: z.number().nullable(),
  precision_at_10pct: Rate.nullable(),
  calibration: z.array(BacktestCalibrationRow),
  by_group: z.record(z.string(), z.record(z.string(), BacktestGroupErrors)),
  /** The model fitted on the whole cohort: what saving the backtest stores with the settings. */
  model: RiskModel.nullable(),
});
export type BacktestReport = z.infer<typeof BacktestReport>;

/** `POST /api/backtest/runs`: a past year and an optional cut day (`MM-DD`). */
export const BacktestRunInput = z.object({
  schoolYear: SchoolYearLabel,
  monthDay: z
    .string()
    .regex(/^\d{2}-\d{2}$/, 'giorno nel formato mm-gg')
    .optional(),
});
export type BacktestRunInput = z.infer<typeof BacktestRunInput>;

export const BacktestRunStatus = z.enum(['running', 'done', 'failed']);

export const BacktestRun = z.object({
  id: z.number().int(),
  schoolYear: SchoolYearLabel,
  monthDay: z.string().nullable(),
  status: BacktestRunStatus,
  /** Schools replayed so far, of `total`. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Italian, when `failed`. */
  error: z.string().nullable(),
  report: BacktestReport.nullable(),
  /** When the admin saved it as the region's legend (with the settings version that holds its model). */
  savedAt: z.string().nullable(),
  savedVersion: z.number().int().nullable(),
});
export type BacktestRun = z.infer<typeof BacktestRun>;

/** The past years a backtest can replay: with registers, or with snapshots only (purged). */
export const BacktestYears = z.object({
  years: z.array(z.object({ schoolYear: SchoolYearLabel, source: BacktestSource })),
  latestRun: BacktestRun.nullable(),
});
export type BacktestYears = z.infer<typeof BacktestYears>;

/** How the level is decided (`RiskSettings.levels`). */
export const LevelChoice = z
  .object({
    basis: z.enum(['rules', 'probability']),
    level2From: Rate,
    level3From: Rate,
  })
  .refine((l) => l.level2From <= l.level3From, {
    path: ['level2From'],
    message: 'La probabilità del livello 2 non può superare quella del livello 3.',
  });
export type LevelChoice = z.infer<typeof LevelChoice>;

const LevelCounts = z.tuple([z.number().int(), z.number().int(), z.number().int()]);

/**
 * The "what if" of a level choice: per school, how many students of the current year each level
 * would hold (from their stored indicators, never a recompute) beside how many it holds now, and
 * what the saved backtest says each level would have meant.
 */
export const LevelPreview = z.object({
  choice: LevelChoice,
  settingsVersion: z.number().int(),
  schools: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      students: z.number().int(),
      /** Students at level 1, 2, 3 with the choice. */
      levels: LevelCounts,
      /** With the current settings. */
      current: LevelCounts,
      /** "We can follow N students" (null: not set). */
      capacity: z.number().int().positive().nullable(),
    }),
  ),
  region: z.object({ students: z.number().int(), levels: LevelCounts, current: LevelCounts }),
  /** Null without a saved backtest. */
  backtest: z
    .object({
      schoolYear: SchoolYearLabel,
      asOf: IsoDate,
      levels: z.array(
        z.object({
          level: RiskTier,
          n: z.number().int(),
          bad_rate: Rate.nullable(),
          ci_low: Rate.nullable(),
          ci_high: Rate.nullable(),
        }),
      ),
    })
    .nullable(),
});
export type LevelPreview = z.infer<typeof LevelPreview>;

/** `PUT /api/schools/:code/capacity`: how many students the school can follow (null: no limit set). */
export const SchoolCapacityInput = z.object({ capacity: z.number().int().positive().max(100_000).nullable() });
export type SchoolCapacityInput = z.infer<typeof SchoolCapacityInput>;

export const SchoolCapacity = z.object({ code: z.string(), capacity: z.number().int().positive().nullable() });
export type SchoolCapacity = z.infer<typeof SchoolCapacity>;
