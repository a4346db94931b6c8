import type { RiskRow } from '@primm/shared/contracts/risk';
import { csvNumber, toCsv, type CsvCell } from '@primm/shared/csv/to-csv';

export type RiskCsvText = {
  header: string[];
  level: (level: 'attention' | 'high') => string;
  indicator: (key: string) => string;
  number: (value: number, digits: number) => string;
};

// Numbers are written with the language's decimal comma AND marked as numbers, so the formula
// guard (text only) leaves a negative trend as -0,5 instead of '-0,5 (issue 19).
const num = (value: number | null, digits: number, text: RiskCsvText): CsvCell =>
  value === null ? '' : csvNumber(text.number(value, digits));
const pct = (value: number | null, text: RiskCsvText) => num(value === null ? null : value * 100, 1, text);

/**
 * Exactly the rows shown (same filters and order), `;` separated with decimal commas as Italian
 * Excel expects, UTF-8 with a BOM so Excel reads the accents, CRLF line ends.
 */
export function toRiskCsv(rows: RiskRow[], text: RiskCsvText): string {
  return toCsv(
    text.header,
    rows.map((r): CsvCell[] => [
      r.lastName,
      r.firstName,
      r.computedTier,
      r.tier,
      r.review?.action === 'override' ? r.review.reason : '',
      pct(r.attendanceRate, text),
      pct(r.projectedAbsenceRate, text),
      r.failingSubjects,
      num(r.trend, 1, text),
      num(r.average, 2, text),
      r.indicators
        .filter((i) => i.level !== 'ok')
        .map((i) => `${text.indicator(i.key)} (${text.level(i.level as 'attention' | 'high')})`)
        .join(', '),
    ]),
  );
}
