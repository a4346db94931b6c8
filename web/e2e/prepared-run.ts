import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { bundlePrimm } from './server-bundle';
import { startApp } from './start-app';

const repoRoot = resolve(import.meta.dirname, '../..');

/** Where prepared runs are kept (ignored by git and Prettier with the rest of node_modules). */
const cacheDir = join(repoRoot, 'node_modules/.cache/primm-e2e');

/** What the specs' servers start from: `pnpm primm` built into JavaScript, and the demo database. */
export interface PreparedRun {
  /** The built `pnpm primm` (server-bundle.ts). */
  entry: string;
  /** A folder holding the demo database (`primm.sqlite` and its key file). */
  template: string;
}

/**
 * Everything the bundle and the demo database are made of: the code of the server, of shared and
 * of the scripts (the generator, `pnpm primm`), the fixtures, the lockfile, Node's version, and
 * today's date (the demo plants deadlines and arrivals relative to today). Same stamp, same files.
 */
export function sourceStamp(): string {
  const hash = createHash('sha256');
  const addFile = (name: string, full: string) => hash.update(`${name}\0`).update(readFileSync(full)).update('\0');
  const addDir = (path: string) => {
    const full = join(repoRoot, path);
    if (!existsSync(full)) return;
    for (const entry of readdirSync(full, { withFileTypes: true, recursive: true }).sort((a, b) =>
      join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)),
    )) {
      if (!entry.isFile()) continue;
      const file = join(entry.parentPath, entry.name);
      if (!file.includes('/node_modules/')) addFile(file, file);
    }
  };
  for (const dir of ['server/src', 'shared/src', 'scripts', 'fixtures']) addDir(dir);
  for (const file of ['package.json', 'pnpm-lock.yaml', 'server/package.json', 'shared/package.json'])
    addFile(file, join(repoRoot, file));
  for (const file of ['server-bundle.ts', 'start-app.ts', 'prepared-run.ts'])
    addFile(file, join(import.meta.dirname, file));
  hash.update(`${process.version}\0${new Date().toISOString().slice(0, 10)}`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds `pnpm primm` into JavaScript and loads the demo region once with it, by a server started
 * as a user would (`serve --demo` on an empty database, then stopped), into a folder named by the
 * source stamp, replacing those of other stamps. The folder appears whole or not at all (made
 * beside it, then renamed), so a run that finds it can use it.
 */
export async function prepareRun(): Promise<PreparedRun> {
  const stamp = sourceStamp();
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, 'making-'));
  try {
    await bundlePrimm(join(work, 'bundle'));
    // a young generation of 64 MB instead of 16: the import allocates short-lived rows by the
    // million; the scavenges were ≈ 1/6 of the load's CPU (issue 23)
    const nodeOptions = `${process.env.NODE_OPTIONS ?? ''} --max-semi-space-size=64`.trim();
    const app = await startApp({ NODE_OPTIONS: nodeOptions }, undefined, join(work, 'bundle/primm.mjs'));
    await app.stop({ keep: true });
    cpSync(app.dataDir, join(work, 'template'), { recursive: true }); // (a temporary folder: maybe another disk)
    rmSync(app.dataDir, { recursive: true, force: true });
    for (const old of readdirSync(cacheDir))
      if (old !== basename(work)) rmSync(join(cacheDir, old), { recursive: true, force: true });
    renameSync(work, join(cacheDir, stamp));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return preparedAt(join(cacheDir, stamp));
}

/** The run prepared for the source as it is now (by `pnpm test:e2e:prepare`, or an earlier run), if any. */
export function preparedRun(): PreparedRun | undefined {
  const dir = join(cacheDir, sourceStamp());
  return existsSync(dir) ? preparedAt(dir) : undefined;
}

const preparedAt = (dir: string): PreparedRun => ({
  entry: join(dir, 'bundle/primm.mjs'),
  template: join(dir, 'template'),
});
