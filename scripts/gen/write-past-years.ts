import { generateAbsences } from './attendance.ts';
import { buildCalendar, type SchoolCalendar } from './calendar.ts';
import type { ClassSpec } from './classes.ts';
import type { CsvFile } from './csv-file.ts';
import { type Day, dayOf, toItalian, yearOf } from './dates.ts';
import type { Geography } from './geography.ts';
import { conductGrade, generateGrades, planClassGrades, termAverages } from './grades.ts';
import type { FileName } from './headers.ts';
import { failureChance, type HistoryOutcome, type HistoryRow, type YearAttendance, yearLabel } from './outcomes.ts';
import { calendarScheme, classLessonDays, hoursOn, type SchoolPlan } from './plan-region.ts';
import { deriveSeed, Rng } from './random.ts';
import { attendanceProfile, type CfRegistry, makePersona, type Persona, trackRiskFactor } from './students.ts';

/** A student of the current year in one of the school's classes (the one they are in now). */
export interface CurrentStudent {
  persona: Persona;
  cls: ClassSpec;
}

export interface PastYearsContext {
  seed: number;
  geography: Geography;
  registry: CfRegistry;
  /** How many school years before the current one to write (0 = none). */
  years: number;
}

type PastOutcome = HistoryOutcome | 'ritirato' | 'abbandono' | 'trasferito';

interface PastStudent {
  persona: Persona;
  cls: ClassSpec;
  outcome: PastOutcome;
  /** the year's own luck and attendance (see HistoryRow) */
  shock: number;
  attendance: YearAttendance;
  /** the last day in the school that year (null: to the end of the year) */
  exit: Day | null;
  /** the student's own final outcome row must be written here (students not in the current year) */
  writeFinal: boolean;
}

const yn = (b: boolean) => (b ? 'S' : 'N');

/**
 * The registers of the school years before the current one (issue 18: a demo with history, so a
 * backtest can replay the engine on 2024/25 as known at the end of the first period and compare
 * it with that year's final outcomes).
 *
 * Each past year has the school's classes of now, with:
 * - the students of now who were there that year, by their history (same latent ability and
 *   engagement, and the year's own `shock`, which also decided that year's recorded outcome), in
 *   a class of the grade they attended (same section and curriculum when there is one);
 * - to fill each class, students who are not here now: the last grade's leavers with their diploma
 *   (or not admitted), and in the other grades those who left during or after that year (moved
 *   to another school, withdrew, dropped out, or were not admitted and changed school), with an
 *   outcome drawn from the same model of ability and the year's luck.
 * A year's grades and absences follow from the same latents: a year that ended badly was a year
 * of lower grades and more absences, as in real registers.
 */
