/**
 * The commands of `pnpm primm` (scripts/primm.ts runs them in its own process; the tests of a
 * command's behaviour run them in theirs, through run-primm.ts).
 */

/**
 * Each command's module is imported when that command runs, not at every start: `bench` alone
 * pulled playwright-core and autocannon into every `pnpm primm serve` (≈ 2 s of loading each,
 * paid once per e2e spec and by every user's start; issue 23).
 */
type Command = { summary: string; run: (argv: string[]) => Promise<number> };

const commands: Record<string, Command> = {
  gen: {
    summary:
      'genera una regione sintetica (--students N --seed S --out DIR [--schools K] [--year 2025/26] [--as-of AAAA-MM-GG] [--json])',
    run: async (argv) => (await import('../gen/cli')).runGenCommand(argv),
  },
  import: {
    summary: 'importa cartelle di scuole (--db FILE [--dry-run] [--allow-partial] [--json] PERCORSO…)',
    run: async (argv) => (await import('./import-command')).runImportCommand(argv),
  },
  users: {
    summary:
      'account: users add --db FILE --email … --role … [--school CODICE…] [--class ID…]; users reset --db FILE --email … (stampano una password monouso, valida 72 ore)',
    run: async (argv) => (await import('./users-command')).runUsersCommand(argv),
  },
  purge: {
    summary:
      'conservazione: cancella i dati individuali degli anni precedenti, tenendo gli aggregati (--db FILE --before 2025/26)',
    run: async (argv) => (await import('./purge-command')).runPurgeCommand(argv),
  },
  recompute: {
    summary: "ricalcola le valutazioni del rischio dell'anno in corso (--db FILE [--school CODICE] [--json])",
    run: async (argv) => (await import('./recompute-command')).runRecomputeCommand(argv),
  },
  backtest: {
    summary:
      'verifica i livelli su un anno concluso, confrontandoli con gli esiti finali (--db FILE --year 2024/25 [--as-of MM-GG] [--json])',
    run: async (argv) => (await import('./backtest-command')).runBacktestCommand(argv),
  },
  validate: {
    summary: 'verifica le regole di rischio su dati reali (--format uci [--json] FILE)',
    run: async (argv) => (await import('../validate/cli')).runValidateCommand(argv),
  },
  bench: {
    summary: 'benchmark: bench [import|recompute|api|web|all] [--json] (vedi docs/performance.md)',
    run: async (argv) => (await import('./bench-command')).runBenchCommand(argv),
  },
  backup: {
    summary: 'copia coerente del database, anche a server acceso (--db FILE --out FILE)',
    run: async (argv) => (await import('./backup-command')).runBackupCommand(argv),
  },
  restore: {
    summary: 'ripristina un backup (--db FILE --from BACKUP; a server fermo)',
    run: async (argv) => (await import('./backup-command')).runRestoreCommand(argv),
  },
  serve: {
    summary:
      'avvia il server (PORT, HOST, PRIMM_DB, PRIMM_TRUST_PROXY; --demo per la regione dimostrativa in un database vuoto)',
    run: async (argv) => (await import('./serve-command')).runServeCommand(argv),
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length));
  return [
    'primm-ews — allerta precoce contro la dispersione scolastica',
    '',
    'Uso: pnpm primm <comando> [opzioni]',
    '',
    'Comandi:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'pnpm primm <comando> --help per le opzioni di un comando.',
  ].join('\n');
}

/**
 * Runs one command line (without `pnpm primm`) and returns its exit code; an error no command
 * handled is printed as its message (never a stack trace) with exit code 1.
 */
export async function runPrimm(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    return 1;
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Comando sconosciuto: ${name}\n\n${help()}`);
    return 2;
  }
  return command.run(rest);
}
