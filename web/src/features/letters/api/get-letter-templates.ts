import { queryOptions, useQuery } from '@tanstack/react-query';
import { LetterTemplateList } from '@primm/shared/contracts/letters';
import { api } from '../../../lib/api-client';

export const getLetterTemplates = (signal?: AbortSignal) =>
  api.get('/letter-templates', LetterTemplateList, { signal });

export const letterTemplatesQueryOptions = () =>
  queryOptions({ queryKey: ['letter-templates'], queryFn: ({ signal }) => getLetterTemplates(signal) });

export const useLetterTemplates = () => useQuery(letterTemplatesQueryOptions());
