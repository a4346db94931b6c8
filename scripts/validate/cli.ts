import { readFile } from 'node:fs/promises';
import { parseFlags } from '../commands/parse-flags';
import { UciFormatError, validateUci } from './uci';

const USAGE = `Uso: pnpm primm validate --format uci [--json] FILE

Verifica le regole di rischio su un file nel formato UCI Student Performance (student-mat.csv):
con i dati noti alla fine del primo periodo (assenze, bocciature, G1) prevede la bocciatura
finale (G3 < 10) con la regola dei livelli (livello ≥ 2), accanto a "G1 < 10" da solo, e con il
modello logistico del motore in validazione incrociata stratificata; stampa per livello il tasso
di bocciati con l'intervallo di Wilson, AUC, precisione, sensibilità, specificità, Brier, la
calibrazione per decili e, per sesso, residenza (address) e scuola, i tassi di falsi positivi e
falsi negativi con il rapporto rispetto al gruppo migliore (gruppi sotto i 10 studenti omessi).
  --format uci   formato del file (obbligatorio; per ora solo uci)
  --json         stampa il risultato come un oggetto JSON sull'ultima riga`;

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1).replace('.', ',')} %`;
const dec = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3).replace('.', ','));

/** `pnpm primm validate`: 0 ok, 1 unreadable file or format, 2 bad usage. */
export async function runValidateCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, { format: { type: 'string' }, json: { type: 'boolean', default: false } }, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.format !== 'uci') {
    console.error(
      `${values.format === undefined ? 'Indica il formato con --format uci.' : `Formato non supportato: ${values.format} (solo uci).`}\n\n${USAGE}`,
    );
    return 2;
  }
  if (positionals.length !== 1) {
    console.error(`Indica un solo file da verificare.\n\n${USAGE}`);
    return 2;
  }
  const file = positionals[0]!;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    console.error(`Impossibile leggere ${file}: ${(err as Error).message}`);
    return 1;
  }
  let result;
  try {
    result = validateUci(text);
  } catch (err) {
    if (err instanceof UciFormatError) {
      console.error(`${file}: ${err.message}`);
      return 1;
    }
    throw err;
  }
  if (result.skipped > 0) console.error(`${result.skipped} righe scartate (valori mancanti o fuori scala).`);
  if (values.json) {
    console.log(JSON.stringify(result));
    return 0;
  }
  const levelText = result.levels
    .map((l) => `${l.level}: ${l.n} (bocciati ${pct(l.bad_rate)}, IC 95 % ${pct(l.ci_low)}–${pct(l.ci_high)})`)
    .join('; ');
  const lines = [
    `Validazione su ${file}: ${result.n} studenti, ${result.positives} bocciati (G3 < 10).`,
    `Livelli: ${levelText}.`,
    `Regola livello ≥ 2: precisione ${pct(result.precision)}, sensibilità ${pct(result.sensitivity)}, specificità ${pct(result.specificity)}, accuratezza ${pct(result.accuracy)}`,
    `  AUC del punteggio ${dec(result.auc)}, precisione nel 10 % più a rischio ${pct(result.precision_at_10pct)}`,
    `G1 < 10 da solo: precisione ${pct(result.g1_baseline.precision)}, sensibilità ${pct(result.g1_baseline.sensitivity)}, accuratezza ${pct(result.g1_baseline.accuracy)}`,
  ];
  if (result.stability) {
    const b = result.stability.bootstrap;
    lines.push(
      `  accuratezza della regola meno quella di G1 < 10 (bootstrap, ${b.resamples} campioni): media ${dec(b.mean)}, IC 95 % ${dec(b.ci_low)}…${dec(b.ci_high)}`,
    );
  }
  if (result.logistic) {
    lines.push(
      `Modello logistico (validazione incrociata stratificata a ${result.logistic.folds} blocchi): AUC ${dec(result.logistic.auc)}, Brier ${dec(result.logistic.brier)}, accuratezza ${pct(result.logistic.accuracy)}`,
    );
  }
  for (const [group, byValue] of Object.entries(result.by_group)) {
    for (const [value, m] of Object.entries(byValue)) {
      if ('suppressed' in m) {
        lines.push(`  ${group}=${value}: omesso (${m.reason})`);
        continue;
      }
      lines.push(
        `  ${group}=${value}: n ${m.n}, bocciati ${m.positives}, falsi positivi ${pct(m.fpr)} (×${dec(m.fpr_ratio)}), falsi negativi ${pct(m.fnr)} (×${dec(m.fnr_ratio)})`,
      );
    }
  }
  console.log(lines.join('\n'));
  return 0;
}
