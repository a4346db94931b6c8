import { useMutation, useQueryClient } from '@tanstack/react-query';
import { MunicipalityContact, type UpdateMunicipalityContactInput } from '@primm/shared/contracts/contacts';
import { api } from '../../../lib/api-client';
import { municipalityContactsQueryOptions } from './get-municipality-contacts';

export const updateMunicipalityContact = ({
  istatCode,
  ...input
}: UpdateMunicipalityContactInput & { istatCode: string }) =>
  api.put(`/municipality-contacts/${istatCode}`, input, MunicipalityContact);

export function useUpdateMunicipalityContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMunicipalityContact,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: municipalityContactsQueryOptions().queryKey }),
  });
}
