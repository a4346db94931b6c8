import { queryOptions, useQuery } from '@tanstack/react-query';
import { NoteList } from '@primm/shared/contracts/flags';
import { api } from '../../../lib/api-client';

export const getStudentNotes = (id: number, signal?: AbortSignal) =>
  api.get(`/students/${id}/notes`, NoteList, { signal });

export const studentNotesQueryOptions = (id: number) =>
  queryOptions({ queryKey: ['students', id, 'notes'], queryFn: ({ signal }) => getStudentNotes(id, signal) });

export const useStudentNotes = (id: number) => useQuery(studentNotesQueryOptions(id));
