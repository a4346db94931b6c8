import { parse, type Parser } from 'csv-parse';

/**
 * csv-parse driven chunk by chunk: the caller pushes decoded text and collects every record it
 * completes, so a file of millions of rows is read with one await per megabyte rather than one
 * per record. Options as registers need them: BOM dropped, whitespace around a field trimmed
 * (never inside quotes), empty lines skipped, rows with fewer or more fields than the header kept.
 *
 * Most register exports never quote anything, and csv-parse's byte-by-byte state machine costs
 * ≈ 4 µs a row, the largest share of a million-row import. So while the text seen has no `"` and
 * no lone `\r` (the only things that make CSV more than "lines of fields split by the
 * delimiter"), whole lines are split directly, with csv-parse's own trimming and line numbers; at
 * the first quote or old-Mac line break everything from that line on goes to csv-parse. A
 * property test (csv-parser.property.test.ts) checks both paths give the same records.
 */
export interface ParsedRow {
  /** 1-based line where the record ends, as a spreadsheet shows it. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {}

export class CsvParser {
  private parser: Parser | undefined;
  private failure: Error | undefined;
  /** Text after the last line break, waiting for the rest of its line (quote-free path). */
  private carry = '';
  /** Physical lines the quote-free path consumed: csv-parse counts from where it takes over. */
  private linesSplit = 0;
  private started = false;
  /** Whether the file's first line break is `\r\n` (undefined before the first one). */
  private crlf: boolean | undefined;

  constructor(private readonly delimiter: string, options: { splitPlainLines?: boolean } = {}) {
    if (options.splitPlainLines === false || delimiter.length !== 1 || delimiter === '\t') this.startCsvParse();
  }

  /** Parses what `text` completes; an unfinished last record waits for the next push. */
  push(text: string, out: ParsedRow[]): void {
    if (this.parser) {
      this.parser.write(text);
      this.drain(out);
      return;
    }
    let all = this.carry + text;
    if (!this.started && all.length > 0) {
      this.started = true;
      if (all.charCodeAt(0) === 0xfeff) all = all.slice(1);
    }
    const end = all.lastIndexOf('\n');
    if (end !== -1 && this.crlf === undefined) this.crlf = all.charCodeAt(all.indexOf('\n') - 1) === CR;
    if (all.includes('"') || (end !== -1 && !this.plainBreaks(all.slice(0, end + 1)))) {
      this.carry = '';
      this.startCsvParse();
      this.push(all, out);
      return;
    }
    if (end === -1) {
      this.carry = all;
      return;
    }
    this.carry = all.slice(end + 1);
    this.splitLines(all, end, out);
  }

  /** The end of input: the last record may lack its line break; an unclosed quote fails here. */
  async end(out: ParsedRow[]): Promise<void> {
    if (!this.parser) {
      const rest = this.carry;
      this.carry = '';
      if (rest === '') return;
      if (this.plainBreaks(rest.replace(/\r$/, ''))) {
        this.splitLines(`${rest}\n`, rest.length, out);
        return;
      }
      this.startCsvParse();
      this.parser!.write(rest);
    }
    const parser = this.parser!;
    const done = new Promise<void>((resolve) => {
      parser.once('end', resolve);
      parser.once('error', () => resolve());
    });
    parser.end();
    this.drain(out);
    parser.resume(); // flowing to the end: the records left arrive through 'data'
    parser.on('data', (r: Record) => out.push({ line: r.info.lines + this.linesSplit, fields: r.record }));
    await done;
    if (this.failure) throw new CsvSyntaxError(`CSV non leggibile: ${this.failure.message}`, { cause: this.failure });
  }

  /** The complete lines of `text` up to the line break at `end`, as csv-parse would return them. */
  private splitLines(text: string, end: number, out: ParsedRow[]): void {
    const delimiter = this.delimiter;
    let line = this.linesSplit;
    let start = 0;
    while (start <= end) {
      const stop = text.indexOf('\n', start);
      line += 1;
      const content = text.slice(start, text.charCodeAt(stop - 1) === CR && stop > start ? stop - 1 : stop);
      start = stop + 1;
      const fields = content.split(delimiter);
      for (let i = 0; i < fields.length; i++) fields[i] = trimField(fields[i]!);
      if (fields.length === 1 && fields[0] === '' && leftTrimmed(content) === 0) continue; // skip_empty_lines, blanks too
      out.push({ line, fields });
    }
    this.linesSplit = line;
  }

  /**
   * Line breaks all as the first one (csv-parse fixes its record delimiter there): with mixed
   * `\n` and `\r\n`, or a lone `\r`, csv-parse reads on (taking over with the record delimiter
   * it would have found). Its own line count in such files follows rules of its own, so after a
   * mixed break our line numbers may differ from it by a line or two; the records do not.
   */
  private plainBreaks(text: string): boolean {
    if (this.crlf === undefined) return !text.includes('\r');
    return this.crlf ? !LONE_CR.test(text) && !BARE_LF.test(text) : !text.includes('\r');
  }

  private startCsvParse(): void {
    // Taking over mid-file: the line break the file started with, as csv-parse would have found it.
    // Its BOM, if any, was dropped here already: a U+FEFF further on is data.
    const recordDelimiter = this.linesSplit === 0 ? undefined : this.crlf ? '\r\n' : '\n';
    this.parser = parse({ delimiter: this.delimiter, record_delimiter: recordDelimiter, bom: !this.started, trim: true, skip_empty_lines: true, relax_column_count: true, info: true });
    this.parser.on('error', (err) => {
      this.failure = err;
    });
  }

  private drain(out: ParsedRow[]): void {
    const parser = this.parser!;
    // write() runs the transform synchronously: its records are in the readable buffer now.
    for (let r = parser.read() as Record | null; r !== null; r = parser.read() as Record | null) {
      out.push({ line: r.info.lines + this.linesSplit, fields: r.record });
    }
    if (this.failure) throw new CsvSyntaxError(`CSV non leggibile: ${this.failure.message}`, { cause: this.failure });
  }
}

type Record = { record: string[]; info: { lines: number } };

const CR = 13;
const LONE_CR = /\r(?!\n)/;
const BARE_LF = /(?<!\r)\n/;

/**
 * csv-parse's `trim` on an unquoted field: on the left it drops `\r`, `\n`, form feed, space and
 * tab; on the right it calls `trimEnd()`.
 */
function trimField(field: string): string {
  const from = field.length - leftTrimmed(field);
  return (from === 0 ? field : field.slice(from)).trimEnd();
}

/** Length of `text` left after dropping csv-parse's left-trimmed characters. */
function leftTrimmed(text: string): number {
  let from = 0;
  for (; from < text.length; from++) {
    const c = text.charCodeAt(from);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10 && c !== 12) break;
  }
  return text.length - from;
}
