import { queryOptions, useQuery } from '@tanstack/react-query';
import { ArrivalList } from '@primm/shared/contracts/arrivals';
import { api } from '../../../lib/api-client';

export const getArrivals = (signal?: AbortSignal) => api.get('/arrivals', ArrivalList, { signal });

export const arrivalsQueryOptions = () =>
  queryOptions({
    queryKey: ['arrivals'],
    queryFn: ({ signal }) => getArrivals(signal),
    // Another school's mediator adds to this list: read it afresh each time the home opens.
    staleTime: 0,
  });

export const useArrivals = () => useQuery(arrivalsQueryOptions());
