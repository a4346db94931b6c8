/**
 * `pnpm primm <command>`: the command line of primm-ews. With `--json`, a command prints one JSON
 * object as the last line of stdout (progress goes to stderr), so scripts can read it.
 */
import { runPrimm } from './commands/primm-commands';

runPrimm(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
