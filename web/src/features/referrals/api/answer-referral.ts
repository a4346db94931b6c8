import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  PuaReferral,
  type AnswerReferralInput,
  type CreateReferralUpdateInput,
} from '@primm/shared/contracts/referrals';
import { api } from '../../../lib/api-client';
import { puaReferralQueryOptions, puaReferralsQueryOptions } from './get-pua-referrals';

export const answerReferral = (id: number, input: AnswerReferralInput) =>
  api.post(`/referrals/${id}/answer`, input, PuaReferral);

export const createReferralUpdate = (id: number, input: CreateReferralUpdateInput) =>
  api.post(`/referrals/${id}/updates`, input, PuaReferral);

/** After an answer or an update the referral and the inbox (its groups) change. */
function useRefresh(id: number) {
  const queryClient = useQueryClient();
  return (updated: PuaReferral) => {
    queryClient.setQueryData(puaReferralQueryOptions(id).queryKey, updated);
    return queryClient.invalidateQueries({ queryKey: puaReferralsQueryOptions().queryKey, exact: true });
  };
}

export function useAnswerReferral(id: number) {
  const refresh = useRefresh(id);
  return useMutation({ mutationFn: (input: AnswerReferralInput) => answerReferral(id, input), onSuccess: refresh });
}

export function useCreateReferralUpdate(id: number) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: CreateReferralUpdateInput) => createReferralUpdate(id, input),
    onSuccess: refresh,
  });
}
