import { expect, test } from 'vitest';
import { UPLOAD_LIMITS } from '@primm/shared/contracts/imports';
import { CsvParser, CsvSyntaxError, type ParsedRow } from './csv-parser';

const MAX = UPLOAD_LIMITS.maxLineChars;

/**
 * Characters the string and regexp built-ins examine while `run` runs: what the parser scans, not
 * how long it takes. A search from `from` costs what is left after it; a copy or split, its
 * length; a regexp, its whole input. String concatenation is lazy in V8 (a rope), so a carry
 * that is re-read shows up at its next search or copy, where the characters are really examined.
 */
function scannedBy(run: () => void): number {
  let scanned = 0;
  type Cost = (self: unknown, args: unknown[], result: unknown) => number;
  type Proto = Record<string | symbol, (...a: unknown[]) => unknown>;
  type Patch = [Proto, string | symbol, Cost];
  const [S, R, A] = [String.prototype, RegExp.prototype, Array.prototype] as unknown as Proto[];
  const length: Cost = (self) => (self as string).length;
  const fromIndex: Cost = (self, args) => (self as string).length - Number(args[1] ?? 0);
  const copied: Cost = (_self, _args, result) => (result as string).length;
  const input: Cost = (_self, args) => String(args[0]).length;
  const patches: Patch[] = [
    ...['indexOf', 'includes', 'startsWith', 'endsWith'].map((m): Patch => [S!, m, fromIndex]),
    ...[
      'lastIndexOf',
      'split',
      'trim',
      'trimEnd',
      'trimStart',
      'replace',
      'replaceAll',
      'match',
      'matchAll',
      'search',
      'normalize',
      'toLowerCase',
    ].map((m): Patch => [S!, m, length]),
    ...['slice', 'substring', 'substr', 'concat'].map((m): Patch => [S!, m, copied]),
    [S!, 'charCodeAt', () => 1],
    ...['test', 'exec', Symbol.replace, Symbol.split, Symbol.match, Symbol.search].map((m): Patch => [R!, m, input]),
    [A!, 'join', copied],
  ];
  const originals = patches.map(([proto, name]) => proto[name]!);
  patches.forEach(([proto, name, cost], i) => {
    const original = originals[i]!;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      scanned += cost(this, args, result);
      return result;
    };
  });
  try {
    run();
  } finally {
    patches.forEach(([proto, name], i) => {
      proto[name] = originals[i]!;
    });
  }
  return scanned;
}

test.each([1, 7, 100])(
  'CsvParser: when lines just under the length limit arrive %i characters at a time, then the work is proportional to the text, the unfinished line is never re-scanned',
  (size) => {
    const line = 'x'.repeat(10_000);
    const text = `a;b\n${line};${line}\n${line}\n`;
    const pieces = Array.from({ length: Math.ceil(text.length / size) }, (_, i) =>
      text.slice(i * size, (i + 1) * size),
    );
    const parser = new CsvParser(';');
    const out: ParsedRow[] = [];

    const scanned = scannedBy(() => {
      for (const piece of pieces) parser.push(piece, out);
    });

    expect(out.map((r) => r.fields.join(';').length)).toEqual([3, 20_001, 10_000]);
    // Re-scanning the carry at each piece costs about (pieces × line) / 2: millions here.
    expect(scanned).toBeLessThan(20 * text.length);
  },
);

test.each([
  ['one line, no line break at all', '', 'x'.repeat(4096)],
  ['a header, then a line with no break', 'Codice fiscale;Nome\n', 'y'.repeat(4096)],
  ['a quoted field never closed', 'Codice fiscale;Nome\nRSS;"', 'z'.repeat(4096)],
  ['a quoted field never closed, over short lines', 'Codice fiscale;Nome\nRSS;"', 'riga corta\n'.repeat(400)],
  ['separators only', 'a;b\n"q";', ';'.repeat(4096)],
])(
  'CsvParser: when a record grows past the length limit (%s), then it is refused with its line as soon as the limit is passed, without reading on',
  (_name, head, piece) => {
    const parser = new CsvParser(';');
    const out: ParsedRow[] = [];
    let pushed = head.length;
    parser.push(head, out);

    let error: unknown;
    try {
      while (pushed < 10 * MAX) {
        parser.push(piece, out);
        pushed += piece.length;
      }
    } catch (err) {
      error = err;
    }

    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as Error).message).toMatch(new RegExp(`^Riga ${head === '' ? 1 : 2} troppo lunga`));
    // Refused within one piece (and csv-parse's few bytes of look-ahead) of the limit.
    expect(pushed).toBeLessThanOrEqual(head.length + MAX + 2 * piece.length);
  },
);

test('CsvParser: when a line is longer than the limit inside one chunk, then it is refused with its line number', () => {
  const parser = new CsvParser(',');

  expect(() => parser.push(`a,b\n1,2\n${'x'.repeat(MAX + 1)}\n3,4\n`, [])).toThrow(/^Riga 3 troppo lunga/);
});

test('CsvParser: when a line is exactly at the limit, then it is read', async () => {
  const parser = new CsvParser(';');
  const out: ParsedRow[] = [];

  parser.push(`a\n${'x'.repeat(MAX)}\r`, out);
  parser.push('\n', out);
  await parser.end(out);

  expect(out.map((r) => r.fields[0]!.length)).toEqual([1, MAX]);
});
