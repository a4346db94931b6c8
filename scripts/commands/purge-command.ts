import { parseFlags } from './parse-flags';
import { purgeBefore } from '../../server/src/retention/purge';
import { withDatabase } from './open-db';

const USAGE = `Uso: pnpm primm purge --db FILE --before 2025/26 [--json]

Conservazione dei dati: cancella i dati dei singoli studenti degli anni scolastici precedenti a
quello indicato (presenze, voti, esiti, iscrizioni, segnalazioni ed elenchi inviati ai comuni; gli
studenti senza altri dati), dopo averne conservato i conteggi aggregati per scuola e anno.
In una sola transazione.`;

export async function runPurgeCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(
    argv,
    { db: { type: 'string' }, before: { type: 'string' }, json: { type: 'boolean', default: false } },
    USAGE,
    { positionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (!values.before || !/^\d{4}\/\d{2}$/.test(values.before)) {
    console.error(`Indica l'anno scolastico con --before, nel formato 2025/26.\n\n${USAGE}`);
    return 2;
  }
  const before = values.before;
  return withDatabase(values.db, async (db) => {
    const summary = await purgeBefore(db, before);
    if (values.json) console.log(JSON.stringify(summary));
    else {
      console.log(
        summary.years.length === 0 && summary.outcomes === 0
          ? `Nessun dato anteriore al ${before}.`
          : `Cancellati i dati individuali di ${summary.years.join(', ') || 'anni precedenti'}: ${summary.students} studenti, ${summary.enrolments} iscrizioni, ${summary.attendance} assenze, ${summary.grades} voti, ${summary.outcomes} esiti, ${summary.municipalityItems} comunicazioni ai comuni; ${summary.summaries} conteggi aggregati conservati.`,
      );
    }
    return 0;
  });
}
