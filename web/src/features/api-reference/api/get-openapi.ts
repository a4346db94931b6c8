import { queryOptions, useQuery } from '@tanstack/react-query';
import { OpenApiOverview } from '@primm/shared/contracts/openapi';
import { api } from '../../../lib/api-client';

export const getOpenApi = (signal?: AbortSignal) => api.get('/openapi.json', OpenApiOverview, { signal });

/** The document changes only with a new version of the server: no refetch while the page is open. */
export const openApiQueryOptions = () =>
  queryOptions({ queryKey: ['openapi'], queryFn: ({ signal }) => getOpenApi(signal), staleTime: Infinity });

export const useOpenApi = () => useQuery(openApiQueryOptions());
