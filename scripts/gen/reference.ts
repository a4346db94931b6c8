import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `fixtures/reference` of the repository, found from this file so the cwd does not matter. */
export const DEFAULT_REFERENCE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/reference',
);

export const REGISTRY_FILE = 'SCUANAGRAFESTAT20252620250901-MARCHE.csv';
export const MUNICIPALITIES_FILE = 'comuni-marche.json';

export type RegistryRow = Record<string, string>;

export interface Municipality {
  name: string;
  /** ISTAT code, 6 digits */
  istat: string;
  cadastral: string;
  province: string;
  population: number;
}

/** RFC 4180 reader for the ministry file: comma separated, CRLF, quotes doubled inside quotes. */
export function parseCommaCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export async function loadRegistry(referenceDir: string): Promise<RegistryRow[]> {
  const text = await readFile(path.join(referenceDir, REGISTRY_FILE), 'utf8');
  const [header, ...rows] = parseCommaCsv(text.replace(/^\uFEFF/, ''));
  if (!header) throw new Error(`registro delle scuole vuoto in ${referenceDir}`);
  return rows
    .filter((r) => r.length === header.length)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

interface ComuneJson {
  nome: string;
  codice: string;
  sigla: string;
  codiceCatastale: string;
  popolazione: number;
}

export async function loadMunicipalities(referenceDir: string): Promise<Municipality[]> {
  const json = JSON.parse(await readFile(path.join(referenceDir, MUNICIPALITIES_FILE), 'utf8')) as ComuneJson[];
  return json
    .map((c) => ({
      name: c.nome,
      istat: c.codice,
      cadastral: c.codiceCatastale,
      province: c.sigla,
      population: c.popolazione,
    }))
    .sort((a, b) => a.istat.localeCompare(b.istat));
}
