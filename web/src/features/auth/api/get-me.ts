import { queryOptions, useQuery } from '@tanstack/react-query';
import { Me } from '@primm/shared/contracts/auth';
import { api, ApiError } from '../../../lib/api-client';

/** `null`: nobody is signed in. A 401 here is an answer, not a failure, so it never shows an error screen. */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.get('/me', Me, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'unauthenticated') return null;
    throw error;
  }
}

export const meQueryOptions = () => queryOptions({ queryKey: ['me'], queryFn: ({ signal }) => getMe(signal) });

export const useMe = () => useQuery(meQueryOptions());
