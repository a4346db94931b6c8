import { queryOptions, useQuery } from '@tanstack/react-query';
import { AggregateTrend, type TrendQuery } from '@primm/shared/contracts/aggregates';
import { api } from '../../../lib/api-client';

export const getTrend = (filters: TrendQuery, signal?: AbortSignal) =>
  api.get('/aggregates/trend', AggregateTrend, { params: { ...filters }, signal });

export const trendQueryOptions = (filters: TrendQuery) =>
  queryOptions({ queryKey: ['aggregates', 'trend', filters], queryFn: ({ signal }) => getTrend(filters, signal) });

/** Keeps the previous months on screen (aria-busy) while new filters load, like the other charts. */
export const useTrend = (filters: TrendQuery, enabled = true) =>
  useQuery({ ...trendQueryOptions(filters), placeholderData: (previous) => previous, enabled });
