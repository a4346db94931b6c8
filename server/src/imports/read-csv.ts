import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';

export interface CsvRecord {
  /** 1-based line of the record's first line in the file, as a spreadsheet shows it. */
  line: number;
  /** Values by normalised header name (see `normalizeHeader`). */
  values: Record<string, string>;
}

/**
 * Streams the records of a `;`-separated file (docs/data-format.md), never the whole file in
 * memory. Header names are normalised so `Codice Fiscale`, `codice fiscale` and `CODICE  FISCALE`
 * are one column.
 */
export async function* readCsv(path: string): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter: ';',
    bom: true,
    columns: (header: string[]) => header.map(normalizeHeader),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    info: true,
  });
  // pipeline, not pipe: a read error (a folder, a vanished file) must end the iteration below
  // with that error instead of leaving it waiting forever.
  pipeline(createReadStream(path), parser, () => {});
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { line: info.lines, values: record };
  }
}

/** `Data arrivo in Italia` → `data arrivo in italia`; accents dropped (`Attività` → `attivita`). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
