import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ServiceToken } from '@primm/shared/contracts/service-tokens';
import { api } from '../../../lib/api-client';
import { serviceTokensQueryOptions } from './get-service-tokens';

export const revokeServiceToken = (id: number) => api.post(`/service-tokens/${id}/revoke`, {}, ServiceToken);

export function useRevokeServiceToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeServiceToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceTokensQueryOptions().queryKey }),
  });
}
