import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Referral, type CreateReferralInput } from '@primm/shared/contracts/referrals';
import { api } from '../../../lib/api-client';
import { caseReferralsQueryOptions } from './get-case-referrals';

export const createReferral = (caseId: number, input: CreateReferralInput) =>
  api.post(`/cases/${caseId}/referrals`, input, Referral);

export function useCreateReferral(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReferralInput) => createReferral(caseId, input),
    // the referral is also a case action: the case (its timeline) and its referrals change
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: caseReferralsQueryOptions(caseId).queryKey }),
        queryClient.invalidateQueries({ queryKey: ['cases', caseId], exact: true }),
      ]),
  });
}
