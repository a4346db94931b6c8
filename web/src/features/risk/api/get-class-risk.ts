import { queryOptions, useQuery } from '@tanstack/react-query';
import { ClassRiskList, type RiskListQuery } from '@primm/shared/contracts/risk';
import { api } from '../../../lib/api-client';

/** Sort, order and filters travel as given: the server sorts (one place for the rules). */
export type RiskFilters = Partial<RiskListQuery>;

export const getClassRisk = (id: number, filters: RiskFilters, signal?: AbortSignal) =>
  api.get(`/classes/${id}/risk`, ClassRiskList, { params: filters, signal });

/** The prefix of every list of a class, whatever its filters: what a review invalidates. */
export const classRiskKey = (id: number) => ['classes', id, 'risk'] as const;

export const classRiskQueryOptions = (id: number, filters: RiskFilters = {}) =>
  queryOptions({
    queryKey: [...classRiskKey(id), filters],
    queryFn: ({ signal }) => getClassRisk(id, filters, signal),
    // a new sort keeps the old rows on screen (aria-busy) instead of flashing a spinner
    placeholderData: (previous) => previous,
  });

export const useClassRisk = (id: number, filters: RiskFilters = {}) => useQuery(classRiskQueryOptions(id, filters));
