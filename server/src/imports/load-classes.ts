import { parseTimetable } from '../school-data/timetable';
import { RowError, forEachRecord } from './csv-file';
import { tally, type ImportContext } from './import-context';
import { noteSkip } from './file-stats';
import { parseDecimal } from './parse-values';
import type { SchoolState } from './school-state';
import { RowSync, type Row } from './sync-rows';
import { requiredColumns } from '@primm/shared/import-format/school-files';

const TRACKS: Record<string, string> = {
  liceo: 'liceo',
  tecnico: 'tecnico',
  professionale: 'professionale',
  iefp: 'iefp',
};
const COMPARED = ['grade_level', 'track', 'timetable', 'weekly_hours', 'annual_hours'] as const;

/**
 * classi.csv: the classes of the school, by year and name (`3B`). Written as one batch (a region
 * has thousands of classes: an INSERT and a SELECT each were ≈ 3 s per 12 000 students on
 * PostgreSQL), their ids then read in one query.
 */
export async function loadClasses(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const existing = await ctx.trx.selectFrom('class').selectAll().where('school_id', '=', state.schoolId).execute();
  const known = new Map<string, Row>(existing.map((c) => [`${c.school_id}|${c.school_year_id}|${c.name}`, { ...c }]));
  const sync = new RowSync(ctx, 'class', ['school_id', 'school_year_id', 'name'], COMPARED, known);
  // The classes of the file, given their ids once written. A class listed twice: the later line
  // wins, and only it is written (two writes counted an update on every re-import of the same file).
  const listed = new Map<string, { yearId: number; timetable: number[]; row: Row; line: number }>();
  let repeated = 0;

  await forEachRecord(ctx, dir, 'classi.csv', requiredColumns('classi.csv'), (f, line) => {
    const year = f.required('Anno scolastico');
    const yearId = state.years.get(year);
    if (yearId === undefined || !state.calendars.has(yearId)) {
      throw new RowError('Anno scolastico', `anno ${year} assente da calendario.csv`);
    }
    const name = f.required('Classe').toUpperCase();
    const gradeLevel = Number(f.required('Anno di corso'));
    if (!Number.isInteger(gradeLevel) || gradeLevel < 1 || gradeLevel > 5)
      throw new RowError('Anno di corso', 'anno di corso: da 1 a 5');
    const trackText = f.get('Indirizzo').toLowerCase();
    const track = trackText === '' ? null : TRACKS[trackText];
    if (track === undefined) throw new RowError('Indirizzo', `indirizzo non valido: "${trackText}"`);
    let timetable: number[];
    try {
      timetable = parseTimetable(f.required('Orario'));
    } catch (err) {
      throw new RowError('Orario', (err as Error).message);
    }
    const weekly = timetable.reduce((a, b) => a + b, 0);
    const annual = parseDecimal(f.required('Monte ore annuo'));
    if (annual === undefined || annual <= 0 || annual > 2000)
      throw new RowError('Monte ore annuo', 'monte ore annuo non valido');

    const key = `${yearId}|${name}`;
    if (listed.delete(key)) repeated += 1;
    const row: Row = {
      school_id: state.schoolId,
      school_year_id: yearId,
      name,
      grade_level: gradeLevel,
      track,
      timetable: timetable.join('-'),
      weekly_hours: weekly,
      annual_hours: annual,
    };
    listed.set(key, { yearId, timetable, row, line });
    return null; // tallied below, once per class
  });
  if (repeated > 0 && ctx.currentFile)
    noteSkip(ctx.currentFile, 'classe ripetuta nel file: vale la riga più in basso', repeated);
  for (const { row, line } of listed.values()) {
    const change = sync.put(row, line);
    tally(ctx, change instanceof Promise ? await change : change);
  }
  await sync.flush();
  if (listed.size === 0) return;
  const ids = new Map<string, number>();
  for (const c of existing) ids.set(`${c.school_year_id}|${c.name}`, c.id);
  if ([...listed.keys()].some((k) => !ids.has(k))) {
    const all = await ctx.trx
      .selectFrom('class')
      .select(['id', 'school_year_id', 'name'])
      .where('school_id', '=', state.schoolId)
      .execute();
    for (const c of all) ids.set(`${c.school_year_id}|${c.name}`, c.id);
  }
  for (const [key, { yearId, timetable }] of listed) state.classes.set(key, { id: ids.get(key)!, yearId, timetable });
}
