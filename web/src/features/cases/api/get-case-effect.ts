import { queryOptions, useQuery } from '@tanstack/react-query';
import { CaseEffect } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';

export const getCaseEffect = (id: number, weeks: number, signal?: AbortSignal) =>
  api.get(`/cases/${id}/effect`, CaseEffect, { params: { weeks }, signal });

export const caseEffectQueryOptions = (id: number, weeks = 4) =>
  queryOptions({ queryKey: ['cases', id, 'effect', weeks], queryFn: ({ signal }) => getCaseEffect(id, weeks, signal) });

export const useCaseEffect = (id: number, weeks = 4) => useQuery(caseEffectQueryOptions(id, weeks));
