import { z } from 'zod';
import { ProvinceCode, SchoolCode, SchoolLevel, SchoolYearLabel, Track } from './domain';

/** DESIGN.md "Aggregates": Italian / foreign born in Italy / foreign born abroad / newly arrived. */
export const CitizenshipGroup = z.enum([
  'italiano',
  'straniero_nato_in_italia',
  'straniero_nato_all_estero',
  'neo_arrivato',
]);
export type CitizenshipGroup = z.infer<typeof CitizenshipGroup>;

export const Dimension = z.enum(['province', 'school', 'level', 'gradeLevel', 'track', 'citizenshipGroup', 'sex']);
export type Dimension = z.infer<typeof Dimension>;

/**
 * Counts of students (distinct), never rates of small groups: every measure is a number of
 * students, so one threshold protects them all.
 */
export const MEASURES = [
  'students',
  'tier1',
  'tier2',
  'tier3',
  'attended95',
  'attended90to95',
  'attended80to90',
  'attendedBelow80',
  'overLimit',
  'failing2plus',
  'ageGradeDelay',
  'flagged',
  'withdrawn',
  'transferred',
  'droppedOut',
  'openCases',
  'closedCases',
  'action_family_meeting',
  'action_cultural_mediation',
  'action_tutoring',
  'action_italian_l2',
  'action_other',
  'reorient_school',
  'reorient_iefp',
  'reorient_work',
  'reorient_cpia',
  'pua_referral',
  'reoriented_arrived',
  'reoriented_not_arrived',
  'outcome_back_on_track',
  'outcome_reoriented',
  'outcome_left_education',
  'outcome_moved_away',
  'outcome_other',
] as const;
export const Measure = z.enum(MEASURES);
export type Measure = z.infer<typeof Measure>;

/** Measures that split one population: if one of them is hidden, another must be too. */
export const PARTITIONS: readonly (readonly Measure[])[] = [
  ['tier1', 'tier2', 'tier3'],
  ['attended95', 'attended90to95', 'attended80to90', 'attendedBelow80'],
];

const csv = <T extends z.ZodTypeAny>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item),
  );

export const AggregateQuery = z.object({
  groupBy: csv(Dimension).pipe(z.array(Dimension).max(2, 'al massimo due raggruppamenti')).default([]),
  measures: csv(Measure).optional(),
  year: SchoolYearLabel.optional(),
  province: ProvinceCode.optional(),
  school: SchoolCode.optional(),
  level: SchoolLevel.optional(),
  gradeLevel: z.coerce.number().int().min(1).max(5).optional(),
  track: Track.optional(),
  citizenshipGroup: CitizenshipGroup.optional(),
  sex: z.enum(['M', 'F']).optional(),
});
export type AggregateQuery = z.infer<typeof AggregateQuery>;

/**
 * A count, or `"<10"` when it is too small to publish, or `"n.d."` (non diffuso) when it is hidden
 * only so that a small one cannot be computed back (from this answer or by comparison with the
 * same request less one filter): the number never leaves the server. An n.d. count is always 10
 * or more; a `<10` is 1–9, or 0–9 for a group under the threshold or a few students apart from
 * another request.
 */
export const Cell = z.union([z.number().int().nonnegative(), z.string().regex(/^(<\d+|n\.d\.)$/)]);
export type Cell = z.infer<typeof Cell>;

export const AggregateRow = z.object({
  group: z.record(z.string(), z.string()),
  /** Public label of the group (school and province names; never a person). */
  labels: z.record(z.string(), z.string()),
  values: z.record(z.string(), Cell),
});
export type AggregateRow = z.infer<typeof AggregateRow>;

const AggregateTable = z.object({
  year: z.string(),
  groupBy: z.array(Dimension),
  measures: z.array(Measure),
  threshold: z.number().int(),
  /**
   * The largest noise, in students, of a published count (docs/privacy.md "Aggregati"): each
   * count of `threshold` or more is shown moved by −noise..+noise, the same for the same students
   * in every answer, so that comparing answers cannot isolate a few students. 0: exact counts.
   */
  noise: z.number().int().nonnegative(),
  rows: z.array(AggregateRow),
  /** One table per grouping dimension when there are two (the margins of the cross table). */
  margins: z.record(z.string(), z.array(AggregateRow)),
  total: z.record(z.string(), Cell),
});

/**
 * A frozen snapshot (issue 22.3): the region's counts as they stood at a period end (the last day
 * of a term of the region's schools, or of the lessons), kept unchanged afterwards.
 * `dataThrough`: the latest attendance date in the region when it was frozen; after `periodEnd`
 * when the snapshot was frozen late (a year imported afterwards), whose levels and bands are then
 * those known later, while its students are still only those enrolled by `periodEnd`.
 */
