import { queryOptions, useQuery } from '@tanstack/react-query';
import { OpenDataRelease } from '@primm/shared/contracts/open-data';
import { api } from '../../../lib/api-client';

export const getOpenDataRelease = (id: number, signal?: AbortSignal) =>
  api.get(`/open-data/releases/${id}`, OpenDataRelease, { signal });

export const openDataReleaseQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['open-data', 'releases', id],
    queryFn: ({ signal }) => getOpenDataRelease(id, signal),
    // A release never changes once published.
    staleTime: Infinity,
  });

export const useOpenDataRelease = (id: number | undefined) =>
  useQuery({ ...openDataReleaseQueryOptions(id ?? 0), enabled: id !== undefined });
