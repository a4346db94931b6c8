import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `15/09/2025` → `2025-09-15` */
const iso = (d: string) => `${d.slice(6, 10)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
/** `2025-09-15` → `15/09/2025` */
const italian = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

function rows(text: string): string[][] {
  return text
    .split('\n')
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(';'));
}

export interface SchoolFiles {
  calendario: string;
  classi: string;
  studenti: string;
  assenze: string;
  voti: string;
}

const DAYS = 5;

/**
 * A week of new attendance for a school in the generator's format: for every `every`-th student
 * still enrolled, one full-day absence on each lesson day of their class among the next five
 * open days (not Sunday, not in a `sospensione`, not after the end of lessons) after the latest
 * date in the school's data (attendance or grades: the risk engine's "data as of"), skipping the
 * days their class timetable has no hours (docs/data-format.md). Pure: text in, CSV lines out.
 */
export function weekOfAbsences(files: SchoolFiles, every = 3): { lines: string[]; days: string[]; students: number } {
  const calendar = rows(files.calendario);
  const lessons = calendar.find((r) => r[1] === 'lezioni');
  if (!lessons) throw new Error('calendario senza riga lezioni');
  const lessonsEnd = iso(lessons[3]!);
  const closures = calendar.filter((r) => r[1] === 'sospensione').map((r) => [iso(r[2]!), iso(r[3]!)] as const);
  const timetables = new Map(rows(files.classi).map((r) => [r[1]!, r[4]!.split('-').map(Number)]));
  const latest = [...rows(files.assenze), ...rows(files.voti)]
    .map((r) => iso(r[1]!))
    .reduce((a, b) => (b > a ? b : a), '');
  if (latest === '') throw new Error('nessuna data nei dati della scuola');

  // A school week: the next five days after the data that are open (not Sunday, not closed).
  const week: string[] = [];
  for (let i = 1; week.length < DAYS && i <= 60; i++) {
    const d = new Date(`${latest}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + i);
    const day = d.toISOString().slice(0, 10);
    if (day > lessonsEnd) break;
    if (d.getUTCDay() !== 0 && !closures.some(([from, to]) => day >= from && day <= to)) week.push(day);
  }
  const lines: string[] = [];
  const days = new Set<string>();
  let students = 0;
  for (const [i, s] of rows(files.studenti)
    .filter((r) => (r[13] ?? '') === '')
    .entries()) {
    if (i % every !== 0) continue;
    const timetable = timetables.get(s[11]!);
    if (!timetable) continue;
    let any = false;
    for (const day of week) {
      // getUTCDay: 0 = Sunday; the timetable lists Monday…Saturday
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const hours = weekday === 0 ? 0 : (timetable[weekday - 1] ?? 0);
      if (hours === 0) continue;
      lines.push(`${s[0]};${italian(day)};assenza;${hours};N;`);
      days.add(day);
      any = true;
    }
    if (any) students += 1;
  }
  return { lines, days: [...days].sort(), students };
}

/** Appends `weekOfAbsences` to the `assenze.csv` of a school folder (a copy: never the cache). */
export function appendWeekOfAbsences(schoolDir: string): { rows: number; days: string[]; students: number } {
  const read = (name: string) => readFileSync(join(schoolDir, name), 'utf8');
  const week = weekOfAbsences({
    calendario: read('calendario.csv'),
    classi: read('classi.csv'),
    studenti: read('studenti.csv'),
    assenze: read('assenze.csv'),
    voti: read('voti.csv'),
  });
  if (week.lines.length === 0) throw new Error(`nessun giorno di lezione dopo i dati di ${schoolDir}`);
  const current = read('assenze.csv');
  appendFileSync(join(schoolDir, 'assenze.csv'), `${current.endsWith('\n') ? '' : '\n'}${week.lines.join('\n')}\n`);
  return { rows: week.lines.length, days: week.days, students: week.students };
}
