import { parse, type Parser } from 'csv-parse';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';

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

/**
 * A record longer than this is refused (UPLOAD_LIMITS.maxLineChars says why). The limit is also
 * what keeps reading linear: the unfinished line waiting for its line break is never longer.
 */
const MAX_LINE = UPLOAD_LIMITS.maxLineChars;

export class CsvParser {
  private parser: Parser | undefined;
  private failure: Error | undefined;
  /**
   * The unfinished last line (quote-free path), as the pieces it arrived in: joined once, when its
   * line break arrives, never re-scanned at each push (a long line in many chunks was quadratic).
   * The pieces hold no quote and no `\r` except, perhaps, as the very last character.
   */
  private pending: string[] = [];
  private pendingLength = 0;
  /** The pending line ends with `\r`: the next character says whether it was half of a `\r\n`. */
  private pendingCR = false;
  /** Physical lines the quote-free path consumed: csv-parse counts from where it takes over. */
  private linesSplit = 0;
  private started = false;
  /** Whether the file's first line break is `\r\n` (undefined before the first one). */
  private crlf: boolean | undefined;
  /** Once csv-parse reads: physical lines handed to it, to refuse a long one (see `guardLines`). */
  private guard = { lines: 0, length: 0, afterCR: false };
  /** Line where csv-parse's last record ended: the one it is reading starts after it. */
  private lastRecordLine = 0;

  constructor(
    private readonly delimiter: string,
    options: { splitPlainLines?: boolean } = {},
  ) {
    if (options.splitPlainLines === false || delimiter.length !== 1 || delimiter === '\t') this.startCsvParse();
  }

