import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CaseAction, type CaseDetail, type CreateCaseActionInput } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';
import { caseEffectQueryOptions } from './get-case-effect';
import { refreshCase } from './refresh-case';

export const createCaseAction = (caseId: number, input: CreateCaseActionInput) =>
  api.post(`/cases/${caseId}/actions`, input, CaseAction);

export function useCreateCaseAction(detail: Pick<CaseDetail, 'id' | 'student'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCaseActionInput) => createCaseAction(detail.id, input),
    onSuccess: () =>
      Promise.all([
        refreshCase(queryClient, detail),
        // the first action splits before and after: a new earliest action moves the split
        queryClient.invalidateQueries({ queryKey: caseEffectQueryOptions(detail.id).queryKey }),
      ]),
  });
}
