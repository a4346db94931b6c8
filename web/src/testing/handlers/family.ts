import { http, HttpResponse } from 'msw';
import { Id } from '@primm/shared/contracts/domain';
import { UpdateStudentFamilyInput, type StudentFamily } from '@primm/shared/contracts/family';
import { errorBody, mockRisk } from '../fixtures';
import { aStudentFamily } from '../mediator-fixtures';
import { currentMockSession } from './auth';

/** What the family mocks keep per student, so an edit shows after it is saved; reset after each test. */
let families = new Map<number, StudentFamily>();

export function resetMockFamily(): void {
  families = new Map([
    [
      1002,
      aStudentFamily({
        language: 'sq',
        interpreterNeeded: false,
        updatedAt: '2026-01-20T09:00:00.000Z',
        updatedBy: { id: 4, name: 'Mediatore dimostrativo' },
      }),
    ],
  ]);
}
resetMockFamily();

/** The language recorded for a student's family, for the letters' mocks. */
export const mockFamilyLanguage = (studentId: number) => families.get(studentId)?.language ?? null;

/** A test's family: the language it reads, as a mediator would have recorded it. */
export function setMockFamilyLanguage(studentId: number, language: StudentFamily['language']): void {
  families.set(studentId, aStudentFamily({ language }));
}

const EDITORS = ['admin', 'mediatore', 'referente'];

function studentOf(raw: unknown): number | undefined {
  const id = Id.safeParse(raw);
  return id.success && mockRisk.students.some((s) => s.id === id.data) ? id.data : undefined;
}

export const familyHandlers = [
  http.get('/api/students/:id/family', ({ params }) => {
    const id = studentOf(params.id);
    if (id === undefined) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const canEdit = EDITORS.includes(currentMockSession()?.role ?? 'admin');
    return HttpResponse.json<StudentFamily>({ ...(families.get(id) ?? aStudentFamily()), canEdit });
  }),

  http.put('/api/students/:id/family', async ({ params, request }) => {
    const id = studentOf(params.id);
    if (id === undefined) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    const input = UpdateStudentFamilyInput.safeParse(await request.json().catch(() => undefined));
    if (!input.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const me = currentMockSession();
    const next: StudentFamily = {
      ...input.data,
      updatedAt: new Date().toISOString(),
      updatedBy: { id: me?.id ?? 1, name: me?.displayName ?? 'Utente' },
      canEdit: true,
    };
    families.set(id, next);
    return HttpResponse.json<StudentFamily>(next);
  }),
];
