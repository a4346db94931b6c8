import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CaseAction, type CaseDetail, type UpdateCaseActionInput } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';
import { refreshCase } from './refresh-case';

export const updateCaseAction = (caseId: number, actionId: number, input: UpdateCaseActionInput) =>
  api.patch(`/cases/${caseId}/actions/${actionId}`, input, CaseAction);

export function useUpdateCaseAction(detail: Pick<CaseDetail, 'id' | 'student'>, actionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateCaseActionInput) => updateCaseAction(detail.id, actionId, input),
    onSuccess: () => refreshCase(queryClient, detail),
  });
}
