import { queryOptions, useQuery } from '@tanstack/react-query';
import { StudentRisk } from '@primm/shared/contracts/risk';
import { api, ApiError } from '../../../lib/api-client';

/** `null`: no assessment computed yet for this school year (the server answers 404): an empty state, not an error. */
export async function getStudentRisk(id: number, signal?: AbortSignal): Promise<StudentRisk | null> {
  try {
    return await api.get(`/students/${id}/risk`, StudentRisk, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') return null;
    throw error;
  }
}

export const studentRiskQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['students', id, 'risk'], queryFn: ({ signal }) => getStudentRisk(id, signal) });

export const useStudentRisk = (id: number) => useQuery(studentRiskQueryOptions(id));
