import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import { CsvParser, CsvSyntaxError, type ParsedRow } from './csv-parser';
import { sniffCsv, type CsvDialect } from './sniff-csv';

export interface CsvRecord {
  /** 1-based line where the record ends, as a spreadsheet shows it. */
  line: number;
  /** Values by normalised header name (see `normalizeHeader`). */
  values: Record<string, string>;
}

export interface CsvBatch {
  /** Normalised header names, in file order. */
  header: string[];
  /** The data records of one chunk of the file (the header excluded). */
  rows: ParsedRow[];
}

const CHUNK_BYTES = 1 << 20;

/**
 * Streams a register export in batches of records (one per megabyte read), never the whole file
 * in memory: encoding and delimiter are sniffed (`sniffCsv`), quoted fields may hold separators
 * and newlines, and header names are normalised so `Codice Fiscale`, `codice fiscale` and
 * `CODICE  FISCALE` are one column. Batches, not single records, because a file may have
 * millions of rows and an await per row is most of the cost of reading it.
 */
export async function* readCsvBatches(path: string, dialect: CsvDialect = sniffCsv(path)): AsyncGenerator<CsvBatch> {
  try {
    yield* parseBatches(path, dialect);
  } catch (err) {
    // The whole file is refused: say which one, as a school folder names it (ANPS03000E/voti.csv).
    if (err instanceof CsvSyntaxError)
      throw new CsvSyntaxError(`${path.split(/[\\/]/).slice(-2).join('/')}: ${err.message}`, { cause: err.cause });
    throw err;
  }
}

async function* parseBatches(path: string, dialect: CsvDialect): AsyncGenerator<CsvBatch> {
  const parser = new CsvParser(dialect.delimiter);
  const decoder = dialect.encoding === 'utf-8' ? new TextDecoder('utf-8') : undefined;
  const win1252 = dialect.encoding === 'utf-8' ? undefined : iconv.getDecoder('win1252');
  let header: string[] | undefined;
  const take = (rows: ParsedRow[]): CsvBatch | undefined => {
    if (!header) {
      const first = rows.shift();
      if (!first) return undefined;
      header = first.fields.map(normalizeHeader);
    }
    return rows.length === 0 ? undefined : { header, rows };
  };
  // One chunk at a time, each parsed in time proportional to it; a line past the length limit
  // throws within the chunk that passes it, so a file without line breaks is refused after
  // its first megabyte instead of being read whole.
  // While every chunk so far is ASCII (register exports mostly are), a chunk is read as Latin-1,
  // which for ASCII bytes is the same text as UTF-8 and ≈ 10 times faster than the streaming
  // decoder; an ASCII chunk never ends inside a character, so from the first chunk that is not
  // ASCII on the decoder takes over with nothing pending.
  let ascii = decoder !== undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const rows: ParsedRow[] = [];
    if (ascii) ascii = isAscii(chunk);
    const text = ascii
      ? chunk.toString('latin1')
      : decoder
        ? decoder.decode(chunk, { stream: true })
        : win1252!.write(chunk);
    parser.push(text, rows);
    const batch = take(rows);
    if (batch) yield batch;
  }
  const rows: ParsedRow[] = [];
  const rest = decoder ? decoder.decode() : (win1252!.end() ?? '');
  if (rest) parser.push(rest, rows);
  await parser.end(rows);
  const batch = take(rows);
  if (batch) yield batch;
}

/** Record by record, values keyed by header: for the few callers that read a handful of rows. */
export async function* readCsv(path: string, dialect: CsvDialect = sniffCsv(path)): AsyncGenerator<CsvRecord> {
  for await (const { header, rows } of readCsvBatches(path, dialect)) {
    for (const { line, fields } of rows) {
      const values: Record<string, string> = {};
      // relax_column_count as before: missing fields are absent, extra fields are dropped
      const count = Math.min(header.length, fields.length);
      for (let i = 0; i < count; i++) values[header[i]!] = fields[i]!;
      yield { line, values };
    }
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
