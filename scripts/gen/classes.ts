import type { Rng } from './random.ts';
import type { SchoolSpec } from './schools.ts';
import { type Curriculum, curriculumById } from './subjects.ts';

export interface ClassSpec {
  name: string;
  grade: number;
  section: string;
  curriculum: Curriculum;
  /** hours Monday … Saturday */
  timetable: number[];
  weeklyHours: number;
  /** DPR 122/2009 art. 14: 33 weeks × weekly hours */
  annualHours: number;
  /** students whose home class this is */
  size: number;
}

const SECTIONS = 'ABCDEFGHILMNOPQRSTUVZ';
/** Upper-secondary classes shrink from the first to the fifth year (repeaters and leavers). */
const UPPER_GRADE_SHAPE = [1.16, 1.05, 0.99, 0.93, 0.87];

/**
 * Spreads the weekly hours over 5 days (Monday–Friday, extra hours on Wednesday and Thursday
 * first, as in `6-6-7-7-6-0`) or 6 days (extra hours from Monday, as in `6-5-5-5-5-4`).
 */
export function timetableFor(weeklyHours: number, sixDays: boolean): number[] {
  const days = sixDays ? 6 : 5;
  const base = Math.floor(weeklyHours / days);
  const extra = weeklyHours - base * days;
  const order = sixDays ? [0, 1, 2, 3, 4, 5] : [2, 3, 1, 4, 0];
  const t = [0, 0, 0, 0, 0, 0].map((_, i) => (i < days ? base : 0));
  for (let i = 0; i < extra; i++) t[order[i]!]!++;
  return t;
}

function splitEvenly(total: number, parts: number, rng: Rng): number[] {
  const sizes = Array.from({ length: parts }, () => Math.floor(total / parts));
  const remainder = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < remainder; i++) sizes[i % parts]!++;
  // move a student or two between sections so sizes are not all identical
  for (let k = 0; k < parts; k++) {
    const from = rng.int(0, parts - 1);
    const to = rng.int(0, parts - 1);
    if (sizes[from]! > 16 && sizes[to]! < 29) {
      sizes[from]!--;
      sizes[to]!++;
    }
  }
  return sizes;
}

/** Classes of a school: sections per year so that classes hold 15–30 students (about 22). */
export function buildClasses(school: SchoolSpec, rng: Rng): ClassSpec[] {
  const sixDays = rng.chance(school.level === 'primo grado' ? 0.4 : 0.55);
  const prolungato = school.level === 'primo grado' && rng.chance(0.25);
  const curricula = school.curricula.map(curriculumById);
  const years = curricula[0]!.years;
  const shape = years === 5 ? UPPER_GRADE_SHAPE : [1, 1, 1];
  const shapeSum = shape.reduce((a, b) => a + b, 0);
  const classes: ClassSpec[] = [];
  const perCurriculum = splitEvenly(school.students, curricula.length, rng);
  for (let grade = 1; grade <= years; grade++) {
    let letter = 0;
    curricula.forEach((curriculum, ci) => {
      const n = Math.max(1, Math.round((perCurriculum[ci]! * shape[grade - 1]!) / shapeSum));
      const sections = Math.max(1, Math.round(n / 22));
      for (const size of splitEvenly(n, sections, rng)) {
        // tempo prolungato (36 h) runs in some sections of the schools that offer it
        const hours = prolungato && letter % 3 === 2 ? 36 : curriculum.hours[grade - 1]!;
        const section =
          SECTIONS[letter % SECTIONS.length]! +
          (letter >= SECTIONS.length ? String(Math.floor(letter / SECTIONS.length)) : '');
        classes.push({
          name: `${grade}${section}`,
          grade,
          section,
          curriculum,
          timetable: timetableFor(hours, sixDays),
          weeklyHours: hours,
          annualHours: 33 * hours,
          size,
        });
        letter++;
      }
    });
  }
  // rounding per year may leave the total a few students off: settle it on the largest classes
  let diff = school.students - classes.reduce((a, c) => a + c.size, 0);
  const bySize = classes.slice().sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
  // (a school with fewer students than classes, one per year and indirizzo, cannot shrink below one
  // student a class: the loop stops there, instead of turning for ever as it did for 10 students
  // spread on three indirizzi of five years, and the last classes are left out below)
  const canShrink = () => classes.some((c) => c.size > 1);
  for (let i = 0; diff !== 0 && bySize.length > 0 && (diff > 0 || canShrink()); i++) {
    const c = bySize[i % bySize.length]!;
    if (diff > 0) {
      c.size++;
      diff--;
    } else if (c.size > 1) {
      c.size--;
      diff++;
    }
  }
  // still too many classes: the highest years go (classes are in year order), one student each
  if (diff < 0) classes.splice(classes.length + diff);
  return classes;
}
