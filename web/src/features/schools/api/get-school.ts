import { queryOptions, useQuery } from '@tanstack/react-query';
import { SchoolDetail } from '@primm/shared/contracts/schools';
import { api } from '../../../lib/api-client';

export const getSchool = (code: string, signal?: AbortSignal) =>
  api.get(`/schools/${encodeURIComponent(code)}`, SchoolDetail, { signal });

export const schoolQueryOptions = (code: string) =>
  queryOptions({ queryKey: ['schools', 'detail', code], queryFn: ({ signal }) => getSchool(code, signal) });

export const useSchool = (code: string) => useQuery(schoolQueryOptions(code));
