import { queryOptions, useQuery } from '@tanstack/react-query';
import { FairnessReport } from '@primm/shared/contracts/aggregates';
import { api } from '../../../lib/api-client';

/** `compare`: the previous year's report at the same date beside it (`compare=previous`, FairnessReport.previous). */
export const getFairness = (year: string | undefined, compare = false, signal?: AbortSignal) =>
  api.get('/fairness', FairnessReport, {
    params: { year, ...(compare ? { compare: 'previous' } : {}) },
    signal,
  });

export const fairnessQueryOptions = (year: string | undefined, compare = false) =>
  queryOptions({
    queryKey: ['fairness', { year, compare }],
    queryFn: ({ signal }) => getFairness(year, compare, signal),
  });

/** Keeps the report on screen while the comparison loads, as useAggregates does. */
export const useFairness = (year: string | undefined, enabled = true, compare = false) =>
  useQuery({ ...fairnessQueryOptions(year, compare), enabled, placeholderData: (previous) => previous });
