import { queryOptions, useQuery } from '@tanstack/react-query';
import { FairnessReport } from '@primm/shared/contracts/aggregates';
import { api } from '../../../lib/api-client';

export const getFairness = (year: string | undefined, signal?: AbortSignal) =>
  api.get('/fairness', FairnessReport, { params: { year }, signal });

export const fairnessQueryOptions = (year: string | undefined) =>
  queryOptions({ queryKey: ['fairness', { year }], queryFn: ({ signal }) => getFairness(year, signal) });

export const useFairness = (year: string | undefined, enabled = true) =>
  useQuery({ ...fairnessQueryOptions(year), enabled });
