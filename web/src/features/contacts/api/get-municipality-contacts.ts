import { queryOptions, useQuery } from '@tanstack/react-query';
import { MunicipalityContactList } from '@primm/shared/contracts/contacts';
import { api } from '../../../lib/api-client';

export const getMunicipalityContacts = (signal?: AbortSignal) =>
  api.get('/municipality-contacts', MunicipalityContactList, { signal });

export const municipalityContactsQueryOptions = () =>
  queryOptions({ queryKey: ['municipality-contacts'], queryFn: ({ signal }) => getMunicipalityContacts(signal) });

export const useMunicipalityContacts = () => useQuery(municipalityContactsQueryOptions());
