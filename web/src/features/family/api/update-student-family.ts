import { useMutation, useQueryClient } from '@tanstack/react-query';
import { StudentFamily, type UpdateStudentFamilyInput } from '@primm/shared/contracts/family';
import { api } from '../../../lib/api-client';
import { studentFamilyQueryOptions } from './get-student-family';

export const updateStudentFamily = (studentId: number, input: UpdateStudentFamilyInput) =>
  api.put(`/students/${studentId}/family`, input, StudentFamily);

export function useUpdateStudentFamily(studentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateStudentFamilyInput) => updateStudentFamily(studentId, input),
    onSuccess: (family) => queryClient.setQueryData(studentFamilyQueryOptions(studentId).queryKey, family),
  });
}
