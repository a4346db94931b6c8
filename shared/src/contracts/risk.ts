import { z } from 'zod';
import type { Message, MessageParam } from '../risk/message';
import { RiskSettings } from '../risk/settings';
import { IsoDate } from './domain';

/**
 * Risk API: lists of a class and of a school, a student's assessment with the series behind it,
 * human reviews (confirm / dismiss / override with a reason) and the versioned thresholds.
 * The engine and its types are in `risk/`; these schemas are what travels on the wire.
 */

export const RiskTier = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type RiskTier = z.infer<typeof RiskTier>;

export const RiskLevel = z.enum(['ok', 'attention', 'high']);
export const RiskDomain = z.enum(['frequenza', 'comportamento', 'rendimento', 'percorso']);
export const IndicatorKey = z.enum([
  'attendance_rate',
  'absence_projection',
  'attendance_trend',
  'late_entries',
  'failing_subjects',
  'grade_average',
  'grade_trend',
  'conduct',
  'age_grade_delay',
  'school_history',
  'disengagement',
]);
export type IndicatorKey = z.infer<typeof IndicatorKey>;

/**
 * An explanation as a message key with parameters (shared/src/risk/message.ts): the web words it
 * with i18next (`wordMessage(message, t)`), in Italian or English; parameters are raw values
 * (shares 0–1, ISO dates) or nested messages (phrases with their own plural).
 */
export const ExplanationMessage: z.ZodType<Message> = z.lazy(() =>
  z.object({ key: z.string(), params: ExplanationParams }),
);
const MessageParamSchema: z.ZodType<MessageParam> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), ExplanationMessage, z.array(ExplanationMessage)]),
);
export const ExplanationParams = z.record(z.string(), MessageParamSchema);

export const RiskReviewAction = z.enum(['confirm', 'dismiss', 'override']);
export type RiskReviewAction = z.infer<typeof RiskReviewAction>;

/**
 * A human decision on a computed tier. `tier` is the override's tier (null for confirm and
 * dismiss); `computedTier` is the tier the reviewer saw, kept so both values stay on record.
 */
export const RiskReview = z.object({
  action: RiskReviewAction,
  tier: RiskTier.nullable(),
  computedTier: RiskTier,
  reason: z.string(),
  by: z.string(),
  at: z.string(),
});
export type RiskReview = z.infer<typeof RiskReview>;

/**
 * An indicator as the lists carry it: its explanation as a message key and parameters only, which
 * the web words in the reader's language (i18next). The Italian sentence is left to the student's
 * page (`RiskIndicator`): composing it for every row of every list was a fifth of the class list's
 * CPU and a quarter of its bytes, for a field no list reader used (docs/performance-history.md §15).
 */
export const RiskIndicatorSummary = z.object({
  key: IndicatorKey,
  level: RiskLevel,
  value: z.number().nullable(),
  explanationKey: z.string(),
  explanationParams: ExplanationParams,
});
export type RiskIndicatorSummary = z.infer<typeof RiskIndicatorSummary>;

/**
 * What is already being done for a student, shown beside the level so a list does not ask for
 * what is under way (issue 19): flags not yet resolved (closing a case resolves its flag), cases
 * open or in monitoring, and the art. 114 procedure of the school year (D.Lgs 297/1994 as
 * rewritten by DL 123/2023): `notified` once the family was told, `reported` once the mayor was.
 */
export const RiskMarkers = z.object({
  openFlags: z.number().int().nonnegative(),
  openCases: z.number().int().nonnegative(),
  compulsory: z.enum(['notified', 'reported']).nullable(),
});
export type RiskMarkers = z.infer<typeof RiskMarkers>;

/**
 * One student in a risk list. `tier` is the effective tier: the latest review's tier when that
 * review is an override, otherwise `computedTier` (a later confirm supersedes an override).
 */
export const RiskRow = z.object({
  studentId: z.number().int(),
  lastName: z.string(),
  firstName: z.string(),
  classId: z.number().int(),
  computedTier: RiskTier,
  tier: RiskTier,
  score: z.number(),
  review: RiskReview.nullable(),
  indicators: z.array(RiskIndicatorSummary),
  /** Share of held hours attended (0–1), null before any lesson. */
  attendanceRate: z.number().nullable(),
  /** Projected yearly absence / personalised annual hours (0–1). */
  projectedAbsenceRate: z.number().nullable(),
  failingSubjects: z.number().nullable(),
  /** Attendance trend: points of absence, last weeks minus the year so far. */
  trend: z.number().nullable(),
  /** Overall grade average (mean of subject averages). */
  average: z.number().nullable(),
  /** Probability of a bad outcome from the model of the settings version; null without a model. */
  probability: z.number().min(0).max(1).nullable(),
  markers: RiskMarkers,
  asOf: IsoDate,
  settingsVersion: z.number().int(),
});
export type RiskRow = z.infer<typeof RiskRow>;

