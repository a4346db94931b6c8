import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { generateAbsences } from './attendance.ts';
import type { ClassSpec } from './classes.ts';
import { CsvFile } from './csv-file.ts';
import { type Day, dayOf, toItalian, yearOf } from './dates.ts';
import type { Geography } from './geography.ts';
import { type ClassGradePlan, conductGrade, generateGrades, planClassGrades, termAverages } from './grades.ts';
import { FILE_NAMES, type FileName, HEADERS } from './headers.ts';
import { classLessonDays, hoursOn, type SchoolPlan, type Transfer } from './plan-region.ts';
import { deriveSeed, Rng } from './random.ts';
import { type CfRegistry, makePersona, type Persona } from './students.ts';
import { type CurrentStudent, writePastYears } from './write-past-years.ts';

export type ExitReason = 'cambio classe' | 'trasferito' | 'ritirato' | 'abbandono';

interface Segment {
  cls: ClassSpec;
  entry: Day;
  /** The last day in the class (its events run to it); studenti.csv writes the day after, see `exitWritten`. */
  exit: Day | null;
  reason: ExitReason | '';
}

interface Enrolee {
  persona: Persona;
  segments: Segment[];
  /** the student's own history is copied by the receiving school too */
  final: 'trasferito' | 'ritirato' | null;
}

export interface SchoolCounts {
  classes: number;
  enrolments: number;
  absences: number;
  grades: number;
  outcomes: number;
  files: number;
}

export interface SchoolContext {
  seed: number;
  asOf: Day;
  geography: Geography;
  registry: CfRegistry;
  outDir: string;
  /** School years before the current one to write, with their registers (write-past-years.ts). */
  historyYears?: number;
}

const yn = (b: boolean) => (b ? 'S' : 'N');

/**
 * `Data uscita` is the first day out (docs/data-format.md): on a class change the new class's
 * entry, otherwise the day after the last day in the class.
 */
const exitWritten = (exit: Day, next: Segment | undefined): Day => next?.entry ?? exit + 1;

