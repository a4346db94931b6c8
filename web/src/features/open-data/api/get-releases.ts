import { queryOptions, useQuery } from '@tanstack/react-query';
import { OpenDataReleaseList } from '@primm/shared/contracts/open-data';
import { api } from '../../../lib/api-client';

export const getOpenDataReleases = (signal?: AbortSignal) =>
  api.get('/open-data/releases', OpenDataReleaseList, { signal });

export const openDataReleasesQueryOptions = () =>
  queryOptions({ queryKey: ['open-data', 'releases'], queryFn: ({ signal }) => getOpenDataReleases(signal) });

/** The published releases, newest first; no session needed. */
export const useOpenDataReleases = () => useQuery(openDataReleasesQueryOptions());
