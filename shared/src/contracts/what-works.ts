import { z } from 'zod';
import { CaseActionType } from './cases';
import { Cell } from './aggregates';
import { HelpedMost, ParticipantPerspective } from './participant-views';

export const WhatWorksBy = z.enum(['none', 'school', 'province', 'citizenship']);
export type WhatWorksBy = z.infer<typeof WhatWorksBy>;

export const WhatWorksQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}\/\d{2}$/)
    .optional(),
  by: WhatWorksBy.default('none'),
});
export type WhatWorksQuery = z.infer<typeof WhatWorksQuery>;

/** A difference-in-differences with its bootstrap 95 % interval; null when suppressed or not measurable. */
export const EffectEstimate = z.object({
  estimate: z.number(),
  low: z.number(),
  high: z.number(),
  /** Cases that entered this estimate (a grade needs grades on both sides). */
  cases: z.number().int(),
});
export type EffectEstimate = z.infer<typeof EffectEstimate>;

export const EffectRow = z.object({
  actionType: CaseActionType,
  /** The group of the row (`by`): a school's code and name, a province, a citizenship group; null for all. */
  group: z.object({ key: z.string(), label: z.string() }).nullable(),
  /** Cases whose first action of this type could be measured (weeks 2–8 over). */
  cases: Cell,
  comparison: Cell,
  /** Change in the share of hours attended, as a share (0.05 = 5 points). */
  attendance: EffectEstimate.nullable(),
  /** Change in the grade average, in grade points. */
  average: EffectEstimate.nullable(),
});
export type EffectRow = z.infer<typeof EffectRow>;

export const OutcomeRow = z.object({
  actionType: CaseActionType,
  closed: Cell,
  backOnTrack: Cell,
  reorientedArrived: Cell,
  leftEducation: Cell,
  other: Cell,
});
export type OutcomeRow = z.infer<typeof OutcomeRow>;

export const ParticipantRow = z.object({
  actionType: CaseActionType,
  perspective: ParticipantPerspective,
  views: Cell,
  /** Mean of "did it help" (1–5); null when fewer than the threshold. */
  averageHelped: z.number().nullable(),
  helpedMost: z.record(HelpedMost, Cell),
});
export type ParticipantRow = z.infer<typeof ParticipantRow>;

export const WhatWorks = z.object({
  year: z.string(),
  /** Region, or the user's schools. */
  scope: z.enum(['region', 'schools']),
  by: WhatWorksBy,
  threshold: z.number().int(),
  /** The measuring windows, in weeks from the first action's week (week 1). */
  window: z.object({ beforeWeeks: z.number().int(), afterFromWeek: z.number().int(), afterToWeek: z.number().int() }),
  bootstrap: z.object({ iterations: z.number().int(), seed: z.number().int() }),
  /** The data's last day: a first action closer than 8 weeks to it cannot be measured yet. */
  lastDay: z.string().nullable(),
  effects: z.array(EffectRow),
  outcomes: z.array(OutcomeRow),
  flagToAction: z.object({
    cases: Cell,
    /** Days from the flag to the case's first action: null when suppressed. */
    days: z.object({ q1: z.number(), median: z.number(), q3: z.number() }).nullable(),
  }),
  participants: z.array(ParticipantRow),
});
export type WhatWorks = z.infer<typeof WhatWorks>;
