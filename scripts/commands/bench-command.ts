import { parseArgs } from 'node:util';
import { benchApi } from '../bench/api';
import { benchImport } from '../bench/import';
import { describeMachine, formatMachine } from '../bench/machine';
import { isPostgresUrl } from '../bench/bench-database';
import { benchRecompute } from '../bench/recompute';
import { benchWeb } from '../bench/web';
import { benchWebTiming } from '../bench/web-timing';

const USAGE = `Uso: pnpm primm bench [<benchmark>] [opzioni]   (senza benchmark: tutti, uno dopo l'altro)

Benchmark:
  import [--rows N] [--database-url URL] [--json]
                               importa un assenze.csv generato di almeno N righe (predefinito
                               1 000 000) in un database nuovo e confronta con il .import della
                               shell sqlite3 sullo stesso file; con --database-url postgres://…
                               anche in PostgreSQL (uno schema nuovo), contro il \\copy di psql
  recompute [--students N] [--seed S] [--keep DIR] [--database-url URL] [--json]
                               genera e importa la regione (predefinito 200 000 studenti, seme 1),
                               poi misura il ricalcolo completo, lo stesso senza cambiamenti e il
                               ricalcolo incrementale dopo la reimportazione di una scuola con una
                               settimana di assenze nuove (obiettivi: < 10 s, < 1 s); con
                               --database-url postgres://… lo stesso su PostgreSQL, in uno schema
                               nuovo (la regione vi è importata ogni volta, poi lo schema è tolto)
  api [--students N] [--seed S] [--duration S] [--keep DIR] [--json]
                               avvia il server sulla regione generata (predefinito 20 000 studenti;
                               anche --students 200000) e lo carica con autocannon per S secondi a
                               rotta (predefinito 10), 10 connessioni: p50/p95/p99 e richieste/s
                               (obiettivi p95: lista di classe < 50 ms, aggregati < 200 ms)
  web [--no-build] [--no-browser] [--runs N] [--keep DIR] [--json]
                               gzip del JavaScript iniziale della build (obiettivo ≤ 250 KB); poi,
                               in Chromium sulla regione dimostrativa, N volte (predefinito 5): primo
                               disegno della cornice dell'app, e dal clic su uno studente della lista
                               di classe alla sintesi e al primo grafico della sua pagina (obiettivi:
                               sintesi ≤ 0,5 s, grafico ≤ 2 × la cornice); --keep DIR conserva il
                               database dimostrativo in DIR/demo
  all [--keep DIR] [--json]    tutti i precedenti con le opzioni predefinite

--keep DIR conserva regione generata e database importato in DIR (una cartella per studenti e
seme) e li riusa alle esecuzioni successive; senza, si lavora in una cartella temporanea.`;

/** What a benchmark measured: its JSON, its human lines, and whether the run is valid. */
interface Outcome {
  result: object;
  lines: string[];
  ok: boolean;
}
type Bench = (argv: string[]) => Promise<Outcome>;
const benchmarks: Record<string, Bench> = {
  import: runImportBench,
  recompute: runRecomputeBench,
  api: runApiBench,
  web: runWebBench,
  all: runAll,
};
const log = (line: string) => process.stderr.write(`${line}\n`);

