import { queryOptions, useQuery } from '@tanstack/react-query';
import { ProvinceList } from '@primm/shared/contracts/provinces';
import { api } from '../../../lib/api-client';

export const getProvinces = (signal?: AbortSignal) => api.get('/provinces', ProvinceList, { signal });

export const provincesQueryOptions = () =>
  queryOptions({ queryKey: ['provinces'], queryFn: ({ signal }) => getProvinces(signal) });

export const useProvinces = () => useQuery(provincesQueryOptions());
