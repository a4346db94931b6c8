import { queryOptions, useQuery } from '@tanstack/react-query';
import { ClassRiskChanges } from '@primm/shared/contracts/risk';
import { api } from '../../../lib/api-client';
import { classRiskKey } from './get-class-risk';

export const getClassRiskChanges = (id: number, signal?: AbortSignal) =>
  api.get(`/classes/${id}/risk/changes`, ClassRiskChanges, { params: { days: 7 }, signal });

/** Under the class's risk key, so a review that invalidates the lists refreshes it too. */
export const classRiskChangesQueryOptions = (id: number) =>
  queryOptions({
    queryKey: [...classRiskKey(id), 'changes'],
    queryFn: ({ signal }) => getClassRiskChanges(id, signal),
  });

export const useClassRiskChanges = (id: number) => useQuery(classRiskChangesQueryOptions(id));