export const SchoolRiskRow = RiskRow.extend({ className: z.string() });
export type SchoolRiskRow = z.infer<typeof SchoolRiskRow>;

export const RiskSort = z.enum(['tier', 'name', 'attendance', 'average']);
export type RiskSort = z.infer<typeof RiskSort>;

/** `?tier=&indicator=&sort=&order=`; default order: tier and score desc, the others asc. */
export const RiskListQuery = z.object({
  tier: z.coerce.number().pipe(RiskTier).optional(),
  /** Only students with this indicator at attention or high. */
  indicator: IndicatorKey.optional(),
  sort: RiskSort.default('tier'),
  order: z.enum(['asc', 'desc']).optional(),
  /**
   * `capacity`: only the school's N most at risk, N being the school's capacity ("we can follow N
   * students", set by the admin); a class list keeps those of its students among them. Ignored
   * (every row, `capacity: null`) when the school has not set one.
   */
  top: z.literal('capacity').optional(),
});
export type RiskListQuery = z.infer<typeof RiskListQuery>;

/** The school's capacity when the list was asked with `top=capacity` (null: none set). */
const ListCapacity = z.number().int().positive().nullable().optional();

export const ClassRiskList = z.object({ items: z.array(RiskRow), capacity: ListCapacity });
export type ClassRiskList = z.infer<typeof ClassRiskList>;

export const SchoolRiskList = z.object({ items: z.array(SchoolRiskRow), capacity: ListCapacity });
export type SchoolRiskList = z.infer<typeof SchoolRiskList>;

export const RiskIndicator = RiskIndicatorSummary.extend({
  /** The Italian sentence, for clients that do not translate (the web words key and parameters). */
  explanation: z.string(),
  domain: RiskDomain,
  details: z.record(z.string(), z.unknown()).optional(),
});

export const RiskReason = z.object({
  key: IndicatorKey,
  domain: RiskDomain,
  level: z.enum(['attention', 'high']),
  explanation: z.string(),
  explanationKey: z.string(),
  explanationParams: ExplanationParams,
});

export const WeekPoint = z.object({ weekStart: IsoDate, hoursHeld: z.number(), hoursAbsent: z.number() });
export const GradePoint = z.object({ date: IsoDate, value: z.number().nullable(), raw: z.string(), kind: z.string() });
export const SubjectGrades = z.object({ subject: z.string(), points: z.array(GradePoint) });

export const StudentRisk = z.object({
  studentId: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  schoolYear: z.string(),
  asOf: IsoDate,
  settingsVersion: z.number().int(),
  computedAt: z.string(),
  computedTier: RiskTier,
  tier: RiskTier,
  /** Why this level, in Italian ("Livello 2: …"), and as a message key with its parameters. */
  tierExplanation: z.string(),
  tierExplanationKey: z.string(),
  tierExplanationParams: ExplanationParams,
  /** Probability of a bad outcome from the model of the settings version; null without a model. */
  probability: z.number().nullable(),
  score: z.number(),
  reasons: z.array(RiskReason),
  indicators: z.array(RiskIndicator),
  review: RiskReview.nullable(),
  /** Every review, newest first. */
  reviews: z.array(RiskReview),
  series: z.object({
    weeks: z.array(WeekPoint),
    grades: z.array(SubjectGrades),
    /** DPR 122/2009 art. 14 c. 7: absence beyond this share of the annual hours voids the year. */
    limit: z.object({
      share: z.number(),
      annualHours: z.number(),
      hours: z.number(),
      countedHours: z.number(),
      projectedCrossingDate: IsoDate.nullable(),
    }),
  }),
});
export type StudentRisk = z.infer<typeof StudentRisk>;

export const RiskReviewInput = z
  .object({
    action: RiskReviewAction,
    tier: RiskTier.optional(),
    reason: z.string().trim().min(5, 'motivazione obbligatoria (almeno 5 caratteri)').max(2000),
  })
  .refine((r) => r.action !== 'override' || r.tier !== undefined, {
    path: ['tier'],
    message: 'indica il livello che sostituisce quello calcolato',
  })
  .refine((r) => r.action === 'override' || r.tier === undefined, {
    path: ['tier'],
    message: 'il livello si indica solo per una modifica',
  });
export type RiskReviewInput = z.infer<typeof RiskReviewInput>;

export const RiskReviewResult = z.object({
  studentId: z.number().int(),
  computedTier: RiskTier,
  tier: RiskTier,
  review: RiskReview,
});
export type RiskReviewResult = z.infer<typeof RiskReviewResult>;

