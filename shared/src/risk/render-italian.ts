import { EXPLAIN_IT } from './explain-it';
import { formatDate, formatNumber, formatPercent, WEEKDAYS_IT } from './format';
import { wordMessage, type Message } from './message';

/**
 * The one Italian renderer of the engine's messages (`Message`): every `explanation` string (the
 * student's page, for clients that do not translate) comes from here, with the templates the web also loads
 * (`explain-it.ts`). It implements the part of i18next the templates use: `{{name}}`,
 * `{{name, format}}` and the `_one` / `_other` plural keys chosen by `count` (Italian: 1 is
 * "one", every other number "other", as `Intl.PluralRules('it')` says for the counts we have).
 */
export function renderItalian(m: Message): string {
  return wordMessage(m, translateItalian);
}

const FORMATS: Record<string, (value: unknown) => string> = {
  n0: (v) => formatNumber(Number(v), 0),
  n1: (v) => formatNumber(Number(v), 1),
  n2: (v) => formatNumber(Number(v), 2),
  percent: (v) => formatPercent(Number(v)),
  date: (v) => formatDate(String(v)),
  lower: (v) => String(v).toLowerCase(),
  weekday: (v) => WEEKDAYS_IT[Number(v)] ?? String(v),
};

const TEMPLATE = /\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g;

/** i18next's `t` for Italian over `EXPLAIN_IT`: the key's template, its plural by `count`, interpolated. */
export function translateItalian(key: string, params: Record<string, unknown>): string {
  const count = params.count;
  const template =
    (typeof count === 'number' ? lookup(`${key}_${count === 1 ? 'one' : 'other'}`) : undefined) ?? lookup(key);
  if (template === undefined) throw new Error(`testo mancante: ${key}`);
  return template.replace(TEMPLATE, (_all, name: string, format: string | undefined) => {
    const value = params[name];
    if (value === undefined || value === null) return '';
    if (format === undefined) return String(value);
    const f = FORMATS[format];
    if (!f) throw new Error(`formato sconosciuto: ${format} (${key})`);
    return f(value);
  });
}

const cache = new Map<string, string | undefined>();

function lookup(key: string): string | undefined {
  if (cache.has(key)) return cache.get(key);
  let node: unknown = EXPLAIN_IT;
  for (const part of key.split('.'))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  const found = typeof node === 'string' ? node : undefined;
  cache.set(key, found);
  return found;
}
