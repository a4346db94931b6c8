import { buildCalendar, type SchoolCalendar, type TermScheme } from './calendar.ts';
import { buildClasses, type ClassSpec } from './classes.ts';
import { type Day, weekday } from './dates.ts';
import type { Geography } from './geography.ts';
import { deriveSeed, Rng } from './random.ts';
import type { SchoolSpec } from './schools.ts';
import { type CfRegistry, makePersona, type Persona } from './students.ts';

/** A student leaving one school for another during the year (a transfer, never a dropout). */
export interface Transfer {
  persona: Persona;
  fromCode: string;
  fromClass: string;
  exitDay: Day;
  /** null when the other school is outside the generated region */
  toCode: string | null;
  toClass: string | null;
  entryDay: Day | null;
}

export interface SchoolPlan {
  spec: SchoolSpec;
  classes: ClassSpec[];
  calendar: SchoolCalendar;
  outgoing: Transfer[];
  incoming: Transfer[];
}

/** ≈ 2 % of students move to another school during the year (MIM, trasferimenti in corso d'anno). */
const TRANSFER_RATE = 0.02;

/** A school's term scheme, the same every year (past years are written with it too). */
export function calendarScheme(seed: number, code: string): TermScheme {
  return new Rng(deriveSeed(seed, code, 'calendar')).chance(0.5) ? 'quadrimestri' : 'trimestre-pentamestre';
}

/** Hours of lesson of the class on that day by its timetable (Monday = index 0). */
export function hoursOn(cls: ClassSpec, day: Day): number {
  return cls.timetable[weekday(day) - 1] ?? 0;
}

export function classLessonDays(calendar: SchoolCalendar, cls: ClassSpec): Day[] {
  return calendar.lessonDays.filter((d) => hoursOn(cls, d) > 0);
}

function nextLessonDay(calendar: SchoolCalendar, day: Day): Day | null {
  return calendar.lessonDays.find((d) => d >= day) ?? null;
}

/**
 * Builds every school's classes and calendar and decides the transfers between them, so each
 * school can then be written on its own with the students it sends and receives.
 */
export function planRegion(
  specs: SchoolSpec[],
  opts: { seed: number; yearLabel: string; asOf: Day; geography: Geography; registry: CfRegistry },
): SchoolPlan[] {
  const plans: SchoolPlan[] = specs.map((spec) => {
    const scheme = calendarScheme(opts.seed, spec.code);
    return {
      spec,
      classes: buildClasses(spec, new Rng(deriveSeed(opts.seed, spec.code, 'classes'))),
      calendar: buildCalendar(opts.yearLabel, spec.cadastral, scheme),
      outgoing: [],
      incoming: [],
    };
  });

  for (const plan of plans) {
    const rng = new Rng(deriveSeed(opts.seed, plan.spec.code, 'transfers'));
    const { calendar } = plan;
    const lastExit = Math.min(opts.asOf, calendar.end) - 10;
    const firstExit = calendar.start + 20;
    if (lastExit <= firstExit) continue;
    const peers = plans.filter((p) => p !== plan && p.spec.level === plan.spec.level);
    const count = Math.floor(plan.spec.students * TRANSFER_RATE + rng.float());
    for (let i = 0; i < count; i++) {
      const from = rng.pick(plan.classes);
      const taken = plan.outgoing.filter((t) => t.fromClass === from.name).length;
      if (taken >= from.size - 1) continue;
      const exitDay = nextLessonDay(calendar, rng.int(firstExit, lastExit));
      if (exitDay === null || exitDay > lastExit) continue;
      const persona = makePersona({
        rng,
        geography: opts.geography,
        registry: opts.registry,
        school: plan.spec,
        curriculum: from.curriculum,
        grade: from.grade,
        startYear: calendar.startYear,
        lessonsStart: calendar.start,
        asOf: opts.asOf,
        arrivedBeforeStart: true,
      });
      // families move within the region most of the time; some leave it
      const to = peers.length > 0 && rng.chance(0.8) ? rng.pick(peers) : null;
      const toClass = to
        ? rng.pick(
            to.classes.filter((c) => c.grade === from.grade).length > 0
              ? to.classes.filter((c) => c.grade === from.grade)
              : to.classes,
          )
        : null;
      const entryDay = to ? nextLessonDay(to.calendar, exitDay + rng.int(3, 14)) : null;
      const transfer: Transfer = {
        persona,
        fromCode: plan.spec.code,
        fromClass: from.name,
        exitDay,
        toCode: to && toClass && entryDay !== null && entryDay <= opts.asOf ? to.spec.code : null,
        toClass: toClass?.name ?? null,
        entryDay,
      };
      plan.outgoing.push(transfer);
      if (to && transfer.toCode) to.incoming.push(transfer);
    }
  }
  return plans;
}
