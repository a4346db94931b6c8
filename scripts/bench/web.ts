import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const WEB_TARGET_KB = 250;

export interface WebBenchResult {
  initial_js_gzip_kb: number;
  target_kb: number;
  chunks: { file: string; bytes: number; gzip_bytes: number }[];
  /** all JavaScript of the build, loaded on demand or not */
  total_js_gzip_kb: number;
  built: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const dist = join(repoRoot, 'web/dist');

/**
 * The scripts an `index.html` from Vite makes the browser fetch before the first page renders:
 * the entry (`<script type="module" src>`) and its `<link rel="modulepreload">` chunks, in order,
 * as paths relative to the page (`/assets/x.js` → `assets/x.js`).
 */
export function initialScripts(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    const src = /^<script/i.test(tag)
      ? attr('type') === 'module'
        ? attr('src')
        : undefined
      : attr('rel') === 'modulepreload'
        ? attr('href')
        : undefined;
    if (src && !out.includes(src.replace(/^\//, ''))) out.push(src.replace(/^\//, ''));
  }
  return out;
}

/**
 * Relative static imports of a built chunk (`import{a}from"./x.js"`, `import"./y.js"`), not the
 * dynamic `import("./z.js")` of lazy routes and charts: what the browser must also fetch at once.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) found.add(m[1]!);
  return [...found];
}

/**
 * Builds the web app (unless `build` is false and web/dist exists) and measures the gzip size
 * (level 9) of the JavaScript of the first page: the entry, its modulepreloads and, to be sure,
 * anything they import statically that Vite did not list.
 */
export function benchWeb(options: { build: boolean; log?: (line: string) => void }): WebBenchResult {
  const log = options.log ?? (() => {});
  const built = options.build || !existsSync(join(dist, 'index.html'));
  if (built) {
    log('pnpm --filter @primm/web build…');
    const out = spawnSync('pnpm', ['--filter', '@primm/web', 'build'], {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (out.status !== 0) throw new Error(`build del web fallito: ${out.stderr || out.stdout}`);
  }
  const queue = initialScripts(readFileSync(join(dist, 'index.html'), 'utf8'));
  const seen = new Set<string>();
  const chunks: WebBenchResult['chunks'] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file));
    chunks.push({ file, bytes: code.length, gzip_bytes: gzipSync(code, { level: 9 }).length });
    queue.push(...staticImports(code.toString('utf8')).map((rel) => join(dirname(file), rel)));
  }
  const allJs = readdirSync(join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length, 0);
  const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    initial_js_gzip_kb: kb(chunks.reduce((n, c) => n + c.gzip_bytes, 0)),
    target_kb: WEB_TARGET_KB,
    chunks,
    total_js_gzip_kb: kb(allJs),
    built,
  };
}
