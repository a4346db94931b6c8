import { message, type Message } from './message';
import { probabilityOf } from './risk-model';
import type { RiskSettings } from './settings';
import type { MeasuredIndicator, RiskDomain, Tier, TierReason } from './types';

const DOMAIN_ORDER: RiskDomain[] = ['frequenza', 'comportamento', 'rendimento', 'percorso'];
/** The areas of this school year; `percorso` (past years) is context that never raises a level alone. */
const CURRENT_YEAR: ReadonlySet<RiskDomain> = new Set(['frequenza', 'comportamento', 'rendimento']);
const SEVERITY = { ok: 0, attention: 1, high: 2 } as const;

export interface TierResult {
  /** The level (1, 2, 3; "Livello" to users). */
  tier: Tier;
  /** Without their words: those are the indicators' own (`assessStudent` adds them). */
  reasons: Omit<TierReason, 'explanation' | 'message'>[];
  /** Why this level, as a message ("Livello 2: segnale alto in 1 area (rendimento)."). */
  message: Message;
  highDomains: RiskDomain[];
  attentionDomains: RiskDomain[];
  /** Disengagement in progress (the `disengagement` indicator is high): level 3 whatever else. */
  disengaged: boolean;
  /** The settings' model's probability of a bad outcome; null without a model. */
  probability: number | null;
  score: number;
}

/**
 * The level, by rules in the EWIMS / ABC tradition (`settings.levels.basis` 'rules', the default),
 * counted by area so one weak grade does not count three times (an area is as severe as its most
 * severe indicator):
 * - level 3 (intensive): disengagement in progress; or high in ≥ `tier3MinHighDomains` areas, at
 *   least one of this year (the school career counts here);
 * - level 2 (targeted): high in ≥ `tier2MinHighDomains` areas of this year (attendance,
 *   behaviour, course performance), or attention in ≥ `tier2MinAttentionDomains` areas when that
 *   is not 0 (it is 0 by default);
 * - level 1 (universal): otherwise. Past years alone (two repeated years, say) never raise it.
 * With basis 'probability' and a model, the level is where the probability falls among the cut
 * points (`level2From`, `level3From`); disengagement is still level 3.
 * `score` orders students for lists (and the AUC of the validation): the level, then the sum of
 * the indicators' severities, then how far the overall average is below 10. It explains itself.
 */
export function computeTier(indicators: MeasuredIndicator[], settings: RiskSettings): TierResult {
  const level = measureTier(indicators, settings);
  const { tier, highDomains, attentionDomains, disengaged, probability, score } = level;
  const reasons: Omit<TierReason, 'explanation' | 'message'>[] = indicators
    .filter((i): i is MeasuredIndicator & { level: 'attention' | 'high' } => i.level !== 'ok')
    .sort(
      (a, b) =>
        SEVERITY[b.level] - SEVERITY[a.level] ||
        DOMAIN_ORDER.indexOf(a.domain) - DOMAIN_ORDER.indexOf(b.domain) ||
        (a.key === 'disengagement' ? -1 : b.key === 'disengagement' ? 1 : 0),
    )
    .map((i) => ({ key: i.key, domain: i.domain, level: i.level }));

  const watch = attentionDomains.filter((d) => !highDomains.includes(d));
  const highThisYear = highDomains.filter((d) => CURRENT_YEAR.has(d));
  const m =
    settings.levels.basis === 'probability' && probability !== null
      ? disengaged
        ? message('explain.level.probability_disengagement', { probability })
        : message('explain.level.probability', {
            level: tier,
            probability,
            level2From: settings.levels.level2From,
            level3From: settings.levels.level3From,
          })
      : levelMessage(tier, disengaged, highDomains, highThisYear, watch);
  return { tier, reasons, message: m, highDomains, attentionDomains, disengaged, probability, score };
}

/**
 * `computeTier` without its words (the reasons and the level's message): what the regional
 * recompute stores, for every student of the region (the reasons are sorted and the message built
 * from the stored levels when read, `explainStored`).
 */
export function measureTier(
  indicators: MeasuredIndicator[],
  settings: RiskSettings,
): Omit<TierResult, 'reasons' | 'message'> {
  const t = settings.tier;
  const severityOf = new Map<RiskDomain, number>();
  for (const i of indicators) severityOf.set(i.domain, Math.max(severityOf.get(i.domain) ?? 0, SEVERITY[i.level]));
  const highDomains = DOMAIN_ORDER.filter((d) => severityOf.get(d) === 2);
  const attentionDomains = DOMAIN_ORDER.filter((d) => (severityOf.get(d) ?? 0) >= 1);
  const highThisYear = highDomains.filter((d) => CURRENT_YEAR.has(d));
  const disengaged = indicators.some((i) => i.key === 'disengagement' && i.level === 'high');
  const probability = settings.model ? probabilityOf(indicators, settings.model) : null;

  let tier: Tier;
  if (settings.levels.basis === 'probability' && probability !== null) {
    tier =
      disengaged || probability >= settings.levels.level3From ? 3 : probability >= settings.levels.level2From ? 2 : 1;
  } else {
    tier =
      disengaged || (highThisYear.length > 0 && highDomains.length >= t.tier3MinHighDomains)
        ? 3
        : highThisYear.length >= t.tier2MinHighDomains ||
            (t.tier2MinAttentionDomains > 0 && attentionDomains.length >= t.tier2MinAttentionDomains)
          ? 2
          : 1;
  }

  const points = Math.min(
    9,
    indicators.reduce((a, i) => a + SEVERITY[i.level], 0),
  );
  const average = indicators.find((i) => i.key === 'grade_average')?.value ?? null;
  const gradeGap = average === null ? 0 : Math.min(1, Math.max(0, (10 - average) / 10));
  const score = tier + points / 10 + gradeGap * 0.099;
  return { tier, highDomains, attentionDomains, disengaged, probability, score };
}

function levelMessage(
  tier: Tier,
  disengaged: boolean,
  high: RiskDomain[],
  highThisYear: RiskDomain[],
  watch: RiskDomain[],
): Message {
  const areas = (ds: RiskDomain[]) =>
    message('explain.unit.areas', { count: ds.length, list: ds.map((d) => message(`explain.area.${d}`)) });
  if (disengaged) {
    const others = high.filter((d) => d !== 'frequenza');
    return others.length > 0
      ? message('explain.level.3_disengagement_more', { high: areas(others) })
      : message('explain.level.3_disengagement');
  }
  if (tier === 3) return message('explain.level.3_high', { high: areas(high) });
  if (tier === 2 && highThisYear.length > 0) {
    return watch.length > 0
      ? message('explain.level.2_high_watch', { high: areas(high), watch: areas(watch) })
      : message('explain.level.2_high', { high: areas(high) });
  }
  if (tier === 2) return message('explain.level.2_attention', { watch: areas([...new Set([...high, ...watch])]) });
  if (high.length > 0 && highThisYear.length === 0) {
    return watch.length > 0
      ? message('explain.level.1_history_watch', { watch: areas(watch) })
      : message('explain.level.1_history');
  }
  return watch.length > 0
    ? message('explain.level.1_attention', { watch: areas(watch) })
    : message('explain.level.1_none');
}
