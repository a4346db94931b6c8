import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRegion } from '../../../scripts/gen/generate-region';
import type { Db } from '../db/open-database';
import { importPaths, type ImportSummary } from '../imports/import-paths';

/**
 * The demo region of `pnpm start`: about 3 000 students in 12 real schools, always the same, with
 * the registers of the two school years before (issue 18: so a backtest has past outcomes to check).
 */
export const DEMO_REGION = { students: 3000, schools: 12, seed: 2026, historyYears: 2 } as const;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return !(await db.selectFrom('school').select('id').limit(1).executeTakeFirst());
}

/**
 * Generates the demo region's register exports and loads them through the one import pipeline,
 * exactly as a school's files would be loaded.
 */
export async function loadDemoRegion(
  db: Db,
  pseudonymKey: string,
  log: (line: string) => void = () => {},
): Promise<ImportSummary> {
  const dir = mkdtempSync(join(tmpdir(), 'primm-demo-'));
  try {
    log(`Genero la regione dimostrativa (${DEMO_REGION.students} studenti, ${DEMO_REGION.schools} scuole)…`);
    await generateRegion({ ...DEMO_REGION, outDir: dir });
    log('Importo i dati delle scuole…');
    return await importPaths(db, [dir], {
      pseudonymKey,
      source: 'demo',
      onProgress: ({ phase, school, done, total }) => {
        if (phase === 'import') log(`  ${done}/${total} ${school}`);
        else if (done === 0) log('Calcolo il rischio di ogni scuola…');
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
