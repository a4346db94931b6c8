import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseYearLabel } from './calendar.ts';
import { parseIsoDay } from './dates.ts';
import { Geography } from './geography.ts';
import { planRegion } from './plan-region.ts';
import { deriveSeed, Rng } from './random.ts';
import {
  DEFAULT_REFERENCE_DIR,
  loadMunicipalities,
  loadRegistry,
  MUNICIPALITIES_FILE,
  REGISTRY_FILE,
} from './reference.ts';
import { selectSchools } from './schools.ts';
import { CfRegistry } from './students.ts';
import { writeSchool } from './write-school.ts';

export interface GenerateOptions {
  students: number;
  seed: number;
  outDir: string;
  schools?: number;
  /** `2025/26` */
  year?: string;
  /** ISO date: data up to and including this day */
  asOf?: string;
  referenceDir?: string;
  /**
   * School years before `year` to write with their registers (attendance, grades, terms, final
   * outcomes), for backtests; 0 (default) keeps the output of one year, as the benchmarks use.
   */
  historyYears?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface GenerateSummary {
  schools: number;
  classes: number;
  students: number;
  enrolments: number;
  absences: number;
  grades: number;
  outcomes: number;
  files: number;
}

export function defaultSchoolCount(students: number): number {
  return Math.min(300, Math.max(1, Math.round(students / 250)));
}

/**
 * Writes a synthetic region in the format of docs/data-format.md: one folder per real school of
 * the ministry registry, schools written one at a time (bounded memory), byte-identical output
 * for the same options.
 */
/**
 * Bump when the same seed and options no longer give the same files (a calibration, a new
 * column): cached regions (`bench --keep`) are keyed by it, so an old one is not reused. 2: grade
 * means by school level (scripts/gen/grades.ts `BASE_MEAN`); 3: each past year's own luck in the
 * history (its `shock`), about 12 % foreign citizenship, and the option of past years' registers;
 * 4: `Data uscita` written as the first day out (docs/data-format.md), one day later than before.
 */
export const GENERATOR_VERSION = 4;

export async function generateRegion(options: GenerateOptions): Promise<GenerateSummary> {
  const year = options.year ?? '2025/26';
  const asOfIso = options.asOf ?? '2026-03-31';
  parseYearLabel(year);
  const asOf = parseIsoDay(asOfIso);
  if (!Number.isInteger(options.students) || options.students < 1)
    throw new Error('students deve essere un intero positivo');
  const schoolCount = options.schools ?? defaultSchoolCount(options.students);
  const historyYears = options.historyYears ?? 0;
  if (!Number.isInteger(historyYears) || historyYears < 0 || historyYears > 5)
    throw new Error('historyYears deve essere un intero da 0 a 5');
  const referenceDir = options.referenceDir ?? DEFAULT_REFERENCE_DIR;

  const [registry, municipalities] = await Promise.all([loadRegistry(referenceDir), loadMunicipalities(referenceDir)]);
  const geography = new Geography(municipalities);
  const specs = selectSchools(
    registry,
    municipalities,
    schoolCount,
    options.students,
    new Rng(deriveSeed(options.seed, 'schools')),
  );
  const cfRegistry = new CfRegistry();
  const plans = planRegion(specs, { seed: options.seed, yearLabel: year, asOf, geography, registry: cfRegistry });

  await mkdir(options.outDir, { recursive: true });
  const summary: GenerateSummary = {
    schools: plans.length,
    classes: 0,
    students: 0,
    enrolments: 0,
    absences: 0,
    grades: 0,
    outcomes: 0,
    files: 0,
  };
  let done = 0;
  for (const plan of plans) {
    const counts = await writeSchool(plan, {
      seed: options.seed,
      asOf,
      geography,
      registry: cfRegistry,
      outDir: options.outDir,
      historyYears,
    });
    summary.classes += counts.classes;
    summary.enrolments += counts.enrolments;
    summary.absences += counts.absences;
    summary.grades += counts.grades;
    summary.outcomes += counts.outcomes;
    summary.files += counts.files;
    done += plan.spec.students;
    options.onProgress?.(done, options.students);
  }
  summary.students = cfRegistry.size;

  const readme = [
    'primm-ews: regione sintetica (dati inventati, scuole e comuni reali)',
    '',
    `seme: ${options.seed}`,
    `studenti: ${options.students}`,
    `scuole: ${summary.schools}`,
    `anno scolastico: ${year}`,
    `anni precedenti con i registri: ${historyYears}`,
    `dati fino al: ${asOfIso}`,
    `formato: docs/data-format.md`,
    `fonti: ${REGISTRY_FILE} (Ministero dell'Istruzione e del Merito, open data), ${MUNICIPALITIES_FILE} (ISTAT, CC BY 3.0 IT)`,
    '',
    `classi: ${summary.classes}, iscrizioni: ${summary.enrolments}, assenze: ${summary.absences}, voti: ${summary.grades}, esiti: ${summary.outcomes}`,
    '',
  ].join('\n');
  await writeFile(path.join(options.outDir, 'README.txt'), readme, 'utf8');
  summary.files += 1;
  return summary;
}
