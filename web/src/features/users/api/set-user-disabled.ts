import { useMutation, useQueryClient } from '@tanstack/react-query';
import { User } from '@primm/shared/contracts/users';
import { api } from '../../../lib/api-client';
import { usersQueryOptions } from './get-users';

/** Deactivating ends the account's sessions at once (server); reactivating lets it sign in again. */
export const setUserDisabled = ({ id, disabled }: { id: number; disabled: boolean }) =>
  api.post(`/users/${id}/${disabled ? 'deactivate' : 'reactivate'}`, {}, User);

export function useSetUserDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setUserDisabled,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  });
}
