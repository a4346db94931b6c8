import { basename } from 'node:path';
import { NAME_MAX } from '@primm/shared/text/check-name';
import type { SchoolRow } from '../db/database';
import type { Db } from '../db/open-database';
import { RowError, forEachRecord, type Fields } from './csv-file';
import { describeChanges, noteDate, noteUpdate } from './file-stats';
import { reject, tally, type ImportContext, type RowChange } from './import-context';
import { assertSchoolsInScope } from './import-scope';
import { nameField, optionalNameField } from './name-field';
import { parseDate } from './parse-values';
import { newSchoolState, type SchoolState } from './school-state';
import { requiredColumns } from '@primm/shared/import-format/school-files';

const PROVINCES = new Set(['AN', 'AP', 'FM', 'MC', 'PU']);
const LEVELS: Record<string, 'primo_grado' | 'secondo_grado'> = {
  'primo grado': 'primo_grado',
  'secondo grado': 'secondo_grado',
};

/**
 * scuola.csv: creates or updates the school; returns its state, or undefined when unreadable.
 * Every code the file names, in any row and under any column name, is checked against the
 * import's scope before anything is written (ImportScopeError); a file of more than one row
 * refuses the whole folder, whichever row is valid: the folder's other files are one school's.
 */
export async function loadSchool(ctx: ImportContext, dir: string): Promise<SchoolState | undefined> {
  const named: string[] = [];
  const valid: SchoolFields[] = [];
  const lines: number[] = [];
  await forEachRecord(ctx, dir, 'scuola.csv', requiredColumns('scuola.csv'), async (f, line): Promise<null> => {
    lines.push(line);
    const codes = [...new Set(f.all('Codice meccanografico').map((c) => c.toUpperCase()))];
    named.push(...codes);
    if (codes.length > 1)
      throw new RowError(
        'Codice meccanografico',
        `due codici meccanografici diversi nella stessa riga: ${codes.join(', ')}`,
      );
    valid.push(await parseSchool(ctx, f, codes[0] ?? ''));
    return null; // tallied below, once the file is known to name one school
  });
  await assertSchoolsInScope(ctx, named);
  if (lines.length > 1) {
    reject(ctx, {
      file: `${basename(dir)}/scuola.csv`,
      line: lines[1]!,
      column: '',
      message: `scuola.csv deve contenere una sola scuola, ha ${lines.length} righe: nessun file della cartella importato`,
    });
    return undefined;
  }
  const row = valid[0];
  if (!row) return undefined;
  const { id, change } = await upsertSchool(ctx, row);
  tally(ctx, change);
  return newSchoolState(id);
}

async function parseSchool(ctx: ImportContext, f: Fields, code: string): Promise<SchoolFields> {
  if (code === '') throw new RowError('Codice meccanografico', 'valore mancante in "Codice meccanografico"');
  if (!/^[A-Z]{2}[A-Z0-9]{8}$/.test(code))
    throw new RowError('Codice meccanografico', `codice meccanografico non valido: "${code}"`);
  const province = f.required('Provincia').toUpperCase();
  if (!PROVINCES.has(province)) throw new RowError('Provincia', `provincia non delle Marche: "${province}"`);
  const level = LEVELS[f.required('Grado').toLowerCase()];
  if (!level) throw new RowError('Grado', 'grado: atteso "primo grado" o "secondo grado"');
  const cadastral = f.get('Codice catastale comune').toUpperCase() || null;
  const municipality = cadastral ? await findMunicipalityIstat(ctx.trx, cadastral) : null;
  const name = nameField(f.required('Denominazione'), 'Denominazione', NAME_MAX.school);
  return {
    code,
    name,
    institute_code: (f.get('Codice istituto') || code).toUpperCase(),
    institute_name:
      optionalNameField(f.get('Denominazione istituto'), 'Denominazione istituto', NAME_MAX.school) ?? name,
    province_code: province,
    municipality_istat: municipality,
    municipality_name: nameField(f.required('Comune'), 'Comune', NAME_MAX.place),
    cadastral_code: cadastral,
    kind: nameField(f.required('Tipologia'), 'Tipologia', NAME_MAX.school),
    level,
    address: optionalNameField(f.get('Indirizzo stradale'), 'Indirizzo stradale', NAME_MAX.school),
  };
}

