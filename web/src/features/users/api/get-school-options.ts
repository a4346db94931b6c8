import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { SchoolDetail, SchoolList } from '@primm/shared/contracts/schools';
import { api } from '../../../lib/api-client';

/** The schools the signed-in user may assign: the server lists only a referent's own schools. */
export const getSchoolOptions = (signal?: AbortSignal) => api.get('/schools', SchoolList, { signal });

export const schoolOptionsQueryOptions = () =>
  queryOptions({ queryKey: ['users', 'school-options'], queryFn: ({ signal }) => getSchoolOptions(signal) });

export const useSchoolOptions = () => useQuery(schoolOptionsQueryOptions());

/** A teacher is scoped by class: the classes of the chosen schools, from each school's detail. */
export const getSchoolClassOptions = (code: string, signal?: AbortSignal) =>
  api.get(`/schools/${encodeURIComponent(code)}`, SchoolDetail, { signal });

export const schoolClassOptionsQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['users', 'class-options', code],
    queryFn: ({ signal }) => getSchoolClassOptions(code, signal),
  });

export const useSchoolClassOptions = (codes: string[]) =>
  useQueries({ queries: codes.map((code) => schoolClassOptionsQueryOptions(code)) });
