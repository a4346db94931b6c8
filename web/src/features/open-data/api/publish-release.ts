import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OpenDataReleaseSummary, type PublishOpenDataInput } from '@primm/shared/contracts/open-data';
import { api } from '../../../lib/api-client';
import { openDataReleasesQueryOptions } from './get-releases';

export const publishOpenDataRelease = (input: PublishOpenDataInput) =>
  api.post('/open-data/releases', input, OpenDataReleaseSummary);

export function usePublishOpenDataRelease() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishOpenDataRelease,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: openDataReleasesQueryOptions().queryKey });
      // The next preview is audited against this release too.
      void queryClient.invalidateQueries({ queryKey: ['open-data', 'preview'] });
    },
  });
}
