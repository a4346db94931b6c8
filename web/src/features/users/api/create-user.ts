import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreatedUser, type CreateUserInput } from '@primm/shared/contracts/users';
import { api } from '../../../lib/api-client';
import { usersQueryOptions } from './get-users';

export const createUser = (input: CreateUserInput) => api.post('/users', input, CreatedUser);

/** The one-time password lives only in this mutation's result: never in the query cache. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  });
}
