import { parseArgs } from 'node:util';
import { parseYearLabel } from './calendar.ts';
import { parseIsoDay } from './dates.ts';
import { defaultSchoolCount, generateRegion, type GenerateSummary } from './generate-region.ts';

const USAGE = `Uso: pnpm primm gen --students N --seed S --out CARTELLA [--schools K] [--year 2025/26] [--as-of AAAA-MM-GG] [--history-years H] [--json]

Genera una regione sintetica di scuole delle Marche nel formato di docs/data-format.md.
  --students N   numero di studenti (intero positivo)
  --seed S       seme (intero ≥ 0): stesso seme e stesse opzioni, stessi file byte per byte
  --out DIR      cartella di destinazione
  --schools K    numero di scuole (predefinito: studenti / 250, da 1 a 300)
  --year Y       anno scolastico (predefinito 2025/26)
  --as-of D      dati fino a questo giorno incluso (predefinito 2026-03-31)
  --history-years H  anni scolastici precedenti con i loro registri (assenze, voti, scrutini,
                 esiti finali), per il backtest: da 0 a 5 (predefinito 0)
  --json         stampa il riepilogo come un oggetto JSON sull'ultima riga`;

class FlagError extends Error {}

function positiveInt(name: string, value: string | undefined, allowZero = false): number {
  if (value === undefined) throw new FlagError(`--${name} è obbligatorio`);
  if (!/^\d+$/.test(value) || (!allowZero && Number(value) === 0) || !Number.isSafeInteger(Number(value))) {
    throw new FlagError(
      `--${name} deve essere un intero ${allowZero ? 'non negativo' : 'positivo'} (ricevuto: ${value})`,
    );
  }
  return Number(value);
}

function humanSummary(s: GenerateSummary, out: string, seconds: number): string {
  const n = (x: number) => x.toLocaleString('it-IT');
  return [
    `Regione sintetica scritta in ${out} in ${seconds.toFixed(1)} s`,
    `  scuole: ${n(s.schools)}, classi: ${n(s.classes)}, studenti: ${n(s.students)}, iscrizioni: ${n(s.enrolments)}`,
    `  assenze: ${n(s.absences)}, voti: ${n(s.grades)}, esiti: ${n(s.outcomes)}, file: ${n(s.files)}`,
  ].join('\n');
}

/** `pnpm primm gen …`; returns the exit code (0 ok, 2 bad flags, 1 failure). */
export async function runGenCommand(argv: string[]): Promise<number> {
  let options;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        students: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        schools: { type: 'string' },
        year: { type: 'string' },
        'as-of': { type: 'string' },
        'history-years': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const students = positiveInt('students', values.students);
    const seed = positiveInt('seed', values.seed, true);
    if (!values.out) throw new FlagError('--out è obbligatorio: la cartella dove scrivere le scuole');
    const schools =
      values.schools === undefined ? defaultSchoolCount(students) : positiveInt('schools', values.schools);
    if (schools > 300) throw new FlagError(`--schools deve essere al massimo 300 (ricevuto: ${schools})`);
    if (values.year !== undefined) {
      try {
        parseYearLabel(values.year);
      } catch {
        throw new FlagError(`--year deve essere un anno scolastico come 2025/26 (ricevuto: ${values.year})`);
      }
    }
    if (values['as-of'] !== undefined) {
      try {
        parseIsoDay(values['as-of']);
      } catch {
        throw new FlagError(`--as-of deve essere una data AAAA-MM-GG (ricevuto: ${values['as-of']})`);
      }
    }
    const historyYears =
      values['history-years'] === undefined ? 0 : positiveInt('history-years', values['history-years'], true);
    if (historyYears > 5) throw new FlagError(`--history-years deve essere al massimo 5 (ricevuto: ${historyYears})`);
    options = {
      students,
      seed,
      outDir: values.out,
      schools,
      year: values.year,
      asOf: values['as-of'],
      historyYears,
      json: values.json,
    };
  } catch (err) {
    const message =
      err instanceof FlagError
        ? err.message
        : `opzioni non valide: ${err instanceof Error ? err.message : String(err)}`;
    console.error(`Errore: ${message}\n\n${USAGE}`);
    return 2;
  }

  const started = performance.now();
  let lastPercent = -1;
  const summary = await generateRegion({
    students: options.students,
    seed: options.seed,
    outDir: options.outDir,
    schools: options.schools,
    historyYears: options.historyYears,
    ...(options.year ? { year: options.year } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
    onProgress: (done, total) => {
      const percent = Math.floor((100 * done) / total);
      if (percent !== lastPercent) {
        lastPercent = percent;
        process.stderr.write(`\rgenerazione: ${percent}% (${done}/${total} studenti)`);
      }
    },
  });
  process.stderr.write('\n');
  console.log(humanSummary(summary, options.outDir, (performance.now() - started) / 1000));
  if (options.json) console.log(JSON.stringify(summary));
  return 0;
}