export function writePastYears(
  plan: SchoolPlan,
  current: CurrentStudent[],
  files: Record<FileName, CsvFile>,
  ctx: PastYearsContext,
): void {
  const { spec, classes } = plan;
  const upperSchool = spec.level === 'secondo grado';
  const lastGrade = upperSchool ? 5 : 3;
  const scheme = calendarScheme(ctx.seed, spec.code);
  for (let k = ctx.years; k >= 1; k--) {
    const startYear = plan.calendar.startYear - k;
    const label = yearLabel(startYear);
    const calendar = buildCalendar(label, spec.cadastral, scheme);
    const rng = new Rng(deriveSeed(ctx.seed, spec.code, 'past', label));
    const yearEnd = dayOf(startYear + 1, 8, 31);

    files.calendario.add([label, 'lezioni', toItalian(calendar.start), toItalian(calendar.end), 'Lezioni']);
    for (const t of calendar.terms)
      files.calendario.add([label, 'periodo', toItalian(t.from), toItalian(t.to), t.name]);
    for (const s of calendar.suspensions)
      files.calendario.add([label, 'sospensione', toItalian(s.from), toItalian(s.to), s.reason]);
    for (const c of classes) {
      files.classi.add([
        label,
        c.name,
        String(c.grade),
        c.curriculum.track,
        c.timetable.join('-'),
        String(c.weeklyHours),
        String(c.annualHours),
      ]);
    }

    // Who was in each class that year.
    const roster = new Map<ClassSpec, PastStudent[]>(classes.map((c) => [c, []]));
    for (const { persona, cls } of current) {
      const row = persona.history.find((h: HistoryRow) => h.yearLabel === label);
      if (!row || row.upper !== upperSchool) continue;
      const sameGrade = classes.filter((c) => c.grade === row.grade);
      const past =
        sameGrade.find((c) => c.section === cls.section && c.curriculum.id === cls.curriculum.id) ??
        sameGrade.find((c) => c.curriculum.id === cls.curriculum.id) ??
        sameGrade[0];
      if (past)
        roster.get(past)!.push({
          persona,
          cls: past,
          outcome: row.outcome,
          shock: row.shock,
          attendance: row.attendance,
          exit: null,
          writeFinal: false,
        });
    }
    for (const cls of classes) {
      const list = roster.get(cls)!;
      for (let i = list.length; i < cls.size; i++)
        list.push(pastOnlyStudent(cls, calendar, rng, ctx, cls.grade === lastGrade));
    }

    for (const cls of classes) {
      const days = classLessonDays(calendar, cls);
      const gradePlan = planClassGrades(rng, cls, days, !upperSchool);
      for (const s of roster.get(cls)!) writeStudentYear(s, cls, days, gradePlan, calendar, yearEnd, files, rng, label);
    }
  }

  function pastOnlyStudent(
    cls: ClassSpec,
    calendar: SchoolCalendar,
    rng: Rng,
    c: PastYearsContext,
    lastGradeClass: boolean,
  ): PastStudent {
    const persona = makePersona({
      rng,
      geography: c.geography,
      registry: c.registry,
      school: spec,
      curriculum: cls.curriculum,
      grade: cls.grade,
      startYear: calendar.startYear,
      lessonsStart: calendar.start,
      asOf: calendar.end,
      arrivedBeforeStart: true,
    });
    const shock = rng.normal();
    const p = attendanceProfile(rng, persona.engagement + 0.6 * shock, trackRiskFactor(cls.curriculum));
    const attendance: YearAttendance = { category: p.category, start: p.start, end: p.end };
    const failing = failureChance(upperSchool, persona.ability, shock, attendance);
    const stay = { persona, cls, shock, attendance, exit: null, writeFinal: true };
    if (lastGradeClass) {
      // Left with the diploma (licenza, maturità), or not admitted and then gone elsewhere.
      return { ...stay, outcome: rng.chance(failing) ? 'non ammesso' : 'ammesso' };
    }
    // Not here now, so they left: those at risk more often for a bad reason; the drifting ones
    // stop coming during the year.
    if (rng.chance(Math.min(0.85, 5 * failing))) {
      if (attendance.category === 'drifting' || rng.chance(0.3)) {
        const exit = rng.int(dayOf(calendar.startYear + 1, 1, 10), dayOf(calendar.startYear + 1, 5, 15));
        // over 16 a student withdraws formally; under 16 (compulsory education) it is an abandonment
        const outcome = yearOf(exit) - yearOf(persona.birthDay) >= 16 ? 'ritirato' : 'abbandono';
        return {
          ...stay,
          outcome,
          exit,
          attendance: {
            category: 'drifting',
            start: attendance.start,
            end: Math.max(attendance.end, 0.35 + 0.35 * rng.float()),
          },
        };
      }
      return { ...stay, outcome: 'non ammesso' };
    }
    return { ...stay, outcome: 'trasferito', exit: rng.int(calendar.start + 20, calendar.end - 10) };
  }

  function writeStudentYear(
    s: PastStudent,
    cls: ClassSpec,
    classDays: Day[],
    gradePlan: ReturnType<typeof planClassGrades>,
    calendar: SchoolCalendar,
    yearEnd: Day,
    out: Record<FileName, CsvFile>,
    rng: Rng,
    label: string,
  ): void {
    const p = s.persona;
    // The year as it went: the lasting latents moved by the year's luck, its own attendance.
    const year: Persona = {
      ...p,
      engagement: p.engagement + 0.6 * s.shock,
      ability: p.ability + 0.5 * s.shock,
      category: s.attendance.category,
      absenceStart: s.attendance.start,
      absenceEnd: s.attendance.end,
    };
    const last = s.exit ?? calendar.end;
    const days = classDays.filter((d) => d <= last);
    const leaving = s.outcome === 'ritirato' || s.outcome === 'abbandono';
    const exitReason = leaving ? s.outcome : s.outcome === 'trasferito' ? 'trasferito' : '';
    out.studenti.add([
      p.cf,
      p.lastName,
      p.firstName,
      p.sex,
      toItalian(p.birthDay),
      p.birthplace,
      p.citizenship,
      yn(p.bornInItaly),
      p.arrivalDay === null ? '' : toItalian(p.arrivalDay),
      p.l2Level,
      p.residenceIstat,
      cls.name,
      // `Data uscita` is the first day out (docs/data-format.md): the day after the last one here.
      toItalian(calendar.start),
      toItalian(s.exit === null ? yearEnd : s.exit + 1),
      exitReason,
    ]);
    const { events, absentDays } = generateAbsences({
      rng,
      persona: year,
      days,
      hoursOn: (d) => hoursOn(cls, d),
      yearStart: calendar.start,
      asOf: last,
      missingTail: leaving ? Math.min(days.length, rng.int(8, 20)) : 0,
    });
    for (const a of events)
      out.assenze.add([p.cf, toItalian(a.day), a.type, String(a.hours), yn(a.justified), a.deroga]);
    const averages = termAverages(calendar.terms);
    const grades = generateGrades({
      rng,
      persona: year,
      plan: gradePlan,
      days,
      absentDays,
      yearStart: calendar.start,
      asOf: last,
      record: averages.record,
    });
    for (const g of grades) out.voti.add([p.cf, toItalian(g.day), g.subject, g.kind, g.value]);
    for (const [ti, term] of calendar.terms.entries()) {
      if (term.scrutinio > last) continue;
      out.voti.add([p.cf, toItalian(term.scrutinio), 'COMPORTAMENTO', 'Scrutinio', conductGrade(rng, year)]);
      const failed = averages.failedIn(
        ti,
        gradePlan.subjects.map((x) => x.name),
      );
      out.esiti.add([p.cf, label, String(cls.grade), term.name, 'valutato', failed.join(', ')]);
    }
    if (s.writeFinal) {
      for (const h of p.history)
        out.esiti.add([p.cf, h.yearLabel, String(h.grade), 'finale', h.outcome, h.failedSubjects.join(', ')]);
      out.esiti.add([p.cf, label, String(cls.grade), 'finale', s.outcome, '']);
    }
  }
}
