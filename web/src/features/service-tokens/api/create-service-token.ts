import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreatedServiceToken, type CreateServiceTokenInput } from '@primm/shared/contracts/service-tokens';
import { api } from '../../../lib/api-client';
import { serviceTokensQueryOptions } from './get-service-tokens';

export const createServiceToken = (input: CreateServiceTokenInput) =>
  api.post('/service-tokens', input, CreatedServiceToken);

/** The answer is the only time the token exists in clear: the caller shows it, the list only its name. */
export function useCreateServiceToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createServiceToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: serviceTokensQueryOptions().queryKey }),
  });
}
