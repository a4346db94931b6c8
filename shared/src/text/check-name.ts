/**
 * Names (of people, schools, places) come from files and forms and are shown in lists, exports
 * and the audit log. A name never needs control characters, direction overrides or line breaks,
 * and each of them can make a list lie: a NUL or ESC truncates or colours a terminal or log line,
 * a right-to-left override (U+202E) before `atsiv` shows `Rossivista`, a line break adds a fake row to a
 * log or a CSV export. So they are refused, not cleaned: the register must fix its data.
 */

/** Longest name part accepted, in characters (code points). Long Italian and foreign surnames stay far below. */
export const NAME_MAX = { person: 100, school: 200, place: 100 } as const;

export type NameProblem =
  | { kind: 'too_long'; max: number }
  | { kind: 'line_break'; codePoint: number }
  | { kind: 'control'; codePoint: number }
  | { kind: 'bidi'; codePoint: number };

// LF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR; VT and FF too (Unicode line breaks).
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/u;
// C0 (incl. TAB), DEL, C1.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), and the invisible marks
// (LRM, RLM, ALM) that reorder the same way without showing.
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

/** The first reason `text` is not acceptable as a name of at most `max` characters, or null. */
export function checkName(text: string, max: number): NameProblem | null {
  for (const [kind, pattern] of [
    ['line_break', LINE_BREAK],
    ['control', CONTROL],
    ['bidi', BIDI],
  ] as const) {
    const found = pattern.exec(text);
    if (found) return { kind, codePoint: found[0].codePointAt(0)! };
  }
  // Code points, not UTF-16 units: `Nguyễn` or a name in Chinese counts what the reader sees.
  if ([...text].length > max) return { kind: 'too_long', max };
  return null;
}

/** The problem in Italian, for a rejected row or a form error. */
export function describeNameProblem(problem: NameProblem): string {
  switch (problem.kind) {
    case 'too_long':
      return `più lungo di ${problem.max} caratteri`;
    case 'line_break':
      return `contiene un a capo (${hex(problem.codePoint)}), non ammesso in un nome`;
    case 'control':
      return `contiene un carattere di controllo (${hex(problem.codePoint)}), non ammesso in un nome`;
    case 'bidi':
      return `contiene un carattere che cambia la direzione del testo (${hex(problem.codePoint)}), non ammesso in un nome`;
  }
}

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