/** `pnpm primm bench [name]`: sub-benchmarks, each printing JSON on the last line with --json. */
export async function runBenchCommand(argv: string[]): Promise<number> {
  const [first, ...others] = argv;
  if (first === '--help' || first === '-h') {
    console.log(USAGE);
    return 0;
  }
  const [name, rest] = first === undefined || first.startsWith('--') ? ['all', argv] : [first, others];
  const run = benchmarks[name];
  if (!run) {
    console.error(`Benchmark sconosciuto: ${name}\n\n${USAGE}`);
    return 2;
  }
  log(formatMachine(describeMachine()));
  try {
    const { result, lines, ok } = await run(rest);
    if (rest.includes('--json')) console.log(JSON.stringify({ ...result, machine: describeMachine() }));
    else for (const line of lines) console.log(line);
    return ok ? 0 : 1;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

class UsageError extends Error {}

function options<T extends Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>>(
  argv: string[],
  spec: T,
) {
  try {
    return parseArgs({ args: argv, options: { ...spec, json: { type: 'boolean', default: false } } }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

function seedOf(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new UsageError(`--seed deve essere un intero non negativo (ricevuto: ${String(value)})`);
  return n;
}

function positive(name: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--${name} deve essere un intero positivo (ricevuto: ${String(value)})`);
  return n;
}

async function runImportBench(argv: string[]): Promise<Outcome> {
  const values = options(argv, { rows: { type: 'string', default: '1000000' }, 'database-url': { type: 'string' } });
  const rows = positive('rows', values.rows);
  const databaseUrl = values['database-url'] as string | undefined;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl))
    throw new UsageError(`--database-url deve essere un indirizzo postgres:// (ricevuto: ${databaseUrl})`);
  const result = await benchImport({ rows, databaseUrl, log });
  if (result.sqlite_cli_rows_per_s === null) log(`sqlite3 ${result.sqlite_cli}`);
  const n = (x: number) => x.toLocaleString('it-IT');
  return {
    result,
    ok: true,
    lines: [
      `righe: ${n(result.rows)} (${n(result.students)} studenti)`,
      `primm: ${n(result.primm_rows_per_s)} righe/s (${result.primm_seconds} s, di cui ${result.primm_fixed_seconds} s fissi), picco RSS ${result.peak_rss_mb} MB`,
      `  poi ricalcolo del rischio: ${result.primm_recompute_seconds} s (con il ricalcolo: ${n(result.primm_with_recompute_rows_per_s)} righe/s)`,
      result.sqlite_cli_rows_per_s === null
        ? `sqlite3: ${result.sqlite_cli}`
        : `sqlite3 .import: ${n(result.sqlite_cli_rows_per_s)} righe/s (${result.sqlite_cli_seconds} s), rapporto ${result.ratio}`,
      ...(result.sqlite_schema_floor_seconds === null
        ? []
        : [
            `sqlite3, stesse righe nello schema del progetto: ${result.sqlite_schema_floor_seconds} s (primm ne fa ${result.ratio_to_schema_floor})`,
          ]),
      `SQLite da solo, tutte le righe dell'importazione: ${result.sqlite_import_floor_seconds} s${result.ratio_ceiling === null ? '' : ` (rapporto massimo possibile: ${result.ratio_ceiling})`}`,
      ...(result.pg_primm_rows_per_s === null
        ? []
        : [
            `PostgreSQL: primm ${n(result.pg_primm_rows_per_s)} righe/s (${result.pg_primm_seconds} s), psql \\copy ${n(result.pg_psql_copy_rows_per_s!)} righe/s (${result.pg_psql_copy_seconds} s), rapporto ${result.pg_ratio}`,
            `PostgreSQL da solo, tutte le righe dell'importazione: ${result.pg_import_floor_seconds} s (rapporto massimo possibile: ${result.pg_ratio_ceiling})`,
          ]),
    ],
  };
}

async function runRecomputeBench(argv: string[]): Promise<Outcome> {
  const values = options(argv, {
    students: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'string' },
    'database-url': { type: 'string' },
  });
  const databaseUrl = values['database-url'] as string | undefined;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl))
    throw new UsageError(`--database-url deve essere un indirizzo postgres:// (ricevuto: ${databaseUrl})`);
  const r = await benchRecompute({
    students: positive('students', values.students),
    seed: seedOf(values.seed),
    cacheDir: values.keep as string | undefined,
    databaseUrl,
    log,
  });
  return {
    result: r,
    ok: true,
    lines: [
      `studenti: ${r.students} in ${r.schools} scuole (cache: ${r.cache}${r.cache_reused ? ', riusata' : ''})`,
      ...(r.pg_import_s === null ? [] : [`PostgreSQL: regione importata in ${r.pg_import_s} s`]),
      `ricalcolo completo: ${r.full_s} s (${r.full_written} righe scritte, ${r.threads} ${r.database === 'sqlite' ? 'thread' : 'scuole alla volta'}; obiettivo < 10 s), senza cambiamenti: ${r.full_unchanged_s} s, rilettura di ogni scuola: ${r.full_rehash_s} s`,
      `reimportazione di ${r.incremental_school} (${r.incremental_school_students} studenti, ${r.incremental_new_rows} assenze nuove): ${r.incremental_import_s} s`,
      `  poi ricalcolo incrementale: ${r.incremental_s} s (${r.incremental_written} righe; obiettivo < 1 s)`,
      `picco RSS: ${r.peak_rss_mb} MB`,
    ],
  };
}

async function runApiBench(argv: string[]): Promise<Outcome> {
  const values = options(argv, {
    students: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    keep: { type: 'string' },
  });
  const r = await benchApi({
    students: positive('students', values.students),
    seed: seedOf(values.seed),
    duration: positive('duration', values.duration),
    cacheDir: values.keep as string | undefined,
    log,
  });
  // A refused or failed request is fast and would flatter the figures: such a run does not count.
  const ok = Object.values(r.routes).every((s) => s.non2xx === 0 && s.errors === 0 && s.requests > 0);
  if (!ok)
    log(
      'ATTENZIONE: risposte non 2xx, errori o nessuna risposta nel tempo dato (--duration più lungo?): i tempi non valgono',
    );
  return {
    result: r,
    ok,
    lines: [
      `studenti: ${r.students}, ${r.connections} connessioni, ${r.duration_s} s a rotta`,
      'rotta | da sola ms | p50 ms | p95 ms | p99 ms | richieste/s | risposte | non 2xx',
      ...Object.entries(r.routes).map(
        ([name, s]) =>
          `${name} | ${s.single_ms} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.rps} | ${s.requests} | ${s.non2xx}`,
      ),
    ],
  };
}

async function runWebBench(argv: string[]): Promise<Outcome> {
  const values = options(argv, {
    'no-build': { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    keep: { type: 'string' },
  });
  const r = benchWeb({ build: !values['no-build'], log });
  const lines = [
    `JavaScript iniziale: ${r.initial_js_gzip_kb} KB gzip (obiettivo ≤ ${r.target_kb} KB), tutto il JavaScript: ${r.total_js_gzip_kb} KB gzip`,
    ...r.chunks.map((c) => `  ${c.file}: ${c.bytes} B, ${c.gzip_bytes} B gzip`),
  ];
  if (values['no-browser']) return { result: r, ok: true, lines };
  const timing = await benchWebTiming({
    runs: positive('runs', values.runs),
    keep: values.keep as string | undefined,
    log,
  });
  const { median: m, goals } = timing;
  return {
    result: { ...r, timing },
    ok: true,
    lines: [
      ...lines,
      `Chromium, ${timing.runs.length} esecuzioni (mediane), carico medio 1 min ${timing.load_avg_1m.before} → ${timing.load_avg_1m.after}:`,
      `  cornice dell'app, primo disegno: ${m.shell_ms} ms (con il menu dell'utente: ${m.shell_nav_ms} ms); lista della classe: ${m.class_list_ms} ms`,
      `  dal clic sullo studente: sintesi ${m.summary_ms} ms (obiettivo ≤ ${goals.summary_ms} ms${timing.met.summary ? '' : ', NON raggiunto'}), primo grafico ${m.chart_ms} ms = ${timing.chart_to_shell} × la cornice (obiettivo ≤ ${goals.chart_to_shell}${timing.met.chart ? '' : ', NON raggiunto'})`,
    ],
  };
}

/** Each benchmark with its defaults, one after the other; the JSON holds all their results. */
async function runAll(argv: string[]): Promise<Outcome> {
  const { keep } = options(argv, { keep: { type: 'string' } });
  const cache = typeof keep === 'string' ? ['--keep', keep] : [];
  const result: Record<string, object> = {};
  const lines: string[] = [];
  let ok = true;
  for (const name of ['import', 'recompute', 'api', 'web'] as const) {
    log(`\n== bench ${name} ==`);
    const one = await benchmarks[name]!(name === 'recompute' || name === 'api' || name === 'web' ? cache : []);
    result[name] = one.result;
    lines.push(`== ${name} ==`, ...one.lines);
    ok &&= one.ok;
  }
  return { result, lines, ok };
}
