import { queryOptions, useQuery } from '@tanstack/react-query';
import { Deadlines } from '@primm/shared/contracts/compulsory';
import { api } from '../../../lib/api-client';

export const getDeadlines = (schoolCode: string, signal?: AbortSignal) =>
  api.get(`/schools/${schoolCode}/deadlines`, Deadlines, { signal });

/** Every school's deadlines share this prefix: a notice or a report changes the list of the student's school. */
export const allDeadlinesQueryKey = ['deadlines'] as const;

export const deadlinesQueryOptions = (schoolCode: string) =>
  queryOptions({
    queryKey: [...allDeadlinesQueryKey, schoolCode],
    queryFn: ({ signal }) => getDeadlines(schoolCode, signal),
    // Legal deadlines: always re-read on mount rather than trust a minute-old list.
    staleTime: 0,
  });

export const useDeadlines = (schoolCode: string) => useQuery(deadlinesQueryOptions(schoolCode));
