import { type Day, weekday } from './dates.ts';
import type { Rng } from './random.ts';
import type { Persona } from './students.ts';

export type AbsenceType = 'assenza' | 'entrata posticipata' | 'uscita anticipata';

export interface AbsenceEvent {
  day: Day;
  type: AbsenceType;
  hours: number;
  justified: boolean;
  deroga: string;
}

/** Absences cluster on Mondays and Saturdays and a little on Fridays (index = weekday, 0 = Sunday). */
const WEEKDAY_FACTOR = [0, 1.3, 0.85, 0.85, 0.9, 1.1, 1.35];
/** Share of the missed hours that are whole days; the rest are late entries and early exits. */
const WHOLE_DAY_SHARE = 0.78;
/** Chance that an absence goes on the next lesson day too (illness spells last a few days). */
const SPELL_CONTINUES = 0.4;

/** The share of hours the student misses around `progress` (0 = start of lessons, 1 = asOf). */
export function absenceRateAt(p: Persona, progress: number): number {
  return p.absenceStart + (p.absenceEnd - p.absenceStart) * Math.pow(Math.max(0, progress), 1.6);
}

export interface AttendanceInput {
  rng: Rng;
  persona: Persona;
  /** the class's lesson days inside the enrolment, up to asOf, ascending */
  days: readonly Day[];
  hoursOn: (day: Day) => number;
  yearStart: Day;
  asOf: Day;
  /** lesson days at the end of the enrolment missed altogether (a student who stops coming) */
  missingTail: number;
}

export function generateAbsences(input: AttendanceInput): { events: AbsenceEvent[]; absentDays: Set<Day> } {
  const { rng, persona, days, hoursOn } = input;
  const span = Math.max(1, input.asOf - input.yearStart);
  const events: AbsenceEvent[] = [];
  const absentDays = new Set<Day>();
  let inSpell = false;
  const tailFrom = days.length - input.missingTail;
  for (let i = 0; i < days.length; i++) {
    const day = days[i]!;
    const hours = hoursOn(day);
    const progress = (day - input.yearStart) / span;
    const rate = absenceRateAt(persona, progress);
    const wd = WEEKDAY_FACTOR[weekday(day)]!;
    const justifiedChance =
      persona.category === 'regular' ? 0.93 : persona.category === 'chronic' ? 0.8 : 0.7 - 0.4 * progress;

    const pStart = (rate * WHOLE_DAY_SHARE * wd) / (1 / (1 - SPELL_CONTINUES));
    const absent: boolean = i >= tailFrom || (inSpell ? rng.chance(SPELL_CONTINUES) : rng.chance(pStart));
    inSpell = absent;
    if (absent) {
      const justified = i < tailFrom && rng.chance(justifiedChance);
      // the class council grants a deroga for documented reasons, not for every absence
      const deroga = persona.deroga && justified && rng.chance(0.6) ? persona.deroga : '';
      events.push({ day, type: 'assenza', hours, justified, deroga });
      absentDays.add(day);
      continue;
    }
    const partialHours = rate * (1 - WHOLE_DAY_SHARE) * hours * wd;
    if (rng.chance((partialHours * 0.55) / 1.3)) {
      const h = Math.min(hours - 1, rng.chance(0.7) ? 1 : 2);
      if (h > 0)
        events.push({
          day,
          type: 'entrata posticipata',
          hours: h,
          justified: rng.chance(justifiedChance + 0.05),
          deroga: '',
        });
    } else if (rng.chance((partialHours * 0.45) / 1.8)) {
      const h = Math.min(hours - 1, rng.int(1, 3));
      if (h > 0) events.push({ day, type: 'uscita anticipata', hours: h, justified: rng.chance(0.97), deroga: '' });
    }
  }
  return { events, absentDays };
}
