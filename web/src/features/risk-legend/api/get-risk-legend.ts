import { queryOptions, useQuery } from '@tanstack/react-query';
import { RiskLegend } from '@primm/shared/contracts/risk-legend';
import { api } from '../../../lib/api-client';

export const getRiskLegend = (signal?: AbortSignal) => api.get('/risk/legend', RiskLegend, { signal });

/** One legend for the region until an admin saves a new backtest: read once per session. */
export const riskLegendQueryOptions = () => queryOptions({ queryKey: ['risk', 'legend'], queryFn: ({ signal }) => getRiskLegend(signal), staleTime: 10 * 60_000 });

export const useRiskLegend = () => useQuery(riskLegendQueryOptions());
