import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ImportResult, type CommitImportInput } from '@primm/shared/contracts/imports';
import { api } from '../../../lib/api-client';
import { importHistoryQueryOptions } from './get-import-history';

/**
 * `allowPartial`: the preview already showed the rejected rows; confirming means "import the rest".
 * `confirmTransfers` (the admin's only): take the students another school still holds, too.
 */
export const commitImport = ({
  uploadId,
  confirmTransfers = false,
}: {
  uploadId: string;
  confirmTransfers?: boolean;
}) =>
  api.post(
    `/imports/${encodeURIComponent(uploadId)}/commit`,
    { allowPartial: true, confirmTransfers } satisfies CommitImportInput,
    ImportResult,
  );

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importHistoryQueryOptions().queryKey }),
  });
}
