import { http, HttpResponse } from 'msw';
import { Id } from '@primm/shared/contracts/domain';
import {
  CreateFlagInput,
  CreateNoteInput,
  type Flag,
  type FlagList,
  type Note,
  type NoteList,
} from '@primm/shared/contracts/flags';
import { aFlag, aNote, errorBody, mockRisk } from '../fixtures';
import { currentMockSession } from './auth';

/**
 * State the flag mocks keep, so `pnpm dev:mock` shows a new flag in the list and in the
 * mediator's caseload, and a case opened from a flag takes it off "flagged without a case".
 */
let flags: Flag[] = [];
let notes: Note[] = [];

export function resetMockFlags(): void {
  flags = [aFlag()];
  notes = [aNote()];
}
resetMockFlags();

export function mockFlags(): readonly Flag[] {
  return flags;
}

export function linkFlagToCase(flagId: number, caseId: number): void {
  flags = flags.map((f) => (f.id === flagId ? { ...f, caseId } : f));
}

function author() {
  const me = currentMockSession();
  return { id: me?.id ?? 0, name: me?.displayName ?? 'Utente' };
}

function readStudent(raw: unknown): number | undefined {
  const id = Id.safeParse(raw);
  return id.success && mockRisk.students.some((s) => s.id === id.data) ? id.data : undefined;
}

export const flagsHandlers = [
  http.get('/api/students/:id/flags', ({ params }) => {
    const id = readStudent(params.id);
    if (id === undefined) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    // newest first, as the server lists them
    return HttpResponse.json<FlagList>({ items: flags.filter((f) => f.studentId === id).toReversed() });
  }),
  http.post('/api/students/:id/flags', async ({ params, request }) => {
    const id = readStudent(params.id);
    if (id === undefined) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const input = CreateFlagInput.safeParse(await request.json().catch(() => undefined));
    if (!input.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const flag = aFlag({
      id: flags.length + 1,
      studentId: id,
      ...input.data,
      createdBy: author(),
      createdAt: new Date().toISOString(),
    });
    flags = [...flags, flag];
    return HttpResponse.json<Flag>(flag, { status: 201 });
  }),
  http.get('/api/students/:id/notes', ({ params }) => {
    const id = readStudent(params.id);
    if (id === undefined) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<NoteList>({ items: notes.filter((n) => n.studentId === id).toReversed() });
  }),
  http.post('/api/students/:id/notes', async ({ params, request }) => {
    const id = readStudent(params.id);
    if (id === undefined) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const input = CreateNoteInput.safeParse(await request.json().catch(() => undefined));
    if (!input.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const note = aNote({
      id: notes.length + 1,
      studentId: id,
      body: input.data.body,
      createdBy: author(),
      createdAt: new Date().toISOString(),
    });
    notes = [...notes, note];
    return HttpResponse.json<Note>(note, { status: 201 });
  }),
];
