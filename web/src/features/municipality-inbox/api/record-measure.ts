import { useMutation, useQueryClient } from '@tanstack/react-query';
import { InboxMeasure, type RecordMeasureInput } from '@primm/shared/contracts/municipality-inbox';
import { api } from '../../../lib/api-client';
import { inboxQueryKey } from './get-inbox';

export const recordMeasure = (id: number, input: RecordMeasureInput) =>
  api.post(`/municipality-inbox/${id}/measures`, input, InboxMeasure);

export function useRecordMeasure(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordMeasureInput) => recordMeasure(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxQueryKey }),
  });
}
