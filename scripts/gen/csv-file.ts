import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';

/** docs/data-format.md: `;` separated, LF, UTF-8 without BOM, quotes only where needed. */
const OPTIONS = { delimiter: ';', record_delimiter: 'unix' } as const;
const BATCH = 4096;

/**
 * One CSV file written in batches: rows are turned into text by csv-stringify a few thousand at
 * a time and streamed out, waiting for the disk when the stream buffer is full, so memory stays
 * bounded however many rows a school has.
 */
export class CsvFile {
  private readonly stream: WriteStream;
  private pending: string[][] = [];
  rows = 0;

  constructor(path: string, header: readonly string[]) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.pending.push([...header]);
  }

  add(row: string[]): void {
    this.pending.push(row);
    this.rows++;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = stringify(this.pending, OPTIONS);
    this.pending = [];
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async flushIfFull(): Promise<void> {
    if (this.pending.length >= BATCH) await this.flush();
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
