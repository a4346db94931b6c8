import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InboxItemSummary, type AcknowledgeInput } from '@primm/shared/contracts/municipality-inbox';
import { api } from '../../../lib/api-client';
import { inboxQueryKey } from './get-inbox';

export const acknowledgeItem = (id: number, input: AcknowledgeInput) =>
  api.post(`/municipality-inbox/${id}/acknowledgement`, input, InboxItemSummary);

export function useAcknowledgeItem(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AcknowledgeInput) => acknowledgeItem(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxQueryKey }),
  });
}
