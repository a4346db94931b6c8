import { parseFlags } from './parse-flags';
import { recomputeAll, recomputeSchool } from '../../server/src/recompute/recompute';
import { withDatabase } from './open-db';

const USAGE = `Uso: pnpm primm recompute --db FILE [--school CODICE] [--json]

Ricalcola le valutazioni del rischio dell'anno scolastico in corso con le soglie più recenti:
di tutta la regione, o di una scuola con --school. Gli studenti i cui dati non sono cambiati
non vengono riscritti.
  --db FILE          database SQLite (predefinito: PRIMM_DB o data/primm.sqlite)
  --school CODICE    solo questa scuola (codice meccanografico)
  --json             stampa { students, written, unchanged, tierChanged, ms } sull'ultima riga`;

/** `pnpm primm recompute`: exit 0 when done, 2 on bad usage or an unknown school. */
export async function runRecomputeCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(
    argv,
    { db: { type: 'string' }, school: { type: 'string' }, json: { type: 'boolean', default: false } },
    USAGE,
    { positionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const code = values.school?.trim().toUpperCase();
  return withDatabase(values.db, async (db) => {
    let summary;
    if (code) {
      const school = await db.selectFrom('school').select('id').where('code', '=', code).executeTakeFirst();
      if (!school) {
        console.error(`Nessuna scuola con codice ${code}.`);
        return 2;
      }
      summary = await recomputeSchool(db, school.id);
    } else {
      summary = await recomputeAll(db, {
        onProgress: ({ school, done, total }) => process.stderr.write(`\r${done}/${total} ${school}   `),
      });
      process.stderr.write('\n');
    }
    const { students, written, unchanged, tierChanged, ms } = summary;
    if (values.json) console.log(JSON.stringify({ students, written, unchanged, tierChanged, ms }));
    else
      console.log(
        `Ricalcolo completato: ${students} studenti, ${written} righe scritte, ${unchanged} invariate, ${tierChanged} con il tier cambiato, in ${ms} ms.`,
      );
    return 0;
  });
}
