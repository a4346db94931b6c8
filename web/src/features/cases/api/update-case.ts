import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CaseDetail, type UpdateCaseInput } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';
import { refreshCase } from './refresh-case';

export const updateCase = (id: number, input: UpdateCaseInput) => api.patch(`/cases/${id}`, input, CaseDetail);

export function useUpdateCase(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCaseInput) => updateCase(id, input),
    onSuccess: (detail) => refreshCase(queryClient, detail),
  });
}
