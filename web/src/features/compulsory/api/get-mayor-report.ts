import { queryOptions, useQuery } from '@tanstack/react-query';
import { MayorReport } from '@primm/shared/contracts/compulsory';
import { api } from '../../../lib/api-client';

export const getMayorReport = (studentId: number, signal?: AbortSignal) =>
  api.get(`/students/${studentId}/compulsory/report`, MayorReport, { signal });

export const mayorReportQueryOptions = (studentId: number) =>
  queryOptions({
    queryKey: ['students', studentId, 'compulsory', 'report'],
    queryFn: ({ signal }) => getMayorReport(studentId, signal),
  });

export const useMayorReport = (studentId: number) => useQuery(mayorReportQueryOptions(studentId));
