import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BacktestRun } from '@primm/shared/contracts/backtest';
import { api } from '../../../lib/api-client';
import { backtestRunQueryOptions } from './get-backtest-run';

/** The run becomes the region's legend; its model goes into a new settings version. */
export const saveBacktest = (id: number) => api.post(`/backtest/runs/${id}/save`, undefined, BacktestRun);

/**
 * The legend every list shows, the thresholds' latest version and the page's years all change:
 * every cached query is stale (the legend feature's key is not ours to spell).
 */
export function useSaveBacktest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveBacktest,
    onSuccess: (run) => {
      queryClient.setQueryData(backtestRunQueryOptions(run.id).queryKey, run);
      void queryClient.invalidateQueries();
    },
  });
}