/**
 * A school as its files describe it: every column but the id and the timestamps. `paritaria` only
 * from a registry that says it (SCUANAGRAFEPAR…csv, SCUANAGRAFESTAT…csv): a school folder or a
 * OneRoster bundle does not, and leaves the stored mark as it is.
 */
export type SchoolFields = Omit<SchoolRow, 'id' | 'created_at' | 'updated_at' | 'paritaria'> & { paritaria?: number };

/**
 * Insert-or-update of a school by its codice meccanografico, within the import's scope (checked
 * here too, as the one place every loader writes a school through: the registry, OneRoster).
 */
export async function upsertSchool(ctx: ImportContext, row: SchoolFields): Promise<{ id: number; change: RowChange }> {
  await assertSchoolsInScope(ctx, [row.code]);
  const existing = await ctx.trx.selectFrom('school').selectAll().where('code', '=', row.code).executeTakeFirst();
  if (!existing) {
    const inserted = await ctx.trx
      .insertInto('school')
      .values({ ...row, created_at: ctx.now, updated_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.schools.set(row.code, { id: inserted.id, code: row.code, name: row.name, known: false });
    return { id: inserted.id, change: 'inserted' };
  }
  ctx.schools.set(row.code, { id: existing.id, code: row.code, name: row.name, known: true });
  const changed = (Object.keys(row) as (keyof SchoolFields)[]).filter(
    (k) => row[k] !== undefined && existing[k] !== row[k],
  );
  if (changed.length === 0) return { id: existing.id, change: 'unchanged' };
  noteUpdate(ctx, ctx.currentLine, describeChanges('school', changed, existing as never, row as never));
  await ctx.trx
    .updateTable('school')
    .set({ ...row, updated_at: ctx.now })
    .where('id', '=', existing.id)
    .execute();
  return { id: existing.id, change: 'updated' };
}

async function findMunicipalityIstat(db: Db, cadastral: string): Promise<string | null> {
  const m = await db
    .selectFrom('municipality')
    .select('istat_code')
    .where('cadastral_code', '=', cadastral)
    .executeTakeFirst();
  return m?.istat_code ?? null;
}

/** calendario.csv: school years, lesson period, terms and closures of the school. */
export async function loadCalendar(ctx: ImportContext, dir: string, state: SchoolState): Promise<void> {
  const rows: { year: string; kind: string; from: string; to: string; label: string; line: number }[] = [];
  await forEachRecord(ctx, dir, 'calendario.csv', requiredColumns('calendario.csv'), async (f, line): Promise<null> => {
    const year = f.required('Anno scolastico');
    if (!/^\d{4}\/\d{2}$/.test(year) || (Number(year.slice(0, 4)) + 1) % 100 !== Number(year.slice(5))) {
      throw new RowError('Anno scolastico', `anno scolastico non valido: "${year}" (es. 2025/26)`);
    }
    const kind = f.required('Tipo').toLowerCase();
    if (!['lezioni', 'periodo', 'sospensione'].includes(kind)) throw new RowError('Tipo', `tipo non valido: "${kind}"`);
    const from = parseDate(f.required('Dal'));
    const to = parseDate(f.required('Al'));
    if (!from) throw new RowError('Dal', 'data non valida');
    if (!to) throw new RowError('Al', 'data non valida');
    if (to < from) throw new RowError('Al', 'la data finale precede quella iniziale');
    const start = Number(year.slice(0, 4));
    if (from < `${start}-09-01` || to > `${start + 1}-08-31`)
      throw new RowError('Dal', `date fuori dall'anno scolastico ${year}`);
    noteDate(ctx, from);
    noteDate(ctx, to);
    rows.push({ year, kind, from, to, label: f.get('Descrizione'), line });
    return null; // tallied by writeCalendar, once the whole calendar is known
  });
  for (const change of await writeCalendar(ctx, state, rows)) tally(ctx, change);
}

async function writeCalendar(
  ctx: ImportContext,
  state: SchoolState,
  rows: { year: string; kind: string; from: string; to: string; label: string; line: number }[],
): Promise<RowChange[]> {
  const changes: RowChange[] = [];
  for (const label of [...new Set(rows.map((r) => r.year))].sort()) {
    const start = Number(label.slice(0, 4));
    const yearId = await ensureSchoolYear(ctx.trx, label, `${start}-09-01`, `${start + 1}-08-31`);
    state.years.set(label, yearId);
    const ofYear = rows.filter((r) => r.year === label);
    const lessons = ofYear.find((r) => r.kind === 'lezioni');
    if (!lessons) {
      // Without the lesson period no absence of that year can be checked against lesson days.
      for (const r of ofYear) {
        reject(ctx, {
          file: 'calendario.csv',
          line: r.line,
          column: 'Tipo',
          message: `manca la riga "lezioni" dell'anno ${label}`,
        });
      }
      continue;
    }
    changes.push(
      await upsertOne(
        ctx,
        'school_calendar',
        { school_id: state.schoolId, school_year_id: yearId },
        { lessons_start: lessons.from, lessons_end: lessons.to },
        lessons.line,
      ),
    );
    const terms = ofYear.filter((r) => r.kind === 'periodo').sort((a, b) => a.from.localeCompare(b.from));
    for (const [i, t] of terms.entries()) {
      changes.push(
        await upsertOne(
          ctx,
          'term',
          { school_id: state.schoolId, school_year_id: yearId, seq: i + 1 },
          { name: t.label || `Periodo ${i + 1}`, starts_on: t.from, ends_on: t.to },
          t.line,
        ),
      );
    }
    const closures = ofYear.filter((r) => r.kind === 'sospensione');
    for (const c of closures) {
      changes.push(
        await upsertOne(
          ctx,
          'school_closure',
          { school_id: state.schoolId, school_year_id: yearId, starts_on: c.from },
          { ends_on: c.to, reason: c.label || 'sospensione delle lezioni' },
          c.line,
        ),
      );
    }
    state.calendars.set(yearId, {
      yearId,
      startsOn: `${start}-09-01`,
      endsOn: `${start + 1}-08-31`,
      lessonsStart: lessons.from,
      lessonsEnd: lessons.to,
      closures: closures.map((c) => ({ startsOn: c.from, endsOn: c.to })),
    });
  }
  return changes;
}

export async function ensureSchoolYear(db: Db, label: string, startsOn: string, endsOn: string): Promise<number> {
  const found = await db.selectFrom('school_year').select('id').where('label', '=', label).executeTakeFirst();
  if (found) return found.id;
  const row = await db
    .insertInto('school_year')
    .values({ label, starts_on: startsOn, ends_on: endsOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

type Keyed = 'school_calendar' | 'term' | 'school_closure';

/** Insert-or-update of one calendar row found by its key columns. */
async function upsertOne(
  ctx: ImportContext,
  table: Keyed,
  key: Record<string, string | number>,
  values: Record<string, string | number>,
  line: number,
): Promise<RowChange> {
  let q = ctx.trx.selectFrom(table).selectAll();
  for (const [k, v] of Object.entries(key)) q = q.where(k as never, '=', v as never);
  const existing = (await q.executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!existing) {
    await ctx.trx
      .insertInto(table)
      .values({ ...key, ...values } as never)
      .execute();
    return 'inserted';
  }
  const changed = Object.keys(values).filter((k) => existing[k] !== values[k]);
  if (changed.length === 0) return 'unchanged';
  noteUpdate(ctx, line, describeChanges(table, changed, existing as never, values));
  await ctx.trx
    .updateTable(table)
    .set(values as never)
    .where('id', '=', existing.id as number)
    .execute();
  return 'updated';
}
