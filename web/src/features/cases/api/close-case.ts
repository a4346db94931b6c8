import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CaseDetail, type CloseCaseInput } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';
import { refreshCase } from './refresh-case';

export const closeCase = (id: number, input: CloseCaseInput) => api.post(`/cases/${id}/close`, input, CaseDetail);

export function useCloseCase(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CloseCaseInput) => closeCase(id, input),
    onSuccess: (detail) => refreshCase(queryClient, detail),
  });
}
