import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { CaseArchive, type CaseArchiveQuery } from '@primm/shared/contracts/cases';
import { api } from '../../../lib/api-client';

export const getCaseArchive = (query: CaseArchiveQuery, signal?: AbortSignal) =>
  api.get('/case-archive', CaseArchive, { params: query, signal });

/** Every filter's answer starts with this key: a case closed anywhere refreshes them all. */
export const caseArchiveKey = ['case-archive'] as const;

export const caseArchiveQueryOptions = (query: CaseArchiveQuery) =>
  queryOptions({
    queryKey: [...caseArchiveKey, query],
    queryFn: ({ signal }) => getCaseArchive(query, signal),
    placeholderData: keepPreviousData,
  });

export const useCaseArchive = (query: CaseArchiveQuery) => useQuery(caseArchiveQueryOptions(query));
