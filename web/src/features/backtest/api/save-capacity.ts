import { useMutation } from '@tanstack/react-query';
import { SchoolCapacity } from '@primm/shared/contracts/backtest';
import { api } from '../../../lib/api-client';

/** "We can follow N students" of a school; null removes it. */
export const saveCapacity = ({ code, capacity }: { code: string; capacity: number | null }) =>
  api.put(`/schools/${code}/capacity`, { capacity }, SchoolCapacity);

export const useSaveCapacity = () => useMutation({ mutationFn: saveCapacity });
