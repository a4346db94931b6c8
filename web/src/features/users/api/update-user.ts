import { useMutation, useQueryClient } from '@tanstack/react-query';
import { User, type UpdateUserInput } from '@primm/shared/contracts/users';
import { api } from '../../../lib/api-client';
import { usersQueryOptions } from './get-users';

export const updateUser = ({ id, ...input }: UpdateUserInput & { id: number }) =>
  api.patch(`/users/${id}`, input, User);

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  });
}
