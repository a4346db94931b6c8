import { queryOptions, useQuery } from '@tanstack/react-query';
import { OpenDataPreview } from '@primm/shared/contracts/open-data';
import { api } from '../../../lib/api-client';

export const getOpenDataPreview = (year: string | undefined, signal?: AbortSignal) =>
  api.get('/open-data/preview', OpenDataPreview, { signal, params: { year } });

export const openDataPreviewQueryOptions = (year: string | undefined) =>
  queryOptions({
    queryKey: ['open-data', 'preview', year ?? null],
    queryFn: ({ signal }) => getOpenDataPreview(year, signal),
  });

/** Admin only: what publishing now would publish. */
export const useOpenDataPreview = (year: string | undefined) => useQuery(openDataPreviewQueryOptions(year));
