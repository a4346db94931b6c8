import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { Worklist, type WorklistQuery } from '@primm/shared/contracts/worklist';
import { api } from '../../../lib/api-client';

export const getWorklist = (query: WorklistQuery, signal?: AbortSignal) =>
  api.get('/worklist', Worklist, { params: query, signal });

export const worklistQueryOptions = (query: WorklistQuery) =>
  queryOptions({
    queryKey: ['worklist', query],
    queryFn: ({ signal }) => getWorklist(query, signal),
    placeholderData: keepPreviousData,
    // flags and cases opened on other pages take students off the list: read it afresh each visit
    staleTime: 0,
  });

export const useWorklist = (query: WorklistQuery) => useQuery(worklistQueryOptions(query));
