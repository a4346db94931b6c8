import { queryOptions, useQuery } from '@tanstack/react-query';
import { FamilyNoticeLetter } from '@primm/shared/contracts/compulsory';
import { api } from '../../../lib/api-client';

export const getFamilyNoticeLetter = (studentId: number, signal?: AbortSignal) =>
  api.get(`/students/${studentId}/compulsory/notice-letter`, FamilyNoticeLetter, { signal });

export const familyNoticeLetterQueryOptions = (studentId: number) =>
  queryOptions({
    queryKey: ['students', studentId, 'compulsory', 'notice-letter'],
    queryFn: ({ signal }) => getFamilyNoticeLetter(studentId, signal),
  });

export const useFamilyNoticeLetter = (studentId: number) => useQuery(familyNoticeLetterQueryOptions(studentId));
