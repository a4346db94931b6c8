import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportContext } from './import-context';
import { bundleSource, readBundle } from './oneroster-bundle';
import {
  writeAbsencesFile,
  writeCalendarFile,
  writeClassesFile,
  writeGradesFile,
  writeOutcomesFile,
  writeSchoolFile,
  writeStudentsFile,
  type GradesProgress,
} from './oneroster-writers';

/**
 * OneRoster CSV bundles (IMS Global), for schools whose platform speaks it, are turned into
 * school folders of docs/data-format.md and then imported like any other: one set of rules for
 * what a valid student, class or grade is. What OneRoster lacks is taken from documented
 * defaults and said in the preview (warnings), what our schema needs and the bundle lacks
 * rejects the row with the bundle's own file and line. Bundles as platforms write them (issue
 * 24): 1.1 as the reference; 1.0 without manifest.csv and with singular columns (`grade`,
 * `termSourcedId`, `userId`); 1.2 with the roles in roles.csv and files we do not read
 * (userProfiles.csv); `metadata.*` extension columns; rows `tobedeleted`, left aside and counted.
 *
 * Reading the bundle is oneroster-bundle.ts; each file of a school folder has its own writer in
 * oneroster-writers.ts.
 */
export function isOneRosterBundle(dir: string): boolean {
  if (!existsSync(join(dir, 'orgs.csv'))) return false;
  // OneRoster 1.0 had no manifest.csv: its bundles are told by their three core files.
  return (
    existsSync(join(dir, 'manifest.csv')) ||
    (existsSync(join(dir, 'users.csv')) && existsSync(join(dir, 'enrollments.csv')))
  );
}

/**
 * Writes one school folder per `orgs.csv` school of the bundle under `outDir` and returns them.
 * Files of the bundle are small except results.csv, which is streamed.
 */
export async function convertOneRoster(
  ctx: ImportContext,
  bundle: string,
  outDir: string,
  label?: string,
): Promise<string[]> {
  const src = bundleSource(ctx, bundle, label);
  const rows = await readBundle(src);
  const folders: string[] = [];
  const grades: GradesProgress = { resultsCounted: false, scaledWarned: false };
  for (const org of rows.orgs) {
    const code = (org.identifier ?? '').trim().toUpperCase();
    if (!/^[A-Z]{2}[A-Z0-9]{8}$/.test(code)) {
      src.issue(
        'orgs.csv',
        org,
        'identifier',
        `identifier deve essere il codice meccanografico della scuola: "${org.identifier ?? ''}"`,
      );
      continue;
    }
    const orgClasses = rows.classes.filter((c) => c.schoolsourcedid === org.sourcedid);
    const known = await ctx.trx.selectFrom('school').selectAll().where('code', '=', code).executeTakeFirst();
    if (!known)
      src.warn(
        'orgs.csv',
        `scuola ${code} non ancora nel registro: tipologia e comune mancano (importate prima l'anagrafe del Ministero)`,
      );
    const dir = join(outDir, code);
    mkdirSync(dir, { recursive: true });
    folders.push(dir);

    await writeSchoolFile(dir, code, org, known, orgClasses);
    await writeCalendarFile(dir, rows);
    const classes = await writeClassesFile(src, dir, rows, orgClasses);
    const students = await writeStudentsFile(src, dir, rows, classes);
    await writeAbsencesFile(dir);
    await writeOutcomesFile(dir);
    await writeGradesFile(src, dir, rows, classes, students, grades);
  }
  return folders;
}

/** The bundle folders under `dir` (itself, or its direct subfolders). */
export function findOneRosterBundles(dir: string): string[] {
  if (isOneRosterBundle(dir)) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isOneRosterBundle(join(dir, d.name)))
    .map((d) => join(dir, d.name))
    .sort();
}
