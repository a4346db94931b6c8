/**
 * Italian grade notation as registers write it (see GLOSSARY "voto"):
 * `6+` = 6.25, `6-` / `6–` = 5.75, `6½` / `6 1/2` / `6,5` = 6.5, `7/8` and `7-8` = 7.5,
 * `NC` = non classificato (kept, never averaged), religion / alternative activity judgements
 * (kept, never averaged), `--` = no grade.
 */
export type ParsedGrade =
  | { kind: 'number'; value: number }
  | { kind: 'nc' }
  | { kind: 'judgement'; judgement: Judgement }
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string };

export const JUDGEMENTS = ['insufficiente', 'sufficiente', 'discreto', 'buono', 'distinto', 'ottimo'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

// Some registers add "non" / "gravemente" or write the judgement with capitals and trailing dots.
const JUDGEMENT_ALIASES: Record<string, Judgement> = {
  'non sufficiente': 'insufficiente',
  'gravemente insufficiente': 'insufficiente',
  moltissimo: 'ottimo',
};

const MIN = 0;
const MAX = 10;
const QUARTER = 0.25; // the weight of a "+" or a "-"

export function parseGrade(input: string): ParsedGrade {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '' || /^-+$/.test(text) || text === '—') return { kind: 'none' };
  const lower = text.toLowerCase().replace(/\.+$/, '');
  if (lower === 'nc' || lower === 'n.c' || lower === 'n.c.' || lower === 'non classificato') return { kind: 'nc' };
  if ((JUDGEMENTS as readonly string[]).includes(lower)) return { kind: 'judgement', judgement: lower as Judgement };
  const alias = JUDGEMENT_ALIASES[lower];
  if (alias) return { kind: 'judgement', judgement: alias };

  const value = parseNumericGrade(text.replace(/[–—]/g, '-'));
  if (value === undefined) return { kind: 'invalid', reason: `voto non riconosciuto: "${input.trim()}"` };
  if (value < MIN || value > MAX)
    return { kind: 'invalid', reason: `voto fuori scala (${MIN}–${MAX}): "${input.trim()}"` };
  return { kind: 'number', value };
}

function parseNumericGrade(text: string): number | undefined {
  let m = /^(\d{1,2})\s*(½|\s1\/2| e mezzo)$/.exec(text);
  if (m) return Number(m[1]) + 0.5;

  m = /^(\d{1,2})\s*([+-])$/.exec(text);
  if (m) return Number(m[1]) + (m[2] === '+' ? QUARTER : -QUARTER);

  // "7/8" or "7-8": between two consecutive grades.
  m = /^(\d{1,2})\s*[/-]\s*(\d{1,2})$/.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return b === a + 1 ? a + 0.5 : undefined;
  }

  m = /^(\d{1,2})(?:[.,](\d{1,2}))?$/.exec(text);
  if (m) return Number(`${m[1]}.${m[2] ?? '0'}`);
  return undefined;
}
