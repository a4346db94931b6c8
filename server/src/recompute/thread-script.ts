import { hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { keepScript, keptScriptFile, readKeptScript, threadCacheDir } from './thread-bundle-cache';

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
 * The thread's code bundled into one script (esbuild, 0.3–0.4 s; then kept for the next process,
 * thread-bundle-cache.ts), once per process, which a thread runs in ≈ 0.07 s of CPU. Why: loaded from the TypeScript source, through tsx's loader, a thread
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

/** The script of `module`, kept or bundled now; without the per-process memo of `bundledThread` (exported for its tests). */
export async function bundle(module: URL, fallback: URL): Promise<ThreadSource> {
  if (!fromSource) return { url: fallback }; // built JavaScript loads without a loader: nothing to gain
  const entry = fileURLToPath(module);
  const { version } = require('esbuild/package.json') as { version: string };
  const natives = NATIVES.map((name) => require.resolve(name));
  const bundler = `esbuild ${version}|${natives.join('|')}|${hash('sha256', readFileSync(fileURLToPath(import.meta.url)))}`;
  const file = keptScriptFile(threadCacheDir(), entry, bundler);
  const kept = readKeptScript(file);
  if (kept !== null) return { script: kept };
  const { script, inputs } = await build(entry);
  const notKept = keepScript(file, script, inputs);
  if (notKept) warnOnce(`codice dei thread non conservato in ${file} (${notKept}): ogni avvio lo ricompone`);
  return { script };
}

/** Addons load from their package folder: required by absolute path, outside the script. */
const NATIVES = ['better-sqlite3', 'pg', 'esbuild'] as const;

/** The entry and what it imports, as one CommonJS script, with the sha256 of every file read. */
async function build(entry: string): Promise<{ script: string; inputs: Map<string, string> }> {
  const { build, stop } = await import('esbuild');
  const inputs = new Map<string, string>();
  // esbuild builds in a child process that otherwise lives as long as the server (≈ 70 MB): once
  // the script is made, it goes (a later esbuild call, tsx's, starts one again).
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'installed-natives',
        // pg and esbuild are never loaded by a thread, only reachable through modules it shares
        // with the server: required by absolute path, the script needs no node_modules around it.
        setup: (b) =>
          b.onResolve({ filter: new RegExp(`^(${NATIVES.join('|')})$`) }, (args) => ({
            path: require.resolve(args.path),
            external: true,
          })),
      },
      {
        name: 'read-and-hashed',
        // Every file is read here, once: its hash is of the very bytes bundled (thread-bundle-cache.ts).
        // CommonJS has no import.meta: each of our modules gets its own file's URL written in, so
        // what it computes from it (config.ts's repoRoot) is what the module computes unbundled.
        setup: (b) =>
          b.onLoad({ filter: /.*/, namespace: 'file' }, async (args) => {
            const bytes = await readFile(args.path);
            inputs.set(args.path, hash('sha256', bytes));
            const ours = !args.path.includes(`${sep}node_modules${sep}`);
            const text = bytes.toString('utf8');
            return {
              contents:
                ours && text.includes('import.meta.url')
                  ? text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
                  : bytes,
              loader: LOADERS[extname(args.path)] ?? 'js',
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
  return { script, inputs };
}

/** esbuild's loader for what a thread's modules are made of (everything else is JavaScript). */
const LOADERS: Record<string, 'ts' | 'tsx' | 'json'> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.json': 'json',
};

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}
