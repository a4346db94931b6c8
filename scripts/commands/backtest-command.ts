import type { BacktestReport } from '@primm/shared/contracts/backtest';
import { isMonthDay } from '../../server/src/backtest/cut-date';
import { computeBacktest } from '../../server/src/backtest/run-backtest';
import { HttpError } from '../../server/src/http/http-error';
import { withDatabase } from './open-db';
import { parseFlags } from './parse-flags';

const USAGE = `Uso: pnpm primm backtest --db FILE --year 2024/25 [--as-of MM-GG] [--json]

Verifica i livelli su un anno scolastico concluso: ricalcola il rischio di ogni studente con le
soglie più recenti su ciò che si sapeva alla data di taglio e lo confronta con gli esiti finali
(esito negativo: non ammesso, ritirato, abbandono; la sospensione del giudizio è contata a parte).
Dai registri dell'anno, o dalle istantanee conservate dopo la cancellazione (pnpm primm purge).
Non scrive nulla: la legenda della regione si salva dalla pagina "Affidabilità del modello".
  --db FILE        database SQLite (predefinito: PRIMM_DB o data/primm.sqlite)
  --year A         anno scolastico concluso, ad esempio 2024/25
  --as-of MM-GG    data di taglio (predefinita: la fine del primo periodo di ogni scuola)
  --json           stampa il rapporto come un oggetto JSON sull'ultima riga`;

/** `pnpm primm backtest`: exit 0 with the report, 2 on bad usage or a year it cannot replay. */
export async function runBacktestCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(
    argv,
    {
      db: { type: 'string' },
      year: { type: 'string' },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
    { positionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const year = values.year;
  if (!year || !/^\d{4}\/\d{2}$/.test(year)) {
    console.error(`Indica l'anno scolastico con --year, nel formato 2024/25.\n\n${USAGE}`);
    return 2;
  }
  const monthDay = values['as-of'];
  if (monthDay !== undefined && !isMonthDay(monthDay)) {
    console.error(`--as-of vuole un giorno nel formato MM-GG, ad esempio 01-31 (ricevuto: ${monthDay}).\n\n${USAGE}`);
    return 2;
  }
  return withDatabase(values.db, async (db) => {
    try {
      const { report } = await computeBacktest(db, {
        schoolYear: year,
        ...(monthDay ? { monthDay } : {}),
        onProgress: (done, total) => {
          process.stderr.write(`\rscuole ${done}/${total}   `);
        },
      });
      process.stderr.write('\n');
      console.log(values.json ? JSON.stringify(report) : describeReport(report));
      return 0;
    } catch (err) {
      if (err instanceof HttpError) {
        console.error(err.message);
        return 2;
      }
      throw err;
    }
  });
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1).replace('.', ',')} %`);
const num = (v: number | null, digits = 3) => (v === null ? '—' : v.toFixed(digits).replace('.', ','));

function describeReport(r: BacktestReport): string {
  const cut = r.cut_dates.length === 1 ? r.cut_dates[0] : r.cut_dates.join(', ');
  return [
    `Backtest ${r.school_year} (dati al ${cut}, da ${r.source === 'registri' ? 'registri' : 'istantanee conservate'}, soglie versione ${r.settings_version})`,
    `  ${r.n} studenti, ${r.positives} con esito negativo (${pct(r.bad_rate)}), ${r.suspended} con giudizio sospeso; esclusi: ${r.excluded.no_outcome} senza esito, ${r.excluded.transferred} trasferiti`,
    ...r.levels.map(
      (l) =>
        `  Livello ${l.level}: ${l.n} studenti (${pct(l.share)}), esito negativo ${pct(l.bad_rate)} (IC 95 % ${pct(l.ci_low)}–${pct(l.ci_high)}), sospesi ${pct(l.suspended_rate)}`,
    ),
    `  Livello ≥ 2: sensibilità ${pct(r.sensitivity)}, precisione ${pct(r.precision)}, specificità ${pct(r.specificity)}`,
    `  AUC del punteggio ${num(r.auc)}; probabilità (fuori campione): AUC ${num(r.auc_probability)}, Brier ${num(r.brier)}`,
  ].join('\n');
}