/** PUT body: every threshold; the server assigns the next version. */
/**
 * Pairs of thresholds where one level must come no later than the other, or it never fires (a
 * "high" under 90 % with "attention" under 80 % would make every attention a high). Each pair:
 * section, the threshold that must be lower or equal, the other, and the sentence for the first.
 */
const THRESHOLD_ORDER = [
  [
    'attendance',
    'attentionBelowRate',
    'satisfactoryRate',
    'la soglia di attenzione non può superare la frequenza soddisfacente',
  ],
  [
    'attendance',
    'highBelowRate',
    'attentionBelowRate',
    'la soglia alta deve essere più bassa o uguale a quella di attenzione',
  ],
  [
    'projection',
    'attentionAboveShare',
    'maxAbsenceShare',
    'la soglia di attenzione non può superare il limite di legge',
  ],
  [
    'trend',
    'attentionDeltaPoints',
    'highDeltaPoints',
    "l'aumento per l'attenzione non può superare quello per il livello alto",
  ],
  [
    'trend',
    'attentionMinRecentShare',
    'highMinRecentShare',
    "la quota per l'attenzione non può superare quella per il livello alto",
  ],
  ['trend', 'recentWeeks', 'minWeeks', 'le settimane recenti non possono essere più delle settimane minime'],
  [
    'lateEntries',
    'attentionPerWeek',
    'highPerWeek',
    "la frequenza per l'attenzione non può superare quella per il livello alto",
  ],
  [
    'grades',
    'averageHighBelow',
    'averageAttentionBelow',
    'la media per il livello alto deve essere più bassa o uguale a quella di attenzione',
  ],
  [
    'grades',
    'slopeHighBelow',
    'slopeAttentionBelow',
    'il calo per il livello alto deve essere più ripido o uguale a quello di attenzione',
  ],
  [
    'conduct',
    'highAtOrBelow',
    'attentionAtOrBelow',
    'il voto per il livello alto deve essere più basso o uguale a quello di attenzione',
  ],
  [
    'history',
    'repeatedAttention',
    'repeatedHigh',
    "gli anni ripetuti per l'attenzione non possono superare quelli per il livello alto",
  ],
  [
    'history',
    'suspendedAttention',
    'suspendedHigh',
    "i giudizi sospesi per l'attenzione non possono superare quelli per il livello alto",
  ],
  [
    'tier',
    'tier2MinHighDomains',
    'tier3MinHighDomains',
    'le aree alte per il livello 2 non possono superare quelle per il livello 3',
  ],
  ['levels', 'level2From', 'level3From', 'la probabilità del livello 2 non può superare quella del livello 3'],
] as const;

export const RiskSettingsInput = RiskSettings.omit({ version: true }).superRefine((s, ctx) => {
  for (const [section, lower, upper, message] of THRESHOLD_ORDER) {
    const values = s[section] as Record<string, number>;
    if (values[lower]! > values[upper]!)
      ctx.addIssue({
        code: 'custom',
        path: [section, lower],
        message: `${message[0]!.toUpperCase()}${message.slice(1)}.`,
      });
  }
});
export type RiskSettingsInput = z.infer<typeof RiskSettingsInput>;

export const RiskSettingsVersion = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  data: RiskSettings,
});
export type RiskSettingsVersion = z.infer<typeof RiskSettingsVersion>;

/** Saving thresholds does not recompute: the answer says so (`POST /api/risk/recompute`). */
export const RiskSettingsSaved = RiskSettingsVersion.extend({ recomputeNeeded: z.literal(true), hint: z.string() });
export type RiskSettingsSaved = z.infer<typeof RiskSettingsSaved>;

export const RecomputeSummary = z.object({
  students: z.number().int(),
  /** Rows inserted, updated or removed (students no longer enrolled). */
  written: z.number().int(),
  unchanged: z.number().int(),
  /** Students whose computed tier is not the one stored before (human overrides aside). */
  tierChanged: z.number().int(),
  ms: z.number(),
});
export type RecomputeSummary = z.infer<typeof RecomputeSummary>;

/** Who moved between tiers in the last days of data (net of back-and-forth), for the teacher's home. */
export const ClassRiskChanges = z.object({
  asOf: IsoDate.nullable(),
  since: IsoDate.nullable(),
  up: z.number().int(),
  down: z.number().int(),
  items: z.array(
    z.object({
      studentId: z.number().int(),
      lastName: z.string(),
      firstName: z.string(),
      fromTier: RiskTier,
      toTier: RiskTier,
      asOf: IsoDate,
    }),
  ),
});
export type ClassRiskChanges = z.infer<typeof ClassRiskChanges>;
