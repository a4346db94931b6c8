import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'windows-1252';
export type CsvDelimiter = ';' | ',' | '\t';

export interface CsvDialect {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

export const SAMPLE_BYTES = 1 << 20;

/**
 * What real registers write (DESIGN.md): UTF-8 with or without BOM, or Windows-1252 from older
 * Excel exports; `;` in Italy, sometimes `,` or tab. Decided from the first megabyte: a sample
 * that is not valid UTF-8 is Windows-1252; the delimiter is the candidate most frequent in the
 * header line outside quotes.
 */
export function sniffCsv(path: string): CsvDialect {
  const fd = openSync(path, 'r');
  let sample: Buffer;
  let size: number;
  try {
    size = fstatSync(fd).size;
    // As long as the file, up to the sample: a region has ≈ 1 800 files, most far below a
    // megabyte, and each got a zero-filled megabyte (importing the 81 schools of 20 000 students
    // without events: 0.33 s of 4.0 sampled; the command's CPU 5.7–6.0 → 5.5–5.8 s, alternated).
    const buffer = Buffer.allocUnsafe(Math.min(size, SAMPLE_BYTES));
    sample = buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
  return sniffSample(sample, size > sample.length);
}

export function sniffSample(sample: Buffer, truncated = false): CsvDialect {
  const encoding: CsvEncoding = isUtf8(truncated ? trimPartialCharacter(sample) : sample) ? 'utf-8' : 'windows-1252';
  const text = encoding === 'utf-8' ? sample.toString('utf8') : iconv.decode(sample, 'win1252');
  return { encoding, delimiter: sniffDelimiter(firstLine(text.replace(/^\uFEFF/, ''))) };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** A sample cut at a fixed size may end inside a multi-byte character: drop that tail. */
function trimPartialCharacter(bytes: Buffer): Buffer {
  let end = bytes.length;
  let i = end - 1;
  while (i >= 0 && i >= end - 4 && (bytes[i]! & 0xc0) === 0x80) i--;
  if (i >= 0 && bytes[i]! >= 0xc0) end = i;
  return bytes.subarray(0, end);
}

function firstLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

function sniffDelimiter(header: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c in counts) counts[c as CsvDelimiter] += 1;
  }
  const best = (Object.entries(counts) as [CsvDelimiter, number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ';' : best[0];
}