/** Writes the seven files of one school; everything in memory here belongs to this school only. */
export async function writeSchool(plan: SchoolPlan, ctx: SchoolContext): Promise<SchoolCounts> {
  const { spec, calendar, classes } = plan;
  const dir = path.join(ctx.outDir, spec.code);
  await mkdir(dir, { recursive: true });
  const files = Object.fromEntries(
    FILE_NAMES.map((f) => [f, new CsvFile(path.join(dir, `${f}.csv`), HEADERS[f])]),
  ) as Record<FileName, CsvFile>;
  const rng = new Rng(deriveSeed(ctx.seed, spec.code, 'students'));
  const asOf = ctx.asOf;
  const lastDay = Math.min(asOf, calendar.end);
  const year = calendar.yearLabel;

  files.scuola.add([
    spec.code,
    spec.name,
    spec.instituteCode,
    spec.instituteName,
    spec.cadastral,
    spec.municipality,
    spec.province,
    spec.tipologia,
    spec.level,
    spec.address,
  ]);
  files.calendario.add([year, 'lezioni', toItalian(calendar.start), toItalian(calendar.end), 'Lezioni']);
  for (const t of calendar.terms) files.calendario.add([year, 'periodo', toItalian(t.from), toItalian(t.to), t.name]);
  for (const s of calendar.suspensions)
    files.calendario.add([year, 'sospensione', toItalian(s.from), toItalian(s.to), s.reason]);
  for (const c of classes) {
    files.classi.add([
      year,
      c.name,
      String(c.grade),
      c.curriculum.track,
      c.timetable.join('-'),
      String(c.weeklyHours),
      String(c.annualHours),
    ]);
  }

  const daysOf = new Map<ClassSpec, Day[]>(
    classes.map((c) => [c, classLessonDays(calendar, c).filter((d) => d <= asOf)]),
  );
  const gradePlans = new Map<ClassSpec, ClassGradePlan>(
    classes.map((c) => [c, planClassGrades(rng, c, daysOf.get(c)!, spec.level === 'primo grado')]),
  );
  const nextLessonDay = (d: Day) => calendar.lessonDays.find((x) => x > d) ?? null;
  // This year's students and their class, for the past years' registers.
  const current: CurrentStudent[] = [];

  for (const cls of classes) {
    const roster: Enrolee[] = [];
    const outgoing = plan.outgoing.filter((t) => t.fromClass === cls.name);
    for (const t of outgoing)
      roster.push({
        persona: t.persona,
        segments: [{ cls, entry: calendar.start, exit: t.exitDay, reason: 'trasferito' }],
        final: 'trasferito',
      });
    for (let i = outgoing.length; i < cls.size; i++) roster.push(newEnrolee(cls));
    for (const t of plan.incoming.filter((x: Transfer) => x.toClass === cls.name)) {
      roster.push({ persona: t.persona, segments: [{ cls, entry: t.entryDay!, exit: null, reason: '' }], final: null });
    }
    for (const e of roster) writeEnrolee(e);
    // Those who came from another school this year were elsewhere before.
    for (const e of roster)
      if (e.segments[0]!.cls === cls && !plan.incoming.some((t) => t.persona === e.persona))
        current.push({ persona: e.persona, cls });
    await Promise.all(FILE_NAMES.map((f) => files[f].flushIfFull()));
  }
  if (ctx.historyYears)
    writePastYears(plan, current, files, {
      seed: ctx.seed,
      geography: ctx.geography,
      registry: ctx.registry,
      years: ctx.historyYears,
    });

  function newEnrolee(cls: ClassSpec): Enrolee {
    const persona = makePersona({
      rng,
      geography: ctx.geography,
      registry: ctx.registry,
      school: spec,
      curriculum: cls.curriculum,
      grade: cls.grade,
      startYear: calendar.startYear,
      lessonsStart: calendar.start,
      asOf,
    });
    let entry = calendar.start;
    if (persona.arrivalDay !== null && persona.arrivalDay > calendar.start - 3) {
      // newly arrived from abroad: enrolled a few weeks after landing
      entry = nextLessonDay(persona.arrivalDay + rng.int(5, 25)) ?? calendar.start;
    } else if (rng.chance(0.008)) {
      // moved in from another region during the year
      entry =
        nextLessonDay(rng.int(calendar.start + 10, Math.max(calendar.start + 11, lastDay - 20))) ?? calendar.start;
    }
    const segments: Segment[] = [{ cls, entry, exit: null, reason: '' }];
    let final: Enrolee['final'] = null;
    const januaryTen = dayOf(calendar.startYear + 1, 1, 10);
    if (
      persona.category === 'drifting' &&
      spec.level === 'secondo grado' &&
      rng.chance(0.45) &&
      lastDay - 5 > januaryTen
    ) {
      const exit = nextLessonDay(rng.int(januaryTen, lastDay - 5));
      if (exit !== null && exit > entry && exit <= lastDay) {
        // over 16 a student withdraws formally; under 16 (compulsory education) it is an abandonment
        const age = yearOf(exit) - yearOf(persona.birthDay);
        segments[0] = { cls, entry, exit, reason: age >= 16 ? 'ritirato' : 'abbandono' };
        final = 'ritirato';
      }
    } else if (rng.chance(0.01)) {
      const others = classes.filter((c) => c.grade === cls.grade && c !== cls);
      const latest = Math.min(lastDay - 10, dayOf(calendar.startYear + 1, 2, 28));
      if (others.length > 0 && latest > entry + 30) {
        const exit = nextLessonDay(rng.int(entry + 30, latest));
        const next = exit === null ? null : nextLessonDay(exit);
        if (exit !== null && next !== null && next <= lastDay) {
          segments[0] = { cls, entry, exit, reason: 'cambio classe' };
          segments.push({ cls: rng.pick(others), entry: next, exit: null, reason: '' });
        }
      }
    }
    return { persona, segments, final };
  }

  function writeEnrolee(e: Enrolee): void {
    const p = e.persona;
    const averages = termAverages(calendar.terms);
    for (const [si, seg] of e.segments.entries()) {
      files.studenti.add([
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
        seg.cls.name,
        toItalian(seg.entry),
        seg.exit === null ? '' : toItalian(exitWritten(seg.exit, e.segments[si + 1])),
        seg.reason,
      ]);
      const until = Math.min(seg.exit ?? lastDay, lastDay);
      const days = daysOf.get(seg.cls)!.filter((d) => d >= seg.entry && d <= until);
      const leaving = seg.reason === 'ritirato' || seg.reason === 'abbandono';
      const { events, absentDays } = generateAbsences({
        rng,
        persona: p,
        days,
        hoursOn: (d) => hoursOn(seg.cls, d),
        yearStart: calendar.start,
        asOf: lastDay,
        missingTail: leaving && si === e.segments.length - 1 ? Math.min(days.length, rng.int(5, 12)) : 0,
      });
      for (const a of events) {
        files.assenze.add([p.cf, toItalian(a.day), a.type, String(a.hours), yn(a.justified), a.deroga]);
      }
      const grades = generateGrades({
        rng,
        persona: p,
        plan: gradePlans.get(seg.cls)!,
        days,
        absentDays,
        yearStart: calendar.start,
        asOf: lastDay,
        record: averages.record,
      });
      for (const g of grades) files.voti.add([p.cf, toItalian(g.day), g.subject, g.kind, g.value]);
    }

    const lastSeg = e.segments[e.segments.length - 1]!;
    const grade = lastSeg.cls.grade;
    for (const h of p.history)
      files.esiti.add([p.cf, h.yearLabel, String(h.grade), 'finale', h.outcome, h.failedSubjects.join(', ')]);
    for (const [ti, term] of calendar.terms.entries()) {
      if (term.scrutinio > asOf) continue;
      const seg = e.segments.find(
        (s) => s.entry <= term.to && s.entry <= term.scrutinio && (s.exit === null || s.exit >= term.scrutinio),
      );
      if (!seg) continue;
      files.voti.add([p.cf, toItalian(term.scrutinio), 'COMPORTAMENTO', 'Scrutinio', conductGrade(rng, p)]);
      // Materie insufficienti: term average below 6, in the order of the class's subjects
      const failed = averages.failedIn(
        ti,
        gradePlans.get(seg.cls)!.subjects.map((s) => s.name),
      );
      files.esiti.add([p.cf, year, String(seg.cls.grade), term.name, 'valutato', failed.join(', ')]);
    }
    if (e.final) files.esiti.add([p.cf, year, String(grade), 'finale', e.final, '']);
  }

  await Promise.all(FILE_NAMES.map((f) => files[f].close()));
  return {
    classes: classes.length,
    enrolments: files.studenti.rows,
    absences: files.assenze.rows,
    grades: files.voti.rows,
    outcomes: files.esiti.rows,
    files: FILE_NAMES.length,
  };
}
