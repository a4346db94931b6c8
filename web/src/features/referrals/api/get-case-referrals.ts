import { queryOptions, useQuery } from '@tanstack/react-query';
import { ReferralList } from '@primm/shared/contracts/referrals';
import { api } from '../../../lib/api-client';

export const getCaseReferrals = (caseId: number, signal?: AbortSignal) =>
  api.get(`/cases/${caseId}/referrals`, ReferralList, { signal });

export const caseReferralsQueryOptions = (caseId: number) =>
  // the PUA answers from elsewhere: the case asks again each time it is opened
  queryOptions({
    queryKey: ['cases', caseId, 'referrals'],
    queryFn: ({ signal }) => getCaseReferrals(caseId, signal),
    staleTime: 0,
  });

export const useCaseReferrals = (caseId: number) => useQuery(caseReferralsQueryOptions(caseId));
