import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { AuditPage, type AuditQuery } from '@primm/shared/contracts/audit';
import { api } from '../../../lib/api-client';

/** What the user filters by; `limit` and `before` belong to paging. */
export type AuditFilters = Omit<AuditQuery, 'limit' | 'before'>;

export const AUDIT_PAGE_SIZE = 50;

export const getAudit = (query: Partial<AuditQuery>, signal?: AbortSignal) =>
  api.get('/audit', AuditPage, { params: query, signal });

/** Keyset pages, newest first: each page asks for entries before the last id of the previous one. */
export const auditQueryOptions = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => getAudit({ ...filters, limit: AUDIT_PAGE_SIZE, before: pageParam }, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });

export const useAudit = (filters: AuditFilters) => useInfiniteQuery(auditQueryOptions(filters));
