import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { sniffCsv, type CsvDialect } from './sniff-csv';

export interface CsvRecord {
  /** 1-based line where the record ends, as a spreadsheet shows it. */
  line: number;
  /** Values by normalised header name (see `normalizeHeader`). */
  values: Record<string, string>;
}

/**
 * Streams the records of a register export, never the whole file in memory: encoding and
 * delimiter are sniffed (`sniffCsv`), quoted fields may hold separators and newlines, and header
 * names are normalised so `Codice Fiscale`, `codice fiscale` and `CODICE  FISCALE` are one column.
 */
export async function* readCsv(path: string, dialect: CsvDialect = sniffCsv(path)): AsyncGenerator<CsvRecord> {
  const parser = parse({
    delimiter: dialect.delimiter,
    bom: true,
    columns: (header: string[]) => header.map(normalizeHeader),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
    info: true,
  });
  // pipeline, not pipe: a read error (a folder, a vanished file) must end the iteration below
  // with that error instead of leaving it waiting forever.
  const done = () => {};
  if (dialect.encoding === 'utf-8') pipeline(createReadStream(path), parser, done);
  else pipeline(createReadStream(path), iconv.decodeStream('win1252'), parser, done);
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { line: info.lines, values: record };
  }
}

/** `Data arrivo in Italia` → `data arrivo in italia`; accents and `_` dropped (`Attività` → `attivita`). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim();
}
