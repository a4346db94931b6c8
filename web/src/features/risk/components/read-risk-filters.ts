import { IndicatorKey, RiskSort, RiskTier } from '@primm/shared/contracts/risk';
import type { RiskFilters } from '../api/get-class-risk';

/** A hand-edited or stale link keeps its valid filters and drops the rest, instead of failing. */
export function readRiskFilters(params: URLSearchParams): RiskFilters {
  const order = params.get('order');
  return {
    tier: RiskTier.safeParse(Number(params.get('tier'))).data,
    indicator: IndicatorKey.safeParse(params.get('indicator')).data,
    sort: RiskSort.safeParse(params.get('sort')).data,
    order: order === 'asc' || order === 'desc' ? order : undefined,
  };
}

export function toRiskParams(filters: RiskFilters): Record<string, string> {
  const entries = Object.entries(filters).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.map(([k, v]) => [k, String(v)]));
}

/** The server's defaults (server/src/risk/sort-risk-rows.ts): tier highest first, the others lowest first. */
export function defaultOrder(sort: RiskFilters['sort']): 'asc' | 'desc' {
  return (sort ?? 'tier') === 'tier' ? 'desc' : 'asc';
}
