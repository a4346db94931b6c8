import { queryOptions, useQuery } from '@tanstack/react-query';
import { RiskLegend } from '@primm/shared/contracts/risk-legend';
import { api } from '../../../lib/api-client';

/** What each level meant on the region's latest saved backtest (every role; no personal data). */
export const getRiskLegend = (signal?: AbortSignal) => api.get('/risk/legend', RiskLegend, { signal });

// Changes only when an admin saves a backtest or new cut points: one read per visit is enough.
export const riskLegendQueryOptions = () =>
  queryOptions({ queryKey: ['risk', 'legend'], queryFn: ({ signal }) => getRiskLegend(signal), staleTime: 5 * 60_000 });

export const useRiskLegend = () => useQuery(riskLegendQueryOptions());
