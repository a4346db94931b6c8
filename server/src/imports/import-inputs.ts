import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { HttpError } from '../http/http-error';
import { isRegistryHeader } from './load-registry';
import { findOneRosterBundles, isOneRosterBundle } from './oneroster';
import { readCsvBatches } from './read-csv';
import { UploadBudget, extractZip } from './upload-store';

/** What an import was asked to read, found before anything is read (the run: import-paths.ts). */
export interface ImportInputs {
  /** school folders (with scuola.csv) */
  folders: string[];
  /** the ministry's school registry (SCUANAGRAFESTAT…csv), told by its header */
  registries: string[];
  /** OneRoster 1.1 CSV bundles (folders with manifest.csv and orgs.csv; zips are unpacked) */
  bundles: string[];
  /** folders made for this import, removed at its end */
  temporary: string[];
  /** how an unpacked bundle is named in messages: the zip it came from */
  labels: Map<string, string>;
}

/**
 * What the given paths hold, in a stable order: a school folder, a folder of school folders, the
 * ministry registry (a file, or files at the top of a folder), a OneRoster bundle (a folder, a
 * zip, or bundles one level down).
 */
export async function resolveInputs(paths: string[]): Promise<ImportInputs> {
  const inputs: ImportInputs = { folders: [], registries: [], bundles: [], temporary: [], labels: new Map() };
  try {
    for (const path of paths) {
      if (!existsSync(path)) throw new ImportInputError(`Percorso inesistente: ${path}`);
      if (statSync(path).isFile()) {
        if (/\.zip$/i.test(path)) {
          const dir = mkdtempSync(join(tmpdir(), 'primm-zip-'));
          inputs.temporary.push(dir);
          await unzipTo(path, dir);
          const bundles = [dir, ...readdirSync(dir).map((d) => join(dir, d))].filter((d) => statSync(d).isDirectory() && isOneRosterBundle(d));
          if (bundles.length === 0) throw new ImportInputError(`Lo ZIP non contiene un pacchetto OneRoster (manifest.csv e orgs.csv): ${path}`);
          inputs.bundles.push(...bundles);
          for (const b of bundles) inputs.labels.set(b, b === dir ? basename(path) : `${basename(path)}/${basename(b)}`);
        } else if (await isRegistryFile(path)) inputs.registries.push(path);
        else throw new ImportInputError(`Atteso una cartella di scuola o di scuole, l'anagrafe delle scuole del Ministero o un pacchetto OneRoster: ${path}`);
        continue;
      }
      if (existsSync(join(path, 'scuola.csv'))) {
        inputs.folders.push(path);
        continue;
      }
      const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
      const registries = [];
      for (const e of entries) {
        if (e.isFile() && /\.csv$/i.test(e.name) && await isRegistryFile(join(path, e.name))) registries.push(join(path, e.name));
      }
      const bundles = findOneRosterBundles(path);
      const children = entries
        .filter((d) => d.isDirectory() && existsSync(join(path, d.name, 'scuola.csv')))
        .map((d) => join(path, d.name));
      if (children.length + registries.length + bundles.length === 0) throw new ImportInputError(`Nessuna cartella di scuola (con scuola.csv) in ${path}`);
      inputs.folders.push(...children);
      inputs.registries.push(...registries);
      inputs.bundles.push(...bundles);
    }
  } catch (err) {
    for (const dir of inputs.temporary) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return inputs;
}

async function isRegistryFile(path: string): Promise<boolean> {
  if (!/\.csv$/i.test(path)) return false;
  for await (const { header } of readCsvBatches(path)) return isRegistryHeader(header);
  return false;
}

/**
 * Unpacks a zip given on the command line with the limits of an upload (upload-store.ts: names,
 * types, files, total size, compression ratio): a zip bomb stops at them here too.
 */
async function unzipTo(zipPath: string, dir: string): Promise<void> {
  try {
    await extractZip(zipPath, dir, new UploadBudget(UPLOAD_LIMITS), { keepZip: true });
  } catch (err) {
    throw err instanceof HttpError ? new ImportInputError(`${basename(zipPath)}: ${err.message}`) : err;
  }
}

/** A problem with what was asked to import (not with a row): one clear message. */
export class ImportInputError extends Error {}

/** The CSV files at the top of a folder, by name. */
export function csvFilesOf(dir: string): string[] {
  return readdirSync(dir).filter((n) => /\.csv$/i.test(n)).sort().map((n) => join(dir, n));
}
