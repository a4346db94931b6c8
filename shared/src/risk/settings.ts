import { z } from 'zod';
import { RiskModel } from './risk-model';

const Share = z.number().min(0).max(1);

/**
 * Every threshold of the risk engine, in one record. The server stores versions of it
 * (settings_version table); `version` is written into every assessment so a tier can always be
 * traced to the thresholds that produced it. Shares are fractions (0.25 = 25 %).
 */
export const RiskSettings = z.object({
  version: z.number().int().positive(),
  attendance: z.object({
    // Chronic absence = missing ≥ 10 % of lessons (Balfanz & Byrnes 2012, "The Importance of
    // Being in School"; US ED chronic-absence definition): attention. High below ¾ of the hours
    // held, the line of a valid year (DPR 122/2009 art. 14 c. 7; D.Lgs 62/2017 art. 5): at that
    // pace the year is lost by law. Until issue 18 it was Balfanz's < 80 % (Balfanz, Herzog &
    // Mac Iver 2007, US 6th grade); the Italian legal line is the sharper cause of a bad outcome.
    // 95 % only labels the band.
    satisfactoryRate: Share.default(0.95),
    attentionBelowRate: Share.default(0.9),
    highBelowRate: Share.default(0.75),
  }),
  projection: z.object({
    // DPR 122/2009 art. 14 c. 7 (secondo grado) and D.Lgs 62/2017 art. 5 (primo grado): the year
    // is valid only with attendance of at least ¾ of the personalised annual hours.
    maxAbsenceShare: Share.default(0.25),
    // DESIGN.md: warn when the projected absence exceeds 20 % (5 points before the legal limit).
    attentionAboveShare: Share.default(0.2),
    // Below this many hours held (≈ 2 weeks) a projection is noise: shown, not scored.
    minHoursHeld: z.number().min(0).default(60),
  }),
  trend: z.object({
    // "Last 4 weeks vs the year so far" (issue); weeks without lessons (holidays) are skipped.
    recentWeeks: z.number().int().positive().default(4),
    // Need some weeks before the recent window to compare against.
    minWeeks: z.number().int().positive().default(6),
    // Local choice (no statutory source): a rise of 5 points with ≥ 10 % absence in the window
    // (the chronic-absence line) is worth a look. High needs half the recent hours missed: four
    // weeks are 20 lesson days, so one ordinary illness (4–5 days) is already 20–25 % of them and
    // must not make a level by itself (it did, for 4 % of the demo region, before issue 18).
    attentionDeltaPoints: z.number().default(5),
    attentionMinRecentShare: Share.default(0.1),
    highDeltaPoints: z.number().default(10),
    highMinRecentShare: Share.default(0.5),
  }),
  lateEntries: z.object({
    // Local choice: late entries / early exits per week of lessons. Two a month is a pattern
    // worth a look, one a week is high. Patterns on one weekday are named in the sentence.
    attentionPerWeek: z.number().default(0.5),
    highPerWeek: z.number().default(1),
    minWeeks: z.number().int().positive().default(2),
    weekdayPatternMinEvents: z.number().int().positive().default(3),
  }),
  grades: z.object({
    // Pass mark 6/10 (DPR 122/2009 art. 4 c. 5 and art. 6; D.Lgs 62/2017 art. 6).
    passMark: z.number().default(6),
    // The INVALSI subjects, Italian and mathematics (the Italian counterparts of Balfanz et al.
    // 2007's "failing mathematics or English").
    coreSubjects: z.array(z.string()).default(['ITALIANO', 'MATEMATICA', 'LINGUA E LETTERATURA ITALIANA']),
    // High with more than three failing subjects: the suspended judgement (O.M. 92/2007) lets a
    // student recover failing subjects over the summer, and schools' admission criteria (PTOF)
    // commonly allow it for up to three; beyond, not being admitted is the usual outcome. Balfanz's
    // and Chicago's single-F flags are final course marks; mid-year averages below 6 are common
    // in Italian schools (one in four upper-secondary students of the demo region by March).
    highFailingCount: z.number().int().positive().default(4),
    // Failing this many core subjects together (Italian and mathematics) is high on its own;
    // one failing core subject is attention.
    highCoreFailingCount: z.number().int().positive().default(2),
    // Overall average below the pass mark implies failing subjects; 6.5 is a narrow margin.
    averageAttentionBelow: z.number().default(6.5),
    averageHighBelow: z.number().default(6),
    // Distance from the class: one standard deviation below the class mean.
    zAttentionBelow: z.number().default(-1),
    minClassSize: z.number().int().positive().default(5),
    // Grade slope, in grade points per 30 days, on grades centred by subject.
    slopeAttentionBelow: z.number().default(-0.3),
    slopeHighBelow: z.number().default(-0.6),
    slopeMinGrades: z.number().int().positive().default(6),
    slopeMinSpanDays: z.number().int().positive().default(30),
  }),
  conduct: z.object({
    // L. 150/2024 (rewriting DPR 122/2009 art. 7 and D.Lgs 62/2017 art. 2): conduct below 6 →
    // not admitted; exactly 6 → judgement suspended with a civic-education task. Balfanz:
    // an unsatisfactory behaviour mark is an off-track flag. 7 is a local "worth a look".
    highAtOrBelow: z.number().default(6),
    attentionAtOrBelow: z.number().default(7),
  }),
  history: z.object({
    // Retention is among the strongest predictors of dropout (Jimerson et al. 2002; Allensworth
    // 2005 on over-age students in Chicago). One repeated year → attention, two → high.
    repeatedAttention: z.number().int().nonnegative().default(1),
    repeatedHigh: z.number().int().nonnegative().default(2),
    // Giudizio sospeso (O.M. 92/2007): recovered failing subjects are a weaker signal.
    suspendedAttention: z.number().int().nonnegative().default(1),
    suspendedHigh: z.number().int().nonnegative().default(3),
  }),
  disengagement: z
    .object({
      // Issue 18: a student who has stopped coming is level 3 at once, whatever the year's average.
      // Share of the hours of the last weeks with lessons missed (deroghe excepted)…
      windowWeeks: z.number().int().positive().default(2),
      minShare: Share.default(0.8),
      // …or whole lesson days missed in a row up to today (a school week).
      minConsecutiveDays: z.number().int().positive().default(5),
    })
    .prefault({}), // versions stored before issue 18 have no such group
  tier: z.object({
    // ABC / EWIMS practice: one off-track area → targeted support (level 2), two or more →
    // intensive (level 3). The school career (percorso) counts toward level 3 but never raises a
    // level on its own: a past fact with nothing wrong this year is context, not a signal.
    tier3MinHighDomains: z.number().int().positive().default(2),
    tier2MinHighDomains: z.number().int().positive().default(1),
    // Attention in this many areas also makes level 2; 0 = never (the default since issue 18:
    // "attention in two areas" put a third of the demo region at level 2 and added false alarms
    // on real data).
    tier2MinAttentionDomains: z.number().int().nonnegative().default(0),
  }),
  // How the level is decided: by the rules above (default), or by the probability of the fitted
  // model (`model`) with these cut points. Disengagement is level 3 either way.
  levels: z
    .object({
      basis: z.enum(['rules', 'probability']).default('rules'),
      level2From: Share.default(0.3),
      level3From: Share.default(0.6),
    })
    .prefault({}),
  // A logistic model fitted on past cohorts (`fitRiskModel`), versioned with the thresholds; it
  // gives each student a probability shown beside the level. None until a backtest fits one.
  model: RiskModel.nullable().default(null),
});
export type RiskSettings = z.infer<typeof RiskSettings>;

export const DEFAULT_RISK_SETTINGS: RiskSettings = RiskSettings.parse({
  version: 1,
  attendance: {},
  projection: {},
  trend: {},
  lateEntries: {},
  grades: {},
  conduct: {},
  history: {},
  disengagement: {},
  tier: {},
});
