import { queryOptions, useQuery } from '@tanstack/react-query';
import { AggregateResult, type AggregateQuery, type Dimension, type Measure } from '@primm/shared/contracts/aggregates';
import { api } from '../../../lib/api-client';

/** The filters of `GET /api/aggregates`, as the contract types them. */
export type AggregateFilters = Omit<AggregateQuery, 'groupBy' | 'measures'>;

export type AggregateRequest = {
  groupBy: Dimension[];
  measures: readonly Measure[];
  filters: AggregateFilters;
  /** Add the previous year at the same date (`compare=previous`, AggregateResult.previous). */
  compare?: boolean;
};

/** Lists travel comma-separated (`groupBy=province,citizenshipGroup`), as the contract parses them. */
export const getAggregates = ({ groupBy, measures, filters, compare }: AggregateRequest, signal?: AbortSignal) =>
  api.get('/aggregates', AggregateResult, {
    params: {
      groupBy: groupBy.join(','),
      measures: measures.join(','),
      ...filters,
      ...(compare ? { compare: 'previous' } : {}),
    },
    signal,
  });

export const aggregatesQueryOptions = (request: AggregateRequest) =>
  queryOptions({ queryKey: ['aggregates', request], queryFn: ({ signal }) => getAggregates(request, signal) });

/** Keeps the previous numbers on screen (aria-busy) while new filters load, so charts do not flash. */
export const useAggregates = (request: AggregateRequest, enabled = true) =>
  useQuery({ ...aggregatesQueryOptions(request), enabled, placeholderData: (previous) => previous });
