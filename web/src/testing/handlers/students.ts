import { http, HttpResponse } from 'msw';
import { Id } from '@primm/shared/contracts/domain';
import type { StudentDetail } from '@primm/shared/contracts/students';
import { errorBody, mockRisk } from '../fixtures';

export const studentsHandlers = [
  http.get('/api/students/:id', ({ params }) => {
    const id = Id.safeParse(params.id);
    if (!id.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const student = mockRisk.students.find((s) => s.id === id.data);
    if (!student) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<StudentDetail>(student);
  }),
];
