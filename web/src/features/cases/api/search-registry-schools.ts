import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { RegistrySchoolList } from '@primm/shared/contracts/arrivals';
import { api } from '../../../lib/api-client';

export const searchRegistrySchools = (q: string, signal?: AbortSignal) =>
  api.get('/registry-schools', RegistrySchoolList, { params: { q }, signal });

export const registrySchoolsQueryOptions = (q: string) =>
  queryOptions({
    queryKey: ['registry-schools', q],
    queryFn: ({ signal }) => searchRegistrySchools(q, signal),
    placeholderData: keepPreviousData,
    // the registry changes once a year: a search typed again needs no new request
    staleTime: 10 * 60_000,
  });

/** Searches from two characters on (the server's minimum). */
export const useRegistrySchools = (q: string) =>
  useQuery({ ...registrySchoolsQueryOptions(q.trim()), enabled: q.trim().length >= 2 });
