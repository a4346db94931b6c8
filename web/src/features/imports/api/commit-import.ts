import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ImportResult } from '@primm/shared/contracts/imports';
import { api } from '../../../lib/api-client';
import { importHistoryQueryOptions } from './get-import-history';

/** `allowPartial`: the preview already showed the rejected rows; confirming means "import the rest". */
export const commitImport = (uploadId: string) =>
  api.post(`/imports/${encodeURIComponent(uploadId)}/commit`, { allowPartial: true }, ImportResult);

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importHistoryQueryOptions().queryKey }),
  });
}
