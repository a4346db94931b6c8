import { hashKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { RecomputeResult } from '@primm/shared/contracts/recompute-result';
import { api } from '../../../lib/api-client';
import { riskSettingsQueryOptions } from './get-risk-settings';

/** Synchronous on the server: on a whole region the answer takes tens of seconds. */
export const recomputeRisk = () => api.post('/risk/recompute', undefined, RecomputeResult);

/**
 * Every tier of the region may have changed, so every cached list, student and aggregate is stale;
 * only the thresholds themselves are not (a recompute does not change them).
 */
export function useRecomputeRisk() {
  const queryClient = useQueryClient();
  const settingsHash = hashKey(riskSettingsQueryOptions().queryKey);
  return useMutation({
    mutationFn: recomputeRisk,
    onSuccess: () => queryClient.invalidateQueries({ predicate: (query) => query.queryHash !== settingsHash }),
  });
}
