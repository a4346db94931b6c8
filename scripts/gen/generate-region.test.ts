import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isValidCodiceFiscale } from '../../shared/src/codice-fiscale.ts';
import { buildCalendar } from './calendar.ts';
import { dayOf, weekday } from './dates.ts';
import { generateRegion, type GenerateSummary } from './generate-region.ts';
import { gradeValue } from './grades.ts';
import { FILE_NAMES, HEADERS } from './headers.ts';

const OPTIONS = { students: 400, schools: 3, seed: 42 };
let root: string;
let dirA: string;
let summary: GenerateSummary;

function parse(text: string): Record<string, string>[] {
  // the generator never needs quotes in these files except in scuola.csv (checked separately)
  const [header, ...lines] = text.split('\n').filter((l) => l !== '');
  const cols = header!.split(';');
  return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [cols[i]!, v])));
}

function italianDay(s: string): number {
  const [d, m, y] = s.split('/').map(Number) as [number, number, number];
  return dayOf(y, m, d);
}

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort()) {
    hash.update(path.relative(dir, entry));
    hash.update(await readFile(entry));
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'primm-gen-'));
  dirA = path.join(root, 'a');
  summary = await generateRegion({ ...OPTIONS, outDir: dirA });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('generateRegion (400 students, 3 schools)', () => {
  test('when generated, then every school folder has the seven files with the headers of the spec', async () => {
    const schools = (await readdir(dirA)).filter((f) => f !== 'README.txt').sort();

    expect(schools).toHaveLength(3);
    expect(summary).toMatchObject({ schools: 3, students: 400, files: 3 * 7 + 1 });
    for (const school of schools) {
      for (const f of FILE_NAMES) {
        const text = await readFile(path.join(dirA, school, `${f}.csv`), 'utf8');
        expect(text.charCodeAt(0)).not.toBe(0xfeff);
        expect(text).not.toContain('\r');
        expect(text.split('\n')[0]).toBe(HEADERS[f].join(';'));
      }
    }
  });

  test('then students, absences and grades are consistent with the classes and the calendar', async () => {
    const asOf = dayOf(2026, 3, 31);
    const cfs = new Map<string, string>(); // cf → name + birth date
    let students = 0;
    let foreign = 0;
    for (const school of (await readdir(dirA)).filter((f) => f !== 'README.txt')) {
      const read = async (f: string) => parse(await readFile(path.join(dirA, school, `${f}.csv`), 'utf8'));
      const [scuola] = await read('scuola');
      const terms = (await read('calendario')).filter((r) => r.Tipo === 'periodo');
      const calendar = buildCalendar('2025/26', scuola!['Codice catastale comune']!, terms[0]!.Descrizione === 'Trimestre' ? 'trimestre-pentamestre' : 'quadrimestri');
      const lessonDays = new Set(calendar.lessonDays);
      const timetable = new Map((await read('classi')).map((c) => [c.Classe!, c.Orario!.split('-').map(Number)]));
      const enrolments = await read('studenti');
      const byCf = new Map<string, { cls: string; from: number; to: number }[]>();
      for (const s of enrolments) {
        expect(isValidCodiceFiscale(s['Codice fiscale']!)).toBe(true);
        const identity = `${s.Cognome} ${s.Nome} ${s['Data di nascita']}`;
        const seen = cfs.get(s['Codice fiscale']!);
        if (seen === undefined) {
          cfs.set(s['Codice fiscale']!, identity);
          students++;
          if (s.Cittadinanza !== 'Italia') foreign++;
        } else expect(seen).toBe(identity); // one CF, one person (class change or transfer)
        const list = byCf.get(s['Codice fiscale']!) ?? [];
        list.push({ cls: s.Classe!, from: italianDay(s['Data ingresso']!), to: s['Data uscita'] ? italianDay(s['Data uscita']) : Infinity });
        byCf.set(s['Codice fiscale']!, list);
      }
      for (const a of await read('assenze')) {
        const day = italianDay(a.Data!);
        const enrolment = byCf.get(a['Codice fiscale']!)!.find((e) => e.from <= day && day <= e.to);
        expect(enrolment, `${a['Codice fiscale']} ${a.Data}`).toBeDefined();
        const hours = timetable.get(enrolment!.cls)![weekday(day) - 1]!;
        expect(lessonDays.has(day)).toBe(true);
        expect(day).toBeLessThanOrEqual(asOf);
        expect(hours).toBeGreaterThan(0);
        expect(Number(a.Ore)).toBeGreaterThanOrEqual(1);
        expect(Number(a.Ore)).toBeLessThanOrEqual(hours);
        if (a.Tipo === 'assenza') expect(Number(a.Ore)).toBe(hours);
      }
      const gradeKeys = new Set<string>();
      for (const v of await read('voti')) {
        // one grade per student, day, subject and kind: the importer's natural key
        const key = `${v['Codice fiscale']}|${v.Data}|${v.Materia}|${v.Tipo}`;
        expect(gradeKeys.has(key)).toBe(false);
        gradeKeys.add(key);
        expect(italianDay(v.Data!)).toBeLessThanOrEqual(asOf);
        if (v.Materia === 'RELIGIONE CATTOLICA' || v.Materia === 'ATTIVITÀ ALTERNATIVA') {
          expect(['insufficiente', 'sufficiente', 'discreto', 'buono', 'distinto', 'ottimo']).toContain(v.Voto);
        } else {
          expect(v.Voto).toMatch(/^(NC|([2-9]|10)(\+|-|½|,5)?|([2-9])\/([3-9]|10))$/);
          expect(v.Tipo).toMatch(v.Materia === 'COMPORTAMENTO' ? /^Scrutinio$/ : /^(Scritto|Orale|Pratico)$/);
        }
      }
    }

    expect(students).toBe(400);
    // ≈ 10 % foreign citizens on average; a band wide enough for 3 schools
    expect(foreign / students).toBeGreaterThan(0.03);
    expect(foreign / students).toBeLessThan(0.25);
  });

  test('when generated, then failing subject averages are as common as the calibration says (grades.ts BASE_MEAN), with at-risk students still there', async () => {
    let subjects = 0;
    let failing = 0;
    let students = 0;
    let twoOrMore = 0;
    for (const school of (await readdir(dirA)).filter((f) => f !== 'README.txt')) {
      const bySubject = new Map<string, number[]>();
      for (const v of parse(await readFile(path.join(dirA, school, 'voti.csv'), 'utf8'))) {
        const value = gradeValue(v.Voto!);
        if (value === null || v.Materia === 'COMPORTAMENTO') continue;
        const key = `${v['Codice fiscale']}|${v.Materia}`;
        bySubject.set(key, [...(bySubject.get(key) ?? []), value]);
      }
      const failingOf = new Map<string, number>();
      for (const [key, values] of bySubject) {
        const cf = key.split('|')[0]!;
        subjects++;
        const fails = values.reduce((a, b) => a + b, 0) / values.length < 6;
        if (fails) failing++;
        failingOf.set(cf, (failingOf.get(cf) ?? 0) + (fails ? 1 : 0));
      }
      students += failingOf.size;
      twoOrMore += [...failingOf.values()].filter((n) => n >= 2).length;
    }

    // About 1 in 8 (upper secondary) to 1 in 12 (lower secondary); bands wide enough for 3 schools.
    expect(failing / subjects).toBeGreaterThan(0.05);
    expect(failing / subjects).toBeLessThan(0.16);
    expect(twoOrMore / students).toBeGreaterThan(0.08);
    expect(twoOrMore / students).toBeLessThan(0.32);
  });

  test('when run again with the same seed, then the bytes are identical; with another seed they differ', async () => {
    const again = path.join(root, 'b');
    const other = path.join(root, 'c');
    await generateRegion({ ...OPTIONS, outDir: again });
    await generateRegion({ ...OPTIONS, seed: 43, outDir: other });

    expect(await hashTree(again)).toBe(await hashTree(dirA));
    expect(await hashTree(other)).not.toBe(await hashTree(dirA));
  });
});
