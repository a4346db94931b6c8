import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** How a worker thread starts: its code as one script, or a module to load. */
export type ThreadSource = { script: string } | { url: URL };

const require = createRequire(import.meta.url);
const threadModule = new URL('./recompute-thread.ts', import.meta.url);
/** Running from the TypeScript source (tsx), not from built JavaScript. */
export const fromSource = extname(fileURLToPath(import.meta.url)) === '.ts';
// From the TypeScript source without the script: a plain-JavaScript entry that registers tsx in
// the thread; from built JavaScript, the thread itself.
export const fallbackUrl = fromSource
  ? new URL('./recompute-thread-entry.mjs', import.meta.url)
  : new URL('./recompute-thread.js', import.meta.url);

const bundled = new Map<string, Promise<ThreadSource>>();

/**
 * The thread's code bundled once per process (esbuild, ≈ 0.15 s) into one script, which a thread
 * runs in ≈ 0.07 s of CPU. Why: loaded from the TypeScript source, through tsx's loader, a thread
 * takes ≈ 0.65 s of CPU to start (≈ 400 modules, kysely's and zod's, each resolved and loaded
 * through the loader's own thread), 6 % of a full recompute of the region
 * (docs/performance-history.md, "Margine sotto i 10 s").
 * The native addon stays outside, required from its installed path. If bundling fails, the threads
 * start the slow way: the recompute must not depend on it.
 */
export function threadSource(): Promise<ThreadSource> {
  return bundledThread(threadModule, fallbackUrl, 'ricalcolo');
}

/**
 * The same for any thread's module (`module`, a .ts file beside its caller), started from
 * `fallback` when it cannot be bundled (see above); `label` names it in the warning.
 */
let building: Promise<unknown> = Promise.resolve();

export function bundledThread(module: URL, fallback: URL, label: string): Promise<ThreadSource> {
  let source = bundled.get(module.href);
  if (!source) {
    // One build at a time: each stops esbuild's shared child process when done, which would kill
    // a build running beside it (the aggregates' warm-up at start and a first preview did, and the
    // preview's threads then started the slow way).
    const built = building.then(() => bundle(module, fallback));
    building = built.catch(() => undefined);
    source = built.catch((err: unknown) => {
      console.warn(`${label}: thread avviati senza bundle (${err instanceof Error ? err.message : String(err)})`);
      return { url: fallback };
    });
    bundled.set(module.href, source);
  }
  return source;
}

async function bundle(module: URL, fallback: URL): Promise<ThreadSource> {
  if (!fromSource) return { url: fallback }; // built JavaScript loads without a loader: nothing to gain
  const { build, stop } = await import('esbuild');
  // esbuild builds in a child process that otherwise lives as long as the server (≈ 70 MB): once
  // the script is made, it goes (a later esbuild call, tsx's, starts one again).
  const result = await build({
    entryPoints: [fileURLToPath(module)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'installed-natives',
        // Addons load from their package folder (pg and esbuild are never loaded by a thread, only
        // reachable through modules it shares with the server): required by absolute path, the
        // script needs no node_modules around it.
        setup: (b) =>
          b.onResolve({ filter: /^(better-sqlite3|pg|esbuild)$/ }, (args) => ({
            path: require.resolve(args.path),
            external: true,
          })),
      },
      {
        name: 'import-meta-url',
        // CommonJS has no import.meta: each of our modules gets its own file's URL written in, so
        // what it computes from it (config.ts's repoRoot) is what the module computes unbundled.
        setup: (b) =>
          b.onLoad({ filter: /\.ts$/ }, async (args) => {
            if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
            const text = await readFile(args.path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            return {
              contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
              loader: 'ts',
            };
          }),
      },
    ],
  }).finally(() => stop());
  // A warning (import.meta in CommonJS, a require it cannot follow) means the script could behave
  // otherwise than the modules: the slow start is the safe one.
  if (result.warnings.length > 0) throw new Error(`esbuild: ${result.warnings[0]!.text}`);
  const script = result.outputFiles[0]?.text;
  if (!script) throw new Error('esbuild non ha prodotto il codice del thread');
  return { script };
}
