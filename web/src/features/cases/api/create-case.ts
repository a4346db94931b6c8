import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CaseDetail, type CreateCaseInput } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';
import { caseQueryOptions } from './get-case';
import { refreshCase } from './refresh-case';

export const createCase = (input: CreateCaseInput) => api.post('/cases', input, CaseDetail);

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: async (created) => {
      queryClient.setQueryData(caseQueryOptions(created.id).queryKey, created);
      await refreshCase(queryClient, created);
    },
  });
}
