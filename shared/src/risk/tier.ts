import type { RiskSettings } from './settings';
import type { MeasuredIndicator, RiskDomain, Tier, TierReason } from './types';

const DOMAIN_ORDER: RiskDomain[] = ['frequenza', 'comportamento', 'rendimento', 'percorso'];
const SEVERITY = { ok: 0, attention: 1, high: 2 } as const;

export interface TierResult {
  tier: Tier;
  /** Without their sentences: those are the indicators' own (`assessStudent` adds them). */
  reasons: Omit<TierReason, 'explanation'>[];
  explanation: string;
  highDomains: RiskDomain[];
  attentionDomains: RiskDomain[];
  score: number;
}

/**
 * Composite tier in the EWIMS / ABC tradition, counted by area so one weak grade does not count
 * three times: an area is as severe as its most severe indicator.
 * - tier 3 (intensive): high in ≥ `tier3MinHighDomains` areas;
 * - tier 2 (targeted): high in ≥ `tier2MinHighDomains` areas, or attention-or-high in
 *   ≥ `tier2MinAttentionDomains` areas;
 * - tier 1 (universal): otherwise.
 * `score` orders students for lists (and the AUC of the validation): the tier, then the sum of
 * the indicators' severities, then how far the overall average is below 10. It explains itself.
 */
export function computeTier(indicators: MeasuredIndicator[], settings: RiskSettings): TierResult {
  const t = settings.tier;
  const severityOf = new Map<RiskDomain, number>();
  for (const i of indicators) severityOf.set(i.domain, Math.max(severityOf.get(i.domain) ?? 0, SEVERITY[i.level]));
  const highDomains = DOMAIN_ORDER.filter((d) => severityOf.get(d) === 2);
  const attentionDomains = DOMAIN_ORDER.filter((d) => (severityOf.get(d) ?? 0) >= 1);
  const tier: Tier =
    highDomains.length >= t.tier3MinHighDomains
      ? 3
      : highDomains.length >= t.tier2MinHighDomains || attentionDomains.length >= t.tier2MinAttentionDomains
        ? 2
        : 1;

  const reasons: Omit<TierReason, 'explanation'>[] = indicators
    .filter((i): i is MeasuredIndicator & { level: 'attention' | 'high' } => i.level !== 'ok')
    .sort((a, b) => SEVERITY[b.level] - SEVERITY[a.level] || DOMAIN_ORDER.indexOf(a.domain) - DOMAIN_ORDER.indexOf(b.domain))
    .map((i) => ({ key: i.key, domain: i.domain, level: i.level }));

  const areas = (ds: RiskDomain[]) => `${ds.length} ${ds.length === 1 ? 'area' : 'aree'} (${ds.join(', ')})`;
  const watch = attentionDomains.filter((d) => !highDomains.includes(d));
  let explanation: string;
  if (tier === 3) explanation = `Tier 3: segnali alti in ${areas(highDomains)}.`;
  else if (highDomains.length > 0) explanation = `Tier 2: segnale alto in ${areas(highDomains)}${watch.length ? `, attenzione in ${areas(watch)}` : ''}.`;
  else if (tier === 2) explanation = `Tier 2: segnali di attenzione in ${areas(attentionDomains)}.`;
  else if (attentionDomains.length > 0) explanation = `Tier 1: nessun segnale alto; attenzione in ${areas(attentionDomains)}.`;
  else explanation = 'Tier 1: nessun segnale di rischio.';

  const points = Math.min(9, indicators.reduce((a, i) => a + SEVERITY[i.level], 0));
  const average = indicators.find((i) => i.key === 'grade_average')?.value ?? null;
  const gradeGap = average === null ? 0 : Math.min(1, Math.max(0, (10 - average) / 10));
  const score = tier + points / 10 + gradeGap * 0.099;
  return { tier, reasons, explanation, highDomains, attentionDomains, score };
}
