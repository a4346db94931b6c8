import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FamilyLanguage } from '@primm/shared/contracts/family';
import { LetterTemplate, type LetterKind } from '@primm/shared/contracts/letters';
import { api } from '../../../lib/api-client';
import { letterTemplatesQueryOptions } from './get-letter-templates';

type Key = { kind: LetterKind; language: FamilyLanguage };

export const updateLetterTemplate = ({ kind, language, body }: Key & { body: string }) =>
  api.put(`/letter-templates/${kind}/${language}`, { body }, LetterTemplate);

export const verifyLetterTemplate = ({ kind, language }: Key) =>
  api.post(`/letter-templates/${kind}/${language}/verification`, undefined, LetterTemplate);

/** Saving a text clears its verification on the server: the list is read again either way. */
export function useUpdateLetterTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLetterTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterTemplatesQueryOptions().queryKey }),
  });
}

export function useVerifyLetterTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyLetterTemplate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: letterTemplatesQueryOptions().queryKey }),
  });
}
