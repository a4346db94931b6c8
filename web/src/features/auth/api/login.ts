import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Me, type LoginInput } from '@primm/shared/contracts/auth';
import { api } from '../../../lib/api-client';
import { meQueryOptions } from './get-me';

export const login = (input: LoginInput) => api.post('/auth/login', input, Me);

/**
 * On success the new user replaces whatever the cache held: nothing cached for a previous
 * session (an expired one, or a colleague's on a shared computer) may show to this user.
 */
export function useLogin() {
  const queryClient = useQueryClient();
  const meKey = meQueryOptions().queryKey;
  return useMutation({
    mutationFn: login,
    meta: { authenticating: true },
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
      queryClient.setQueryData(meKey, me);
    },
  });
}
