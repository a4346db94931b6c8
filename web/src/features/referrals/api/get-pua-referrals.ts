import { queryOptions, useQuery } from '@tanstack/react-query';
import { PuaReferral, PuaReferralList } from '@primm/shared/contracts/referrals';
import { api } from '../../../lib/api-client';

export const getPuaReferrals = (signal?: AbortSignal) => api.get('/referrals', PuaReferralList, { signal });

// An inbox that schools fill: opened again, it asks again (not the app's minute of freshness).
export const puaReferralsQueryOptions = () =>
  queryOptions({ queryKey: ['referrals'], queryFn: ({ signal }) => getPuaReferrals(signal), staleTime: 0 });

export const usePuaReferrals = () => useQuery(puaReferralsQueryOptions());

export const getPuaReferral = (id: number, signal?: AbortSignal) =>
  api.get(`/referrals/${id}`, PuaReferral, { signal });

export const puaReferralQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['referrals', id], queryFn: ({ signal }) => getPuaReferral(id, signal) });

export const usePuaReferral = (id: number) => useQuery(puaReferralQueryOptions(id));
