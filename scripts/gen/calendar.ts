import { easterSunday as easterSundayIso } from '../../shared/src/working-days';
import { type Day, dayOf, parseIsoDay, weekday } from './dates.ts';

/**
 * The school calendar of the Marche region. It follows the rules of the regional calendar
 * (Regione Marche, delibera della Giunta regionale on the calendario scolastico, e.g. the one for
 * 2025/26: lessons from Monday 15/09/2025 to Saturday 06/06/2026) plus the national holidays.
 * For any year the same rules are applied:
 * - start: the Monday nearest 15 September;
 * - end: the Saturday of the first full week (Monday–Sunday) of June;
 * - suspensions: 1 November, 8 December, Christmas 23/12–06/01, Easter from the Thursday before
 *   to the Tuesday after, 25 April, 1 May, 2 June, and the patron saint of the municipality when
 *   known and inside the lesson period.
 * Terms: quadrimestri (to 31 January) or trimestre (to 20 December) + pentamestre.
 */

export type TermScheme = 'quadrimestri' | 'trimestre-pentamestre';

export interface Suspension {
  from: Day;
  to: Day;
  reason: string;
}

export interface Term {
  name: string;
  from: Day;
  to: Day;
  /** day of the class councils' scrutinio closing the term */
  scrutinio: Day;
}

export interface SchoolCalendar {
  yearLabel: string;
  startYear: number;
  start: Day;
  end: Day;
  suspensions: Suspension[];
  terms: Term[];
  /** lesson days Monday–Saturday, ascending; a class keeps those where its timetable has hours */
  lessonDays: Day[];
}

/** Easter Sunday as a day number (the algorithm lives in shared/src/working-days.ts). */
export function easterSunday(year: number): Day {
  return parseIsoDay(easterSundayIso(year));
}

/** Patron saints of some municipalities, by cadastral code; only the ones we are sure of. */
const PATRON_SAINTS: Record<string, { name: string; month: number; date: number }> = {
  A271: { name: 'San Ciriaco', month: 5, date: 4 }, // Ancona
  G479: { name: 'San Terenzio', month: 9, date: 24 }, // Pesaro
  L500: { name: 'San Crescentino', month: 6, date: 1 }, // Urbino
  E388: { name: 'San Settimio', month: 9, date: 22 }, // Jesi
  G157: { name: 'San Giuseppe da Copertino', month: 9, date: 18 }, // Osimo
  H769: { name: 'San Benedetto Martire', month: 10, date: 13 }, // San Benedetto del Tronto
  B474: { name: 'San Venanzio', month: 5, date: 18 }, // Camerino
  E690: { name: 'Madonna di Loreto', month: 12, date: 10 }, // Loreto
  // Outside lesson time, kept so the rule is visible: Macerata San Giuliano 31/8,
  // Ascoli Piceno Sant'Emidio 5/8, Fermo Assunta 15/8, Fano San Paterniano 10/7.
  E783: { name: 'San Giuliano', month: 8, date: 31 },
  A462: { name: "Sant'Emidio", month: 8, date: 5 },
  D542: { name: 'Maria Santissima Assunta', month: 8, date: 15 },
  D488: { name: 'San Paterniano', month: 7, date: 10 },
};

/** `2025/26` → 2025; throws on anything else. */
export function parseYearLabel(label: string): number {
  const m = /^(\d{4})\/(\d{2})$/.exec(label);
  if (!m) throw new Error(`anno scolastico non valido: ${label} (atteso 2025/26)`);
  const start = Number(m[1]);
  if ((start + 1) % 100 !== Number(m[2])) throw new Error(`anno scolastico non valido: ${label}`);
  return start;
}

export function lessonsStart(startYear: number): Day {
  const sept15 = dayOf(startYear, 9, 15);
  const wd = weekday(sept15);
  // nearest Monday: back for Tue–Thu, forward for Fri–Sun
  const offset = wd === 0 ? 1 : wd <= 4 ? 1 - wd : 8 - wd;
  return sept15 + offset;
}

export function lessonsEnd(startYear: number): Day {
  const june1 = dayOf(startYear + 1, 6, 1);
  const wd = weekday(june1);
  const firstMonday = june1 + ((8 - wd) % 7);
  return firstMonday + 5;
}

export function buildCalendar(yearLabel: string, cadastralCode: string, scheme: TermScheme): SchoolCalendar {
  const y = parseYearLabel(yearLabel);
  const start = lessonsStart(y);
  const end = lessonsEnd(y);
  const easter = easterSunday(y + 1);
  const suspensions: Suspension[] = [
    { from: dayOf(y, 11, 1), to: dayOf(y, 11, 1), reason: 'Ognissanti' },
    { from: dayOf(y, 12, 8), to: dayOf(y, 12, 8), reason: 'Immacolata Concezione' },
    { from: dayOf(y, 12, 23), to: dayOf(y + 1, 1, 6), reason: 'Vacanze di Natale' },
    { from: easter - 3, to: easter + 2, reason: 'Vacanze di Pasqua' },
    { from: dayOf(y + 1, 4, 25), to: dayOf(y + 1, 4, 25), reason: 'Festa della Liberazione' },
    { from: dayOf(y + 1, 5, 1), to: dayOf(y + 1, 5, 1), reason: 'Festa del lavoro' },
    { from: dayOf(y + 1, 6, 2), to: dayOf(y + 1, 6, 2), reason: 'Festa della Repubblica' },
  ];
  const patron = PATRON_SAINTS[cadastralCode];
  if (patron) {
    const month = patron.month;
    const day = dayOf(month >= 9 ? y : y + 1, month, patron.date);
    if (day >= start && day <= end)
      suspensions.push({ from: day, to: day, reason: `Festa del patrono (${patron.name})` });
  }
  // A holiday on a Sunday, or one already inside the Easter break, suspends nothing.
  const kept = suspensions
    .filter((s) => s.to >= start && s.from <= end)
    .filter((s) => s.from !== s.to || weekday(s.from) !== 0)
    .sort((a, b) => a.from - b.from);

  const suspended = new Set<Day>();
  for (const s of kept) for (let d = s.from; d <= s.to; d++) suspended.add(d);
  const lessonDays: Day[] = [];
  for (let d = start; d <= end; d++) if (weekday(d) !== 0 && !suspended.has(d)) lessonDays.push(d);

  const nextLessonDay = (from: Day, nth: number): Day => {
    const after = lessonDays.filter((d) => d > from);
    return after[Math.min(nth, after.length) - 1] ?? from;
  };
  const terms: Term[] = [];
  if (scheme === 'quadrimestri') {
    const firstEnd = dayOf(y + 1, 1, 31);
    terms.push({ name: 'Primo quadrimestre', from: start, to: firstEnd, scrutinio: nextLessonDay(firstEnd, 5) });
    terms.push({ name: 'Secondo quadrimestre', from: firstEnd + 1, to: end, scrutinio: end + 3 });
  } else {
    const firstEnd = dayOf(y, 12, 20);
    // Trimestre councils meet in the first week back after Christmas.
    terms.push({ name: 'Trimestre', from: start, to: firstEnd, scrutinio: nextLessonDay(firstEnd, 4) });
    terms.push({ name: 'Pentamestre', from: firstEnd + 1, to: end, scrutinio: end + 3 });
  }
  return { yearLabel, startYear: y, start, end, suspensions: kept, terms, lessonDays };
}
