import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { UploadedFile } from '@primm/shared/contracts/imports';
import { readCsv } from './read-csv';
import { sniffCsv } from './sniff-csv';

/** School folders (those with scuola.csv) anywhere within `root`, a few levels down at most. */
export function findSchoolFoldersDeep(root: string, depth = 3): string[] {
  if (existsSync(join(root, 'scuola.csv'))) return [root];
  if (depth === 0) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => findSchoolFoldersDeep(join(root, d.name), depth - 1));
}

/** Every CSV of the upload with the encoding, delimiter and columns the importer will use. */
export async function describeFiles(root: string): Promise<UploadedFile[]> {
  const out: UploadedFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const d of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, d.name);
      if (d.isDirectory()) await walk(path);
      else if (/\.(csv|txt)$/i.test(d.name)) {
        const dialect = sniffCsv(path);
        let columns: string[] = [];
        for await (const first of readCsv(path, dialect)) {
          columns = Object.keys(first.values);
          break;
        }
        out.push({ name: relative(root, path).split('\\').join('/'), bytes: statSync(path).size, ...dialect, columns });
      }
    }
  };
  await walk(root);
  return out;
}
