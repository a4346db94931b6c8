import { z } from 'zod';
import { RiskTier } from './risk';

/**
 * What each level means, measured on a past cohort (issue 18): the legend every risk list and the
 * student page show beside the levels. `GET /api/risk/legend` answers the latest backtest the
 * admin saved (or `validated: false` when there is none yet: the levels are then not validated on
 * the region's own data, and the legend says so). Counts under the suppression threshold are not
 * published: `badRate` and its interval are null then.
 */
export const LegendLevel = z.object({
  level: RiskTier,
  /** Students of the past cohort at this level on the cut date (null when under the threshold). */
  n: z.number().int().nonnegative().nullable(),
  /** Share of them with a bad final outcome (non ammesso, ritirato, abbandono), 0–1. */
  badRate: z.number().min(0).max(1).nullable(),
  /** 95 % Wilson interval of `badRate`. */
  ciLow: z.number().min(0).max(1).nullable(),
  ciHigh: z.number().min(0).max(1).nullable(),
});
export type LegendLevel = z.infer<typeof LegendLevel>;

export const RiskLegend = z.discriminatedUnion('validated', [
  z.object({ validated: z.literal(false) }),
  z.object({
    validated: z.literal(true),
    /** The past school year replayed, e.g. `2024/25`. */
    schoolYear: z.string(),
    /** The cut date of the replay (what was known then), ISO. */
    asOf: z.string(),
    /** When the backtest was run and saved, ISO timestamp. */
    computedAt: z.string(),
    /** The settings version whose rules the backtest replayed. */
    settingsVersion: z.number().int().positive(),
    /** Students of the cohort in the replay. */
    students: z.number().int().nonnegative(),
    levels: z.array(LegendLevel),
  }),
]);
export type RiskLegend = z.infer<typeof RiskLegend>;