  /**
   * Parses what `text` completes; an unfinished last record waits for the next push. The work is
   * proportional to `text`: only the new text is searched, and a line past `MAX_LINE` throws
   * (CsvSyntaxError) as soon as it is seen, without waiting for its end.
   */
  push(text: string, out: ParsedRow[]): void {
    if (this.parser) {
      this.writeCsvParse(text, out);
      return;
    }
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length === 0) return;
    const quote = text.indexOf('"');
    let cr = text.indexOf('\r');
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl === -1 ? text.length : nl;
      while (cr !== -1 && cr < pos) cr = text.indexOf('\r', pos);
      // The line so far, without a last `\r` (of its `\r\n`, or of one cut in two by the chunks).
      const length =
        this.pendingLength +
        lineEnd -
        pos -
        ((lineEnd > pos ? text.charCodeAt(lineEnd - 1) === CR : this.pendingCR) ? 1 : 0);
      if (length > MAX_LINE) throw lineTooLong(this.linesSplit + 1);
      // What makes CSV more than lines split by the delimiter: a quote; a `\r` that does not end
      // the line (old-Mac breaks); a line break unlike the file's first. csv-parse reads the rest.
      const loneCR = (pos === 0 && this.pendingCR && nl !== 0) || (cr !== -1 && cr < lineEnd - 1);
      if ((quote !== -1 && quote < lineEnd) || loneCR) {
        this.handOver(text.slice(pos), out);
        return;
      }
      if (nl === -1) {
        this.pending.push(pos === 0 ? text : text.slice(pos));
        this.pendingLength += text.length - pos;
        this.pendingCR = text.charCodeAt(text.length - 1) === CR;
        return;
      }
      const isCRLF = nl > 0 ? text.charCodeAt(nl - 1) === CR : this.pendingCR;
      if (this.crlf === undefined) this.crlf = isCRLF;
      else if (this.crlf !== isCRLF) {
        this.handOver(text.slice(pos), out);
        return;
      }
      let content = text.slice(pos, isCRLF && nl > pos ? nl - 1 : nl);
      if (this.pending.length > 0) {
        content = this.pending.join('') + content;
        if (isCRLF && nl === pos) content = content.slice(0, -1); // the \r came with the previous chunk
        this.pending = [];
        this.pendingLength = 0;
        this.pendingCR = false;
      }
      this.splitLine(content, out);
      pos = nl + 1;
      if (pos === text.length) return;
    }
  }

  /** The end of input: the last record may lack its line break; an unclosed quote fails here. */
  async end(out: ParsedRow[]): Promise<void> {
    if (!this.parser) {
      if (this.pending.length === 0) return;
      const rest = this.pending.join('');
      this.pending = [];
      this.pendingLength = 0;
      // No quote, no `\r` but perhaps a last one, which csv-parse would trim away too.
      this.splitLine(this.pendingCR ? rest.slice(0, -1) : rest, out);
      return;
    }
    const parser = this.parser;
    const done = new Promise<void>((resolve) => {
      parser.once('end', resolve);
      parser.once('error', () => resolve());
    });
    parser.end();
    this.drain(out);
    parser.resume(); // flowing to the end: the records left arrive through 'data'
    parser.on('data', (r: Record) => this.take(r, out));
    await done;
    if (this.failure) throw this.syntaxError(this.failure);
  }

  /** One complete line, as csv-parse would return it (trimmed fields; blank lines skipped). */
  private splitLine(content: string, out: ParsedRow[]): void {
    this.linesSplit += 1;
    const fields = content.split(this.delimiter);
    for (let i = 0; i < fields.length; i++) fields[i] = trimField(fields[i]!);
    if (fields.length === 1 && fields[0] === '' && leftTrimmed(content) === 0) return; // skip_empty_lines, blanks too
    out.push({ line: this.linesSplit, fields });
  }

  /**
   * From the start of the current line on, csv-parse reads: the pending line and `rest`. Mixed
   * line breaks go there too (with the record delimiter it would have found first); its own line
   * count in such files follows rules of its own, so after a mixed break our line numbers may
   * differ from it by a line or two; the records do not.
   */
  private handOver(rest: string, out: ParsedRow[]): void {
    const text = this.pending.join('') + rest;
    this.pending = [];
    this.pendingLength = 0;
    this.pendingCR = false;
    this.startCsvParse();
    this.writeCsvParse(text, out);
  }

  private startCsvParse(): void {
    // Taking over mid-file: the line break the file started with, as csv-parse would have found it.
    // Its BOM, if any, was dropped here already: a U+FEFF further on is data.
    const recordDelimiter = this.linesSplit === 0 ? undefined : this.crlf ? '\r\n' : '\n';
    this.guard = { lines: this.linesSplit, length: 0, afterCR: false };
    this.lastRecordLine = this.linesSplit;
    this.parser = parse({
      delimiter: this.delimiter,
      record_delimiter: recordDelimiter,
      bom: !this.started,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      // A quoted field never closed swallows the rest of the file into one record.
      max_record_size: MAX_LINE,
    });
    this.parser.on('error', (err) => {
      this.failure ??= err;
    });
  }

  private writeCsvParse(text: string, out: ParsedRow[]): void {
    this.guardLines(text);
    this.parser!.write(text);
    this.drain(out);
  }

  /**
   * csv-parse's `max_record_size` counts field content only: a line of 100 MB of separators
   * would be a record of a hundred million empty fields. So physical lines (`\n`, `\r\n` or a
   * lone `\r`) are measured here too, in the new text only.
   */
  private guardLines(text: string): void {
    const g = this.guard;
    let nl = text.indexOf('\n');
    let cr = text.indexOf('\r');
    let pos = 0;
    for (;;) {
      const brk = nl === -1 ? cr : cr === -1 ? nl : Math.min(nl, cr);
      g.length += (brk === -1 ? text.length : brk) - pos;
      if (g.length > MAX_LINE) throw lineTooLong(g.lines + 1);
      if (brk === -1) break;
      // `\r\n` is one break: the `\n` right after a `\r` ends nothing more.
      if (brk === cr || !(brk === 0 ? g.afterCR : text.charCodeAt(brk - 1) === CR)) g.lines += 1;
      g.length = 0;
      pos = brk + 1;
      if (brk === nl) nl = text.indexOf('\n', pos);
      else cr = text.indexOf('\r', pos);
    }
    if (text.length > 0) g.afterCR = text.charCodeAt(text.length - 1) === CR;
  }

  private drain(out: ParsedRow[]): void {
    const parser = this.parser!;
    // write() runs the transform synchronously: its records are in the readable buffer now.
    for (let r = parser.read() as Record | null; r !== null; r = parser.read() as Record | null) this.take(r, out);
    // The 'error' event comes a tick later; `errored` is set at once, so a write that failed
    // (a record over max_record_size) stops the reading now, not one chunk later.
    this.failure ??= parser.errored ?? undefined;
    if (this.failure) throw this.syntaxError(this.failure);
  }

  private take(r: Record, out: ParsedRow[]): void {
    this.lastRecordLine = r.info.lines + this.linesSplit;
    out.push({ line: this.lastRecordLine, fields: r.record });
  }

  private syntaxError(failure: Error & { code?: string }): CsvSyntaxError {
    // The line where the record starts, where its unclosed quote is, not where it grew too long.
    if (failure.code === 'CSV_MAX_RECORD_SIZE') return lineTooLong(this.lastRecordLine + 1, failure);
    return new CsvSyntaxError(`CSV non leggibile: ${failure.message}`, { cause: failure });
  }
}

/** Italian, with the line, for the referent who has to open the file and look. */
function lineTooLong(line: number, cause?: Error): CsvSyntaxError {
  return new CsvSyntaxError(
    `Riga ${line} troppo lunga (oltre ${String(MAX_LINE).replace(/\B(?=(\d{3})+$)/g, '.')} caratteri): non sembra un file CSV del registro. Mancano gli a capo, o un campo tra virgolette non è chiuso?`,
    { cause },
  );
}

type Record = { record: string[]; info: { lines: number } };

const CR = 13;

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
