import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RiskSettingsSaved, type RiskSettingsInput } from '@primm/shared/contracts/risk';
import { api } from '../../../lib/api-client';
import { riskSettingsQueryOptions } from './get-risk-settings';

/** A new version, never an edit: the server numbers it and answers with it. It does not recompute. */
export const saveRiskSettings = (input: RiskSettingsInput) => api.put('/settings/risk', input, RiskSettingsSaved);

/** The answer is the new latest version: it goes into the cache as is, no second request. */
export function useSaveRiskSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveRiskSettings,
    onSuccess: ({ version, createdAt, createdBy, data }) =>
      queryClient.setQueryData(riskSettingsQueryOptions().queryKey, { version, createdAt, createdBy, data }),
  });
}
