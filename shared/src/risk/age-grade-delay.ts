import { formatDate, formatNumber, plural } from './format';
import type { RiskSettings } from './settings';
import { countYearsNotPassed } from './school-history';
import type { Indicator, RiskLevel, StudentRiskInput } from './types';

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
 */
export function ageGradeDelay(input: Input, settings: RiskSettings): Indicator {
  const s = settings.history;
  const base = { key: 'age_grade_delay', domain: 'percorso' } as const;
  const startYear = Number(input.schoolYear.slice(0, 4));
  if (input.birthDate === null || input.gradeLevel === null || !Number.isFinite(startYear)) {
    return { key: base.key, domain: base.domain, value: null, level: 'ok', explanation: 'Data di nascita o anno di corso mancanti: ritardo non calcolabile.' };
  }
  const expectedBirthYear = startYear - 5 - (input.gradeLevel + YEARS_BEFORE[input.level]);
  const delay = Math.max(0, expectedBirthYear - Number(input.birthDate.slice(0, 4)));
  const repeated = Math.min(delay, countYearsNotPassed(input.history));
  const other = delay - repeated;
  const level: RiskLevel = repeated >= s.repeatedHigh ? 'high' : repeated >= s.repeatedAttention ? 'attention' : 'ok';
  const details = { delayYears: delay, repeatedYears: repeated, placementYears: input.arrivalDate ? other : 0, unexplainedYears: input.arrivalDate ? 0 : other };
  if (delay === 0) {
    return { key: base.key, domain: base.domain, value: 0, level, explanation: "In pari con l'anno di corso previsto per l'età.", details };
  }
  const due = (n: number) => `${formatNumber(n)} ${n === 1 ? 'dovuto' : 'dovuti'}`;
  const parts: string[] = [];
  if (repeated > 0) parts.push(`${due(repeated)} ad anni non superati`);
  if (other > 0) {
    parts.push(
      input.arrivalDate
        ? `${due(other)} all'inserimento in una classe inferiore all'arrivo in Italia (${formatDate(input.arrivalDate)}; DPR 394/1999 art. 45), che non è una ripetenza`
        : `${formatNumber(other)} non ${other === 1 ? 'spiegato' : 'spiegati'} dagli esiti registrati`,
    );
  }
  return {
    key: base.key, domain: base.domain,
    value: delay,
    level,
    explanation: `${plural(delay, 'anno', 'anni')} di ritardo rispetto all'età: ${parts.join('; ')}.`,
    details,
  };
}
