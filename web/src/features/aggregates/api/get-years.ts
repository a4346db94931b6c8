import { queryOptions, useQuery } from '@tanstack/react-query';
import { AggregateYears } from '@primm/shared/contracts/aggregates';
import { api } from '../../../lib/api-client';

export const getAggregateYears = (signal?: AbortSignal) => api.get('/aggregates/years', AggregateYears, { signal });

export const aggregateYearsQueryOptions = () =>
  queryOptions({ queryKey: ['aggregates', 'years'], queryFn: ({ signal }) => getAggregateYears(signal) });

/** The school years with data (newest first) and the one answered by default. */
export const useAggregateYears = () => useQuery(aggregateYearsQueryOptions());
