import { queryOptions, useQuery } from '@tanstack/react-query';
import { SchoolList, type SchoolListQuery } from '@primm/shared/contracts/schools';
import { api } from '../../../lib/api-client';

export const getSchools = (query: SchoolListQuery, signal?: AbortSignal) =>
  api.get('/schools', SchoolList, { params: query, signal });

export const schoolsQueryOptions = (query: SchoolListQuery) =>
  queryOptions({ queryKey: ['schools', query], queryFn: ({ signal }) => getSchools(query, signal) });

/** Keeps the previous list on screen while a new filter loads, so the table does not flash. */
export const useSchools = (query: SchoolListQuery) =>
  useQuery({ ...schoolsQueryOptions(query), placeholderData: (previous) => previous });
