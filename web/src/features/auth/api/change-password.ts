import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput } from '@primm/shared/contracts/auth';
import { api } from '../../../lib/api-client';
import { meQueryOptions } from './get-me';

export const changePassword = (input: ChangePasswordInput) => api.post('/auth/password', input);

/**
 * `me` is fetched again before the caller's onSuccess runs: `mustChangePassword` turns false, so
 * the session guard lets the user go on instead of sending them back here.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }),
  });
}
