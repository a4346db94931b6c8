import { queryOptions, useQuery } from '@tanstack/react-query';
import { BacktestYears } from '@primm/shared/contracts/backtest';
import { api } from '../../../lib/api-client';

/** The past years a backtest can replay, and the latest run (admin only). */
export const getBacktest = (signal?: AbortSignal) => api.get('/backtest', BacktestYears, { signal });

export const backtestQueryOptions = () =>
  queryOptions({ queryKey: ['backtest'], queryFn: ({ signal }) => getBacktest(signal) });

export const useBacktest = () => useQuery(backtestQueryOptions());
