import { queryOptions, useQuery } from '@tanstack/react-query';
import { ImportProgress } from '@primm/shared/contracts/imports';
import { api } from '../../../lib/api-client';

export const getImportProgress = (uploadId: string, signal?: AbortSignal) =>
  api.get(`/imports/${encodeURIComponent(uploadId)}/progress`, ImportProgress, { signal });

/** Asked every 500 ms until the commit ends: the commit request itself answers only at the end. */
export const importProgressQueryOptions = (uploadId: string) =>
  queryOptions({
    queryKey: ['imports', uploadId, 'progress'],
    queryFn: ({ signal }) => getImportProgress(uploadId, signal),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'committed' || status === 'failed' ? false : 500;
    },
    staleTime: 0,
    gcTime: 0,
  });

/** Only while the commit runs: before it there is nothing to follow, after it the result says it all. */
export const useImportProgress = (uploadId: string, running: boolean) =>
  useQuery({ ...importProgressQueryOptions(uploadId), enabled: running });
