import { queryOptions, useQuery } from '@tanstack/react-query';
import { ReferralCounts } from '@primm/shared/contracts/referrals';
import { api } from '../../../lib/api-client';

export const getReferralCounts = (signal?: AbortSignal) => api.get('/referrals/counts', ReferralCounts, { signal });

export const referralCountsQueryOptions = () =>
  queryOptions({ queryKey: ['referrals', 'counts'], queryFn: ({ signal }) => getReferralCounts(signal) });

export const useReferralCounts = () => useQuery(referralCountsQueryOptions());
