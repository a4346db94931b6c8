import { queryOptions, useQuery } from '@tanstack/react-query';
import { AggregateHistory } from '@primm/shared/contracts/aggregates';
import { api } from '../../../lib/api-client';

export const getAggregateHistory = (signal?: AbortSignal) =>
  api.get('/aggregates/history', AggregateHistory, { signal });

export const aggregateHistoryQueryOptions = () =>
  queryOptions({ queryKey: ['aggregates', 'history'], queryFn: ({ signal }) => getAggregateHistory(signal) });

export const useAggregateHistory = () => useQuery(aggregateHistoryQueryOptions());
