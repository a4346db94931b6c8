import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const repoRoot = resolve(import.meta.dirname, '../..');

/** The part of esbuild's API used here (esbuild is the server's dependency, not the web's). */
interface Esbuild {
  build(options: object): Promise<{ errors: unknown[] }>;
  stop(): Promise<void>;
}
interface PluginBuild {
  onResolve(
    options: { filter: RegExp },
    callback: (args: {
      path: string;
      importer: string;
      resolveDir: string;
      kind: string;
      pluginData?: unknown;
    }) => unknown,
  ): void;
  onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => unknown): void;
  resolve(
    path: string,
    options: { resolveDir: string; kind: string; pluginData: unknown },
  ): Promise<{
    path: string;
    errors: unknown[];
  }>;
}

/**
 * `pnpm primm` (scripts/primm.ts, the server and shared with it) as one JavaScript module, built
 * once per e2e run, so each spec's server starts with plain `node` instead of through tsx: tsx's
 * loader resolves and loads the ≈ 700 modules of a start one by one through its own thread, ≈ 2 s of
 * CPU per spec on this machine (issue 23). Only the repository's own code goes in; installed
 * packages stay outside, imported from where the source would import them, and run as they do
 * under tsx. Each file keeps its own `import.meta.url`/`dirname`/`filename` (reference data, the
 * recompute's threads, which still bundle themselves from the TypeScript source as under tsx).
 */
export async function bundlePrimm(outDir: string): Promise<string> {
  const esbuild = createRequire(join(repoRoot, 'server/package.json'))('esbuild') as Esbuild;
  const skip = Symbol('resolving');
  try {
    await esbuild.build({
      entryPoints: [join(repoRoot, 'scripts/primm.ts')],
      outdir: outDir,
      bundle: true,
      // the commands' own modules in chunks of their own, as `import()`ed in primm-commands.ts:
      // one chunk would import every command's packages (playwright-core, autocannon) at start
      splitting: true,
      platform: 'node',
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      target: 'node20',
      logLevel: 'silent',
      plugins: [
        {
          name: 'packages-where-they-are',
          setup(b: PluginBuild) {
            // a bare specifier: resolved as esbuild would from the importing file, then left out by
            // that absolute path (pnpm installs each package's dependencies beside it, not at the root)
            b.onResolve({ filter: /^[^./]/ }, async (args) => {
              if (args.pluginData === skip || args.path.startsWith('node:')) return undefined;
              const found = await b.resolve(args.path, {
                resolveDir: args.resolveDir,
                kind: args.kind,
                pluginData: skip,
              });
              if (found.errors.length > 0 || !found.path.includes('/node_modules/')) return undefined;
              return { path: pathToFileURL(found.path).href, external: true };
            });
            b.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, ({ path }) => {
              if (path.includes('/node_modules/')) return undefined;
              const source = readFileSync(path, 'utf8');
              if (!source.includes('import.meta.')) return undefined;
              const values = { url: pathToFileURL(path).href, dirname: dirname(path), filename: path };
              // the expressions, not the same words quoted: thread-script.ts's own plugin looks for
              // 'import.meta.url' in the files it bundles, and must keep looking for it
              const contents = source.replace(
                /(?<!['"`])\bimport\.meta\.(url|dirname|filename)\b(?!['"`])/g,
                (_, key: keyof typeof values) => JSON.stringify(values[key]),
              );
              const ext = extname(path);
              return { contents, loader: ext === '.ts' || ext === '.mts' ? 'ts' : 'js' };
            });
          },
        },
      ],
    });
  } finally {
    await esbuild.stop();
  }
  return join(outDir, 'primm.mjs');
}
