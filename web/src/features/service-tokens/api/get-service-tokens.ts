import { queryOptions, useQuery } from '@tanstack/react-query';
import { ServiceTokenList } from '@primm/shared/contracts/service-tokens';
import { api } from '../../../lib/api-client';

export const getServiceTokens = (signal?: AbortSignal) => api.get('/service-tokens', ServiceTokenList, { signal });

export const serviceTokensQueryOptions = () =>
  queryOptions({ queryKey: ['service-tokens'], queryFn: ({ signal }) => getServiceTokens(signal) });

export const useServiceTokens = () => useQuery(serviceTokensQueryOptions());