export const SnapshotInfo = z.object({
  year: z.string(),
  periodEnd: z.string(),
  frozenOn: z.string(),
  dataThrough: z.string().nullable(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

/** The previous school year at the same date, from its frozen snapshot, published under the same rules. */
export const PreviousAggregateTable = AggregateTable.extend({ snapshot: SnapshotInfo });
export type PreviousAggregateTable = z.infer<typeof PreviousAggregateTable>;

export const AggregateResult = AggregateTable.extend({
  /**
   * Only with `compare=previous`: the same table for the previous school year at the same date
   * (its latest snapshot on or before this year's date less one year); null when there is none
   * (no previous year, no snapshot yet, or a selection no snapshot keeps).
   */
  previous: PreviousAggregateTable.nullable().optional(),
});
export type AggregateResult = z.infer<typeof AggregateResult>;

/**
 * `GET /api/aggregates/history` (issue 22, the printable regional report): the whole region's
 * totals of every school year with a frozen snapshot, each from its latest snapshot (its year
 * as it stood at its last period end frozen so far), published under the snapshots' rules;
 * oldest first.
 */
export const AggregateHistory = z.object({ years: z.array(PreviousAggregateTable) });
export type AggregateHistory = z.infer<typeof AggregateHistory>;

/** `compare=previous`: add the previous year at the same date (AggregateResult.previous). */
export const CompareQuery = z.object({ compare: z.enum(['previous']).optional() });
export type CompareQuery = z.infer<typeof CompareQuery>;

/** `compare=previous`: add the previous year at the same date (FairnessReport.previous), as the tables do. */
export const FairnessQuery = z.object({ year: SchoolYearLabel.optional(), ...CompareQuery.shape });

/**
 * `GET /api/aggregates/years`: the school years with at least one enrolment in the user's
 * schools, newest first (the only years worth offering), and `current`, the year answered when
 * none is asked (null on an empty database).
 */
export const AggregateYears = z.object({ years: z.array(SchoolYearLabel), current: SchoolYearLabel.nullable() });
export type AggregateYears = z.infer<typeof AggregateYears>;

/**
 * Each share is the ratio of two counts published under the rules of every aggregate (suppressed
 * under the threshold, with complementary suppression, moved by the noise): null when either is
 * not published, so a share never gives back a count that a table would hide.
 */
export const FairnessGroup = z.object({
  dimension: z.enum(['citizenshipGroup', 'sex']),
  group: z.string(),
  students: Cell,
  suppressed: z.boolean(),
  shareFlagged: z.number().nullable(),
  shareTier2plus: z.number().nullable(),
  /** Among students whose year ended well, the share the tiers had put at tier ≥ 2 (null without outcomes). */
  falsePositiveRate: z.number().nullable(),
  /** Among students whose year ended badly, the share the tiers had left at tier 1. */
  falseNegativeRate: z.number().nullable(),
});
export type FairnessGroup = z.infer<typeof FairnessGroup>;

export const FairnessTable = z.object({
  year: z.string(),
  threshold: z.number().int(),
  /**
   * The largest noise, in students, of a published count (docs/privacy.md "Aggregati"): each
   * count of `threshold` or more is shown moved by −noise..+noise, the same for the same students
   * in every answer, so that comparing answers cannot isolate a few students. 0: exact counts.
   */
  noise: z.number().int().nonnegative(),

  /** Whether final outcomes of this year exist to compare the tiers with. */
  outcomesAvailable: z.boolean(),
  groups: z.array(FairnessGroup),
});
export type FairnessTable = z.infer<typeof FairnessTable>;

/** The previous school year's report at the same date, from its frozen snapshot, published under the same rules. */
export const PreviousFairnessReport = FairnessTable.extend({ snapshot: SnapshotInfo });
export type PreviousFairnessReport = z.infer<typeof PreviousFairnessReport>;

export const FairnessReport = FairnessTable.extend({
  /**
   * Only with `compare=previous`: the report of the previous school year at the same date (its
   * latest snapshot on or before this year's date less one year); null when there is none.
   */
  previous: PreviousFairnessReport.nullable().optional(),
});
export type FairnessReport = z.infer<typeof FairnessReport>;

/** The filters of the aggregates, without grouping or measures: the trend is always by month. */
export const TrendQuery = AggregateQuery.omit({ groupBy: true, measures: true });
export type TrendQuery = z.infer<typeof TrendQuery>;

export const TREND_MEASURES = ['students', 'absentOver10', 'absentOver25'] as const;
export type TrendMeasure = (typeof TREND_MEASURES)[number];

/**
 * One month of lessons: the students enrolled in it (distinct), and how many of them missed more
 * than 10 % and more than 25 % of the hours their class held that month. Counts only, suppressed
 * like every aggregate (`<10`, `n.d.`).
 */
export const TrendMonth = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  values: z.object({ students: Cell, absentOver10: Cell, absentOver25: Cell }),
});
export type TrendMonth = z.infer<typeof TrendMonth>;

export const AggregateTrend = z.object({
  year: z.string(),
  threshold: z.number().int(),
  /**
   * The largest noise, in students, of a published count (docs/privacy.md "Aggregati"): each
   * count of `threshold` or more is shown moved by −noise..+noise, the same for the same students
   * in every answer, so that comparing answers cannot isolate a few students. 0: exact counts.
   */
  noise: z.number().int().nonnegative(),

  /** September → the data's last month, in order. */
  months: z.array(TrendMonth),
});
export type AggregateTrend = z.infer<typeof AggregateTrend>;
