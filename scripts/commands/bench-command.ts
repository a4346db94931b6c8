import { parseArgs } from 'node:util';
import { benchImport } from '../bench/import';

const USAGE = `Uso: pnpm primm bench <benchmark> [opzioni]

Benchmark:
  import [--rows N] [--json]   importa un assenze.csv generato di almeno N righe (predefinito
                               1 000 000) in un database nuovo e confronta con il .import della
                               shell sqlite3 sullo stesso file`;

const benchmarks: Record<string, (argv: string[]) => Promise<number>> = { import: runImportBench };

/** `pnpm primm bench <name>`: sub-benchmarks, each printing JSON on the last line with --json. */
export async function runBenchCommand(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const run = benchmarks[name];
  if (!run) {
    console.error(`Benchmark sconosciuto: ${name}\n\n${USAGE}`);
    return 2;
  }
  return run(rest);
}

async function runImportBench(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { rows: { type: 'string', default: '1000000' }, json: { type: 'boolean', default: false } } }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const rows = Number(values.rows);
  if (!Number.isSafeInteger(rows) || rows < 1) {
    console.error(`--rows deve essere un intero positivo (ricevuto: ${values.rows})`);
    return 2;
  }
  const result = await benchImport({ rows, log: (line) => process.stderr.write(`${line}\n`) });
  if (result.sqlite_cli_rows_per_s === null) process.stderr.write(`sqlite3 ${result.sqlite_cli}\n`);
  if (values.json) {
    console.log(JSON.stringify(result));
  } else {
    const n = (x: number) => x.toLocaleString('it-IT');
    console.log(`righe: ${n(result.rows)} (${n(result.students)} studenti)`);
    console.log(`primm: ${n(result.primm_rows_per_s)} righe/s (${result.primm_seconds} s, di cui ${result.primm_fixed_seconds} s fissi), picco RSS ${result.peak_rss_mb} MB`);
    console.log(result.sqlite_cli_rows_per_s === null ? `sqlite3: ${result.sqlite_cli}` : `sqlite3 .import: ${n(result.sqlite_cli_rows_per_s)} righe/s (${result.sqlite_cli_seconds} s), rapporto ${result.ratio}`);
  }
  return 0;
}
