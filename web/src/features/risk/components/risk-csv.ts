import type { RiskRow } from '@primm/shared/contracts/risk';

/**
 * A cell Excel or LibreOffice could run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
 * first: OWASP "CSV injection") gets a leading `'`; then the usual quoting for `;`, quotes and
 * line breaks.
 */
export function escapeCsvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export type RiskCsvText = {
  header: string[];
  level: (level: 'attention' | 'high') => string;
  indicator: (key: string) => string;
  number: (value: number, digits: number) => string;
};

const pct = (value: number | null, text: RiskCsvText) => (value === null ? '' : text.number(value * 100, 1));

/**
 * Exactly the rows shown (same filters and order), `;` separated with decimal commas as Italian
 * Excel expects, UTF-8 with a BOM so Excel reads the accents, CRLF line ends.
 */
export function toRiskCsv(rows: RiskRow[], text: RiskCsvText): string {
  const lines = [text.header].concat(
    rows.map((r) => [
      r.lastName,
      r.firstName,
      String(r.computedTier),
      String(r.tier),
      r.review?.action === 'override' ? r.review.reason : '',
      pct(r.attendanceRate, text),
      pct(r.projectedAbsenceRate, text),
      r.failingSubjects === null ? '' : String(r.failingSubjects),
      r.trend === null ? '' : text.number(r.trend, 1),
      r.average === null ? '' : text.number(r.average, 2),
      r.indicators
        .filter((i) => i.level !== 'ok')
        .map((i) => `${text.indicator(i.key)} (${text.level(i.level as 'attention' | 'high')})`)
        .join(', '),
    ]),
  );
  return `\uFEFF${lines.map((cells) => cells.map(escapeCsvCell).join(';')).join('\r\n')}\r\n`;
}
