import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file of an import as its batch records it (`import_batch.files`): which bytes were imported. */
export interface BatchFile {
  name: string;
  sha256: string;
  bytes: number;
}

const SCHOOL_FILES = [
  'scuola.csv',
  'calendario.csv',
  'classi.csv',
  'studenti.csv',
  'assenze.csv',
  'voti.csv',
  'esiti.csv',
];

/**
 * The files of an import as `folder/name` with their sha256 and size: the school folders' files
 * (the seven of docs/data-format.md first, then the other CSVs by name) and the loose files (the
 * registry, the CSVs of OneRoster bundles).
 */
export async function listBatchFiles(folders: string[], looseFiles: string[]): Promise<BatchFile[]> {
  const out: BatchFile[] = [];
  const add = async (path: string, name: string) =>
    out.push({ name, sha256: await sha256File(path), bytes: statSync(path).size });
  for (const dir of folders) {
    const others = readdirSync(dir)
      .filter((n) => n.toLowerCase().endsWith('.csv') && !SCHOOL_FILES.includes(n))
      .sort();
    for (const name of [...SCHOOL_FILES, ...others]) {
      const path = join(dir, name);
      if (existsSync(path) && statSync(path).isFile()) await add(path, `${basename(dir)}/${name}`);
    }
  }
  for (const path of looseFiles) await add(path, `${basename(dirname(path))}/${basename(path)}`);
  return out;
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => hash.update(d))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
