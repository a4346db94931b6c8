import { INDICATOR_DOMAIN, type IndicatorKey, type MeasuredIndicator, type RiskLevel } from '@primm/shared/risk/types';

/**
 * `risk_result.indicators` as the recompute writes it: one array per indicator,
 * `[key, value, level, details?, explanation?]` (details null when there are none but a sentence
 * follows), the domain left out (the key decides it,
 * `INDICATOR_DOMAIN`). Property names repeated ten times a row were a third of what was left of
 * it once the sentences went (docs/performance.md). Rows written before are objects: both read.
 */
type StoredTuple = [IndicatorKey, number | null, RiskLevel, (Record<string, unknown> | null)?, string?];

export function serializeIndicators(indicators: MeasuredIndicator[]): string {
  return JSON.stringify(indicators.map((i): StoredTuple => {
    if (i.explanation !== undefined) return [i.key, i.value, i.level, i.details ?? null, i.explanation];
    return i.details !== undefined ? [i.key, i.value, i.level, i.details] : [i.key, i.value, i.level];
  }));
}

export function parseIndicators(text: string): MeasuredIndicator[] {
  return (JSON.parse(text) as (StoredTuple | MeasuredIndicator)[]).map((t) => {
    if (!Array.isArray(t)) return t;
    const [key, value, level, details, explanation] = t;
    const m: MeasuredIndicator = { key, domain: INDICATOR_DOMAIN[key], value, level };
    if (details != null) m.details = details;
    if (explanation !== undefined) m.explanation = explanation;
    return m;
  });
}
