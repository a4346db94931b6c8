import type { Message } from '@primm/shared/risk/message';
import { INDICATOR_DOMAIN, type IndicatorKey, type MeasuredIndicator, type RiskLevel } from '@primm/shared/risk/types';

/**
 * `risk_result.indicators` as the recompute writes it: one array per indicator,
 * `[key, value, level, details?, words?]` (details null when there are none but words follow),
 * the domain left out (the key decides it, `INDICATOR_DOMAIN`). Details of a known shape
 * (`DETAIL_SHAPES`) are `[shape, ...values]`, any other shape an object. `words` is the message an
 * indicator keeps (`age_grade_delay`: it names the arrival date), or in rows written before
 * messages its Italian sentence (a string). Property names repeated in every row were a third of
 * it (docs/performance-history.md, "Margine sotto i 10 s"). Rows written before, with objects, read the same.
 */
type StoredDetails = Record<string, unknown> | [number, ...unknown[]] | null;
type StoredTuple = [IndicatorKey, number | null, RiskLevel, StoredDetails?, (string | Message)?];

/**
 * The details each indicator's `measure` function returns, as their property names in order, one
 * list per branch that builds them. APPEND ONLY: stored rows name a shape by its place here, so a
 * shape no longer produced stays (old rows read through it) and a new one goes at the end. A shape
 * not listed is stored as an object: correct, only longer (a test asserts the engine's are all here).
 */
export const DETAIL_SHAPES: Record<IndicatorKey, readonly (readonly string[])[]> = {
  attendance_rate: [['hoursHeld', 'hoursAbsent', 'band']],
  absence_projection: [
    ['limitHours', 'countedHours', 'derogaHours', 'hoursHeld', 'hoursRemaining', 'annualHours'],
    [
      'limitHours',
      'countedHours',
      'derogaHours',
      'hoursHeld',
      'hoursRemaining',
      'annualHours',
      'crossingDate',
      'alreadyOver',
    ],
    [
      'limitHours',
      'countedHours',
      'derogaHours',
      'hoursHeld',
      'hoursRemaining',
      'annualHours',
      'projectedHours',
      'crossingDate',
      'alreadyOver',
      'reliable',
    ],
    [
      'limitHours',
      'countedHours',
      'derogaHours',
      'hoursHeld',
      'hoursRemaining',
      'annualHours',
      'projectedHours',
      'crossingDate',
      'alreadyOver',
      'reliable',
      'recentWeeks',
      'recentRate',
      'recentProjectedHours',
      'recentCrossingDate',
    ],
  ],
  attendance_trend: [['recentShare', 'yearShare', 'recentWeeks'], ['weeks']],
  late_entries: [
    ['late', 'early', 'hours', 'weeks', 'weekday'],
    ['late', 'early', 'hours', 'weeks'],
  ],
  conduct: [['date', 'termSeq']],
  failing_subjects: [['failing', 'core', 'subjects']],
  grade_average: [['zScore', 'classMean', 'classSize']],
  grade_trend: [
    ['grades', 'spanDays'],
    ['grades', 'spanDays', 'oneDayPerSubject'],
  ],
  age_grade_delay: [['delayYears', 'repeatedYears', 'placementYears', 'unexplainedYears']],
  school_history: [['notAdmitted', 'left', 'suspended', 'years']],
  disengagement: [['weeks', 'hoursHeld', 'hoursAbsent', 'daysInRow', 'inRowFrom']],
};

export function serializeIndicators(indicators: MeasuredIndicator[]): string {
  return JSON.stringify(
    indicators.map((i): StoredTuple => {
      const details = i.details === undefined ? undefined : packDetails(i.key, i.details);
      const words = i.message ?? i.explanation;
      if (words !== undefined) return [i.key, i.value, i.level, details ?? null, words];
      return details !== undefined ? [i.key, i.value, i.level, details] : [i.key, i.value, i.level];
    }),
  );
}

export function parseIndicators(text: string): MeasuredIndicator[] {
  return (JSON.parse(text) as (StoredTuple | MeasuredIndicator)[]).map((t) => {
    if (!Array.isArray(t)) return t;
    const [key, value, level, details, words] = t;
    const m: MeasuredIndicator = { key, domain: INDICATOR_DOMAIN[key], value, level };
    if (details != null) m.details = Array.isArray(details) ? unpackDetails(key, details) : details;
    if (typeof words === 'string') m.explanation = words;
    else if (words !== undefined) m.message = words;
    return m;
  });
}

/** `[shape, ...values]` when the details have one of the key's shapes (and no undefined value, which JSON would turn into null). */
function packDetails(key: IndicatorKey, details: Record<string, unknown>): StoredDetails {
  const names = Object.keys(details);
  const shapes = DETAIL_SHAPES[key];
  shapes: for (let s = 0; s < shapes.length; s++) {
    const shape = shapes[s]!;
    if (shape.length !== names.length) continue;
    for (let f = 0; f < shape.length; f++)
      if (shape[f] !== names[f] || details[names[f]!] === undefined) continue shapes;
    const packed: [number, ...unknown[]] = [s];
    for (const name of shape) packed.push(details[name]);
    return packed;
  }
  return details;
}

function unpackDetails(key: IndicatorKey, [s, ...values]: [number, ...unknown[]]): Record<string, unknown> {
  const shape = DETAIL_SHAPES[key][s];
  if (!shape || shape.length !== values.length)
    throw new Error(`dettagli di ${key} in una forma sconosciuta (${s}, ${values.length} valori)`);
  const details: Record<string, unknown> = {};
  for (let f = 0; f < shape.length; f++) details[shape[f]!] = values[f];
  return details;
}
