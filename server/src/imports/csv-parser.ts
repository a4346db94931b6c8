import { parse, type Parser } from 'csv-parse';

/**
 * csv-parse driven chunk by chunk: the caller pushes decoded text and collects every record it
 * completes, so a file of millions of rows is read with one await per megabyte rather than one
 * per record. Options as registers need them: BOM dropped, whitespace around a field trimmed
 * (never inside quotes), empty lines skipped, rows with fewer or more fields than the header kept.
 */
export interface ParsedRow {
  /** 1-based line where the record ends, as a spreadsheet shows it. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {}

export class CsvParser {
  private readonly parser: Parser;
  private failure: Error | undefined;

  constructor(delimiter: string) {
    this.parser = parse({ delimiter, bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true });
    this.parser.on('error', (err) => {
      this.failure = err;
    });
  }

  /** Parses what `text` completes; an unfinished last record waits for the next push. */
  push(text: string, out: ParsedRow[]): void {
    this.parser.write(text);
    this.drain(out);
  }

  /** The end of input: the last record may lack its line break; an unclosed quote fails here. */
  async end(out: ParsedRow[]): Promise<void> {
    const done = new Promise<void>((resolve) => {
      this.parser.once('end', resolve);
      this.parser.once('error', () => resolve());
    });
    this.parser.end();
    this.drain(out);
    this.parser.resume(); // flowing to the end: the records left arrive through 'data'
    this.parser.on('data', (r: Record) => out.push({ line: r.info.lines, fields: r.record }));
    await done;
    if (this.failure) throw new CsvSyntaxError(`CSV non leggibile: ${this.failure.message}`, { cause: this.failure });
  }

  private drain(out: ParsedRow[]): void {
    // write() runs the transform synchronously: its records are in the readable buffer now.
    for (let r = this.parser.read() as Record | null; r !== null; r = this.parser.read() as Record | null) {
      out.push({ line: r.info.lines, fields: r.record });
    }
    if (this.failure) throw new CsvSyntaxError(`CSV non leggibile: ${this.failure.message}`, { cause: this.failure });
  }
}

type Record = { record: string[]; info: { lines: number } };
