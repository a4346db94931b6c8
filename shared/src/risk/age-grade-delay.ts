import { message, type Message } from './message';
import type { RiskSettings } from './settings';
import { countYearsNotPassed } from './school-history';
import { withMessage } from './sentence';
import type { Indicator, MeasuredIndicator, RiskLevel, StudentRiskInput } from './types';

type Input = Pick<StudentRiskInput, 'schoolYear' | 'level' | 'gradeLevel' | 'birthDate' | 'history' | 'arrivalDate'>;

// Primary school starts in the calendar year a child turns 6 (D.Lgs 59/2004 art. 6): 5 years of
// primary, then 3 of primo grado, then secondo grado.
const YEARS_BEFORE = { primo_grado: 5, secondo_grado: 8 } as const;

/**
 * Years behind the grade expected for the birth year, split by cause:
 * - repeated: the part explained by recorded years not passed (the only part that is scored);
 * - the rest: for a student who arrived from abroad, placement in a lower class on arrival
 *   (DPR 394/1999 art. 45), otherwise "not explained by the recorded history".
 * Neither the rest nor `arrivalDate` ever changes the level: placement on arrival is not a
 * repeated year, and migrant background is never a risk input.
 * value = years behind (0 when on time or ahead).
 * Its message names the arrival date, which is not stored as data: the indicator keeps it.
 */
export function ageGradeDelay(input: Input, settings: RiskSettings): Indicator {
  const m = measureAgeGradeDelay(input, settings);
  return withMessage(m, m.message);
}

/**
 * `ageGradeDelay` with its message and without its Italian sentence: what the regional recompute
 * stores (the sentence is rendered when read; rendering it for every student of the region was
 * ≈ 1.3 % of a full recompute).
 */
export function measureAgeGradeDelay(input: Input, settings: RiskSettings): MeasuredIndicator & { message: Message } {
  const s = settings.history;
  const base = { key: 'age_grade_delay', domain: 'percorso' } as const;
  const startYear = Number(input.schoolYear.slice(0, 4));
  if (input.birthDate === null || input.gradeLevel === null || !Number.isFinite(startYear)) {
    return withOwn(
      { key: base.key, domain: base.domain, value: null, level: 'ok' },
      message('explain.age_grade_delay.not_computable'),
    );
  }
  const expectedBirthYear = startYear - 5 - (input.gradeLevel + YEARS_BEFORE[input.level]);
  const delay = Math.max(0, expectedBirthYear - Number(input.birthDate.slice(0, 4)));
  const repeated = Math.min(delay, countYearsNotPassed(input.history));
  const other = delay - repeated;
  const level: RiskLevel = repeated >= s.repeatedHigh ? 'high' : repeated >= s.repeatedAttention ? 'attention' : 'ok';
  const details = {
    delayYears: delay,
    repeatedYears: repeated,
    placementYears: input.arrivalDate ? other : 0,
    unexplainedYears: input.arrivalDate ? 0 : other,
  };
  if (delay === 0)
    return withOwn(
      { key: base.key, domain: base.domain, value: 0, level, details },
      message('explain.age_grade_delay.on_time'),
    );
  const parts: Message[] = [];
  if (repeated > 0) parts.push(message('explain.age_grade_delay.repeated', { count: repeated }));
  if (other > 0) {
    parts.push(
      input.arrivalDate
        ? message('explain.age_grade_delay.placement', { count: other, arrival: input.arrivalDate })
        : message('explain.age_grade_delay.unexplained', { count: other }),
    );
  }
  const years = message('explain.unit.year', { count: delay });
  const m =
    parts.length === 2
      ? message('explain.age_grade_delay.delay_two', { years, first: parts[0]!, second: parts[1]! })
      : message('explain.age_grade_delay.delay', { years, first: parts[0]! });
  return withOwn({ key: base.key, domain: base.domain, value: delay, level, details }, m);
}

/** The measured indicator with its own message. */
function withOwn(m: MeasuredIndicator, msg: Message): MeasuredIndicator & { message: Message } {
  const out: MeasuredIndicator & { message: Message } = {
    key: m.key,
    domain: m.domain,
    value: m.value,
    level: m.level,
    message: msg,
  };
  if (m.details !== undefined) out.details = m.details;
  return out;
}
