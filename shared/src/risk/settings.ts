import { z } from 'zod';

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
    // Being in School"; US ED chronic-absence definition); < 80 % attended is Balfanz's
    // 6th-grade off-track flag (Balfanz, Herzog & Mac Iver 2007). 95 % only labels the band.
    satisfactoryRate: Share.default(0.95),
    attentionBelowRate: Share.default(0.9),
    highBelowRate: Share.default(0.8),
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
    // (the chronic-absence line) is worth a look; 10 points with ≥ 20 % is high.
    attentionDeltaPoints: z.number().default(5),
    attentionMinRecentShare: Share.default(0.1),
    highDeltaPoints: z.number().default(10),
    highMinRecentShare: Share.default(0.2),
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
    // Balfanz et al. 2007: failing mathematics or English is an off-track flag on its own; the
    // Italian counterparts are the INVALSI subjects, Italian and mathematics.
    coreSubjects: z.array(z.string()).default(['ITALIANO', 'MATEMATICA', 'LINGUA E LETTERATURA ITALIANA']),
    // Chicago on-track (Allensworth & Easton 2005): more than one F in a term is off track.
    highFailingCount: z.number().int().positive().default(2),
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
  tier: z.object({
    // ABC / EWIMS practice: one off-track area → targeted support (tier 2), two or more →
    // intensive (tier 3). Attention in two areas also asks for a targeted look.
    tier3MinHighDomains: z.number().int().positive().default(2),
    tier2MinHighDomains: z.number().int().positive().default(1),
    tier2MinAttentionDomains: z.number().int().positive().default(2),
  }),
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
  tier: {},
});
