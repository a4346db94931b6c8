import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BulkUsersPreview, BulkUsersResult } from '@primm/shared/contracts/users';
import { api } from '../../../lib/api-client';
import { usersQueryOptions } from './get-users';

export const previewBulkUsers = (csv: string) => api.post('/users/bulk/preview', { csv }, BulkUsersPreview);
export const createBulkUsers = (csv: string) => api.post('/users/bulk', { csv }, BulkUsersResult);

export const usePreviewBulkUsers = () => useMutation({ mutationFn: previewBulkUsers });

/** The one-time passwords live only in this mutation's result. */
export function useCreateBulkUsers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createBulkUsers,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQueryOptions().queryKey }),
  });
}
