import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Flag, type CreateFlagInput } from '@primm/shared/contracts/flags';
import { api } from '../../../lib/api-client';
import { studentFlagsQueryOptions } from './get-student-flags';

export const createFlag = (studentId: number, input: CreateFlagInput) =>
  api.post(`/students/${studentId}/flags`, input, Flag);

export function useCreateFlag(studentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateFlagInput) => createFlag(studentId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studentFlagsQueryOptions(studentId).queryKey }),
  });
}
