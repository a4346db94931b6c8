import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OctoberList } from '@primm/shared/contracts/compulsory';
import { api } from '../../../lib/api-client';
import { allDeadlinesQueryKey } from './get-deadlines';

export type MunicipalityOption = { istat: string; name: string; students: number };

/**
 * The municipalities of residence on the October list, for the per-municipality download. The
 * API has no list of them, only the list itself (`format=json`), which the server records as an
 * export: so it is read on the user's request, never on page load, and the deadlines refresh.
 */
export async function loadMunicipalities(schoolCode: string): Promise<MunicipalityOption[]> {
  const list = await api.get(`/schools/${schoolCode}/october-list`, OctoberList, { params: { format: 'json' } });
  const byCode = new Map<string, MunicipalityOption>();
  for (const row of list.rows) {
    if (!row.residenceIstat) continue;
    const seen = byCode.get(row.residenceIstat);
    byCode.set(row.residenceIstat, {
      istat: row.residenceIstat,
      name: row.residence ?? row.residenceIstat,
      students: (seen?.students ?? 0) + 1,
    });
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'it'));
}

export function useLoadMunicipalities(schoolCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => loadMunicipalities(schoolCode),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: allDeadlinesQueryKey }),
  });
}
