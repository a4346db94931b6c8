import { queryOptions, useQuery } from '@tanstack/react-query';
import { StudentLetterTemplates, type LetterKind } from '@primm/shared/contracts/letters';
import { api } from '../../../lib/api-client';

export const getStudentLetter = (studentId: number, kind: LetterKind, signal?: AbortSignal) =>
  api.get(`/students/${studentId}/letters/${kind}`, StudentLetterTemplates, { signal });

export const studentLetterQueryOptions = (studentId: number, kind: LetterKind) =>
  queryOptions({
    queryKey: ['students', studentId, 'letters', kind],
    queryFn: ({ signal }) => getStudentLetter(studentId, kind, signal),
  });

export const useStudentLetter = (studentId: number, kind: LetterKind) =>
  useQuery(studentLetterQueryOptions(studentId, kind));
