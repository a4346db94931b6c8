import { queryOptions, useQuery } from '@tanstack/react-query';
import { BacktestRun } from '@primm/shared/contracts/backtest';
import { api } from '../../../lib/api-client';

export const getBacktestRun = (id: number, signal?: AbortSignal) =>
  api.get(`/backtest/runs/${id}`, BacktestRun, { signal });

/** How often a running backtest is asked for its progress: a region takes minutes, a school a second. */
export const POLL_MS = 1000;

export const backtestRunQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['backtest', 'runs', id],
    queryFn: ({ signal }) => getBacktestRun(id, signal),
    // Always read again when shown: a run's state is the server's, and it moves on its own.
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });

/** A run, polled while it runs; disabled without an id. */
export const useBacktestRun = (id: number | null) =>
  useQuery({ ...backtestRunQueryOptions(id ?? 0), enabled: id !== null });
