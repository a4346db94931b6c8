import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IncomingArrival, type AnswerArrivalInput } from '@primm/shared/contracts/arrivals';
import { api } from '../../../lib/api-client';
import { arrivalsQueryOptions } from './get-arrivals';

export const answerArrival = (actionId: number, input: AnswerArrivalInput) =>
  api.post(`/arrivals/${actionId}/answer`, input, IncomingArrival);

export function useAnswerArrival(actionId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AnswerArrivalInput) => answerArrival(actionId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: arrivalsQueryOptions().queryKey }),
  });
}
