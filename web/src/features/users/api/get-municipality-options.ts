import { queryOptions, useQuery } from '@tanstack/react-query';
import { MunicipalityOptionList } from '@primm/shared/contracts/users';
import { api } from '../../../lib/api-client';

/** Marche's municipalities (admin only): the ones a PUA or comune account serves are picked from them. */
export const getMunicipalityOptions = (signal?: AbortSignal) =>
  api.get('/municipalities', MunicipalityOptionList, { signal });

export const municipalityOptionsQueryOptions = () =>
  queryOptions({
    queryKey: ['users', 'municipality-options'],
    queryFn: ({ signal }) => getMunicipalityOptions(signal),
    // the ISTAT list changes with a merger of municipalities, not during a session
    staleTime: Infinity,
  });

export const useMunicipalityOptions = (enabled = true) => useQuery({ ...municipalityOptionsQueryOptions(), enabled });
