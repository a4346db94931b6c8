import { parseFlags } from './parse-flags';
import { loadConfig } from '../../server/src/config';
import { runServer } from '../../server/src/main';

const USAGE = `Uso: pnpm primm serve [--db FILE] [--port N]

Avvia primm-ews. Variabili d'ambiente: PORT (3000), HOST (127.0.0.1), PRIMM_DB
(data/primm.sqlite), PRIMM_PSEUDONYM_KEY (chiave degli pseudonimi), PRIMM_DEMO=0 (non caricare
la regione dimostrativa in un database vuoto).`;

export async function runServeCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(argv, { db: { type: 'string' }, port: { type: 'string' } }, USAGE, { positionals: false });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const config = loadConfig({
    ...process.env,
    ...(values.db ? { PRIMM_DB: values.db } : {}),
    ...(values.port ? { PORT: values.port } : {}),
  });
  await runServer(config);
  return 0; // the server keeps the process alive until a signal
}
