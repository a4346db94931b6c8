import { queryOptions, useQuery } from '@tanstack/react-query';
import { PuaReferral, PuaReferralList } from '@primm/shared/contracts/referrals';
import { api } from '../../../lib/api-client';

export const getPuaReferrals = (signal?: AbortSignal) => api.get('/referrals', PuaReferralList, { signal });

export const puaReferralsQueryOptions = () =>
  queryOptions({ queryKey: ['referrals'], queryFn: ({ signal }) => getPuaReferrals(signal) });

export const usePuaReferrals = () => useQuery(puaReferralsQueryOptions());

export const getPuaReferral = (id: number, signal?: AbortSignal) =>
  api.get(`/referrals/${id}`, PuaReferral, { signal });

export const puaReferralQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['referrals', id], queryFn: ({ signal }) => getPuaReferral(id, signal) });

export const usePuaReferral = (id: number) => useQuery(puaReferralQueryOptions(id));
