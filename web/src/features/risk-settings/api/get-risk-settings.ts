import { queryOptions, useQuery } from '@tanstack/react-query';
import { RiskSettingsVersion } from '@primm/shared/contracts/risk';
import { api } from '../../../lib/api-client';

/** The latest version of the thresholds (admin only); the server stores version 1 on first read. */
export const getRiskSettings = (signal?: AbortSignal) => api.get('/settings/risk', RiskSettingsVersion, { signal });

export const riskSettingsQueryOptions = () =>
  queryOptions({ queryKey: ['settings', 'risk'], queryFn: ({ signal }) => getRiskSettings(signal) });

export const useRiskSettings = () => useQuery(riskSettingsQueryOptions());
