import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h', default: false } } as const;
type Parsed<O extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O & typeof HELP; allowPositionals: true; strict: true }>
>;

/**
 * The flags of a `pnpm primm` command, `--help` / `-h` included: the parsed values and positionals,
 * or the exit code when there is nothing more to do: 0 once the usage is printed for `--help`, 2
 * with the usage after an unknown or malformed flag (a clear message, never a stack trace).
 * Commands that take no positionals say so with `positionals: false`.
 */
export function parseFlags<O extends Options>(
  argv: string[],
  options: O,
  usage: string,
  { positionals = true } = {},
): Parsed<O> | number {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, ...HELP },
      allowPositionals: true,
      strict: true,
    }) as Parsed<O>;
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage}`);
    return 2;
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    return 0;
  }
  if (!positionals && parsed.positionals.length > 0) {
    console.error(`Argomento non previsto: ${parsed.positionals[0]}\n\n${usage}`);
    return 2;
  }
  return parsed;
}
