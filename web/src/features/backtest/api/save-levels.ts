import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RiskSettingsSaved } from '@primm/shared/contracts/risk';
import type { LevelChoice } from '@primm/shared/contracts/backtest';
import { api } from '../../../lib/api-client';

/** A new settings version with these cut points; it applies from the next recompute. */
export const saveLevels = (choice: LevelChoice) => api.put('/risk/levels', choice, RiskSettingsSaved);

/** The legend (re-cut with the new points) and the thresholds' latest version change with it. */
export function useSaveLevels() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveLevels, onSuccess: () => queryClient.invalidateQueries() });
}
