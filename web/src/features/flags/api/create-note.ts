import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Note, type CreateNoteInput } from '@primm/shared/contracts/flags';
import { api } from '../../../lib/api-client';
import { studentNotesQueryOptions } from './get-student-notes';

export const createNote = (studentId: number, input: CreateNoteInput) =>
  api.post(`/students/${studentId}/notes`, input, Note);

export function useCreateNote(studentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateNoteInput) => createNote(studentId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: studentNotesQueryOptions(studentId).queryKey }),
  });
}
