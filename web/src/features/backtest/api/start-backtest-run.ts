import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BacktestRun, type BacktestRunInput } from '@primm/shared/contracts/backtest';
import { api } from '../../../lib/api-client';
import { backtestRunQueryOptions } from './get-backtest-run';

/** 202: the server answers at once with the run, then works on it; the page polls it. */
export const startBacktestRun = (input: BacktestRunInput) => api.post('/backtest/runs', input, BacktestRun);

export function useStartBacktestRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startBacktestRun,
    onSuccess: (run) => queryClient.setQueryData(backtestRunQueryOptions(run.id).queryKey, run),
  });
}
