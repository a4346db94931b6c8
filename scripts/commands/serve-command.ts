import { parseFlags } from './parse-flags';
import { loadConfig } from '../../server/src/config';
import { runServer } from '../../server/src/main';

const USAGE = `Uso: pnpm primm serve [--db FILE] [--port N] [--demo]

Avvia primm-ews. --demo (o PRIMM_DEMO=1): in un database vuoto carica la regione dimostrativa e
i suoi account, con password pubblica; mai in produzione. Variabili d'ambiente: PORT (3000),
HOST (127.0.0.1), PRIMM_DB (data/primm.sqlite), PRIMM_PSEUDONYM_KEY (chiave degli pseudonimi),
PRIMM_TRUST_PROXY (il proxy HTTPS davanti, per esempio loopback; nessuno se assente).`;

export async function runServeCommand(argv: string[]): Promise<number> {
  const parsed = parseFlags(
    argv,
    { db: { type: 'string' }, port: { type: 'string' }, demo: { type: 'boolean', default: false } },
    USAGE,
    { positionals: false },
  );
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const config = loadConfig({
    ...process.env,
    ...(values.db ? { PRIMM_DB: values.db } : {}),
    ...(values.port ? { PORT: values.port } : {}),
    ...(values.demo ? { PRIMM_DEMO: '1' } : {}),
  });
  await runServer(config);
  return 0; // the server keeps the process alive until a signal
}
