import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RiskReviewResult, type RiskReviewInput } from '@primm/shared/contracts/risk';
import { api } from '../../../lib/api-client';
import { classRiskKey } from './get-class-risk';
import { studentRiskQueryOptions } from './get-student-risk';

export const reviewRisk = (studentId: number, input: RiskReviewInput) =>
  api.post(`/students/${studentId}/risk/review`, input, RiskReviewResult);

/** The effective tier changes with an override: the student's page and the class lists reload. */
export function useReviewRisk(studentId: number, classId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RiskReviewInput) => reviewRisk(studentId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: studentRiskQueryOptions(studentId).queryKey }),
        queryClient.invalidateQueries({ queryKey: classRiskKey(classId) }),
      ]),
  });
}
