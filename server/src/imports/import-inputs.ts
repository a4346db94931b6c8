import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { HttpError } from '../http/http-error';
import { registryKindOf, type RegistryKind } from './load-registry';
import { findOneRosterBundles, isOneRosterBundle } from './oneroster';
import { readCsvBatches } from './read-csv';
import { UploadBudget, extractZip } from './upload-store';

/** What an import was asked to read, found before anything is read (the run: import-paths.ts). */
export interface ImportInputs {
  /** school folders (with scuola.csv) */
  folders: string[];
  /** the ministry's school registries (SCUANAGRAFESTAT…csv, SCUANAGRAFEPAR…csv), told by their header */
  registries: string[];
  /** which registry each is: state schools or paritarie */
  registryKinds: Map<string, RegistryKind>;
  /** OneRoster CSV bundles (1.1/1.2 with manifest.csv, 1.0 without; zips are unpacked) */
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
  const inputs: ImportInputs = {
    folders: [],
    registries: [],
    registryKinds: new Map(),
    bundles: [],
    temporary: [],
    labels: new Map(),
  };
  const addRegistry = async (path: string): Promise<boolean> => {
    const kind = await registryKindOfFile(path);
    if (kind) {
      inputs.registries.push(path);
      inputs.registryKinds.set(path, kind);
    }
    return kind !== undefined;
  };
  try {
    for (const path of paths) {
      if (!existsSync(path)) throw new ImportInputError(`Percorso inesistente: ${path}`);
      if (statSync(path).isFile()) {
        if (/\.zip$/i.test(path)) {
          const dir = mkdtempSync(join(tmpdir(), 'primm-zip-'));
          inputs.temporary.push(dir);
          await unzipTo(path, dir);
          const bundles = [dir, ...readdirSync(dir).map((d) => join(dir, d))].filter(
            (d) => statSync(d).isDirectory() && isOneRosterBundle(d),
          );
          if (bundles.length === 0)
            throw new ImportInputError(
              `Lo ZIP non contiene un pacchetto OneRoster (orgs.csv con manifest.csv, o orgs.csv, users.csv ed enrollments.csv): ${path}`,
            );
          inputs.bundles.push(...bundles);
          for (const b of bundles)
            inputs.labels.set(b, b === dir ? basename(path) : `${basename(path)}/${basename(b)}`);
        } else if (!(await addRegistry(path)))
          throw new ImportInputError(
            `Atteso una cartella di scuola o di scuole, l'anagrafe delle scuole del Ministero o un pacchetto OneRoster: ${path}`,
          );
        continue;
      }
      if (existsSync(join(path, 'scuola.csv'))) {
        inputs.folders.push(path);
        continue;
      }
      const entries = readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
      const bundles = findOneRosterBundles(path);
      let registries = 0;
      // A bundle's own CSVs are not registries: a folder is one or the other.
      if (!bundles.includes(path)) {
        for (const e of entries) {
          if (e.isFile() && (await addRegistry(join(path, e.name)))) registries += 1;
        }
      }
      const children = entries
        .filter((d) => d.isDirectory() && existsSync(join(path, d.name, 'scuola.csv')))
        .map((d) => join(path, d.name));
      if (children.length + registries + bundles.length === 0) {
        throw new ImportInputError(
          `Nessuna cartella di scuola (con scuola.csv), anagrafe del Ministero o pacchetto OneRoster (orgs.csv, users.csv, enrollments.csv) in ${path}`,
        );
      }
      inputs.folders.push(...children);
      inputs.bundles.push(...bundles);
    }
  } catch (err) {
    for (const dir of inputs.temporary) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return inputs;
}

async function registryKindOfFile(path: string): Promise<RegistryKind | undefined> {
  if (!/\.csv$/i.test(path)) return undefined;
  for await (const { header } of readCsvBatches(path)) return registryKindOf(header);
  return undefined;
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
  return readdirSync(dir)
    .filter((n) => /\.csv$/i.test(n))
    .sort()
    .map((n) => join(dir, n));
}
