import { http, HttpResponse } from 'msw';
import type { ClassDetail, ClassStudentList } from '@primm/shared/contracts/classes';
import { Id } from '@primm/shared/contracts/domain';
import { errorBody, mockData } from '../fixtures';

function readId(raw: unknown): number | undefined {
  const parsed = Id.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

export const classesHandlers = [
  http.get('/api/classes/:id', ({ params }) => {
    const id = readId(params.id);
    if (id === undefined) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const found = mockData.classes.find((c) => c.id === id);
    if (!found) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<ClassDetail>(found);
  }),
  http.get('/api/classes/:id/students', ({ params }) => {
    const id = readId(params.id);
    if (id === undefined) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    if (!mockData.classes.some((c) => c.id === id)) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<ClassStudentList>({ items: mockData.studentsByClass[id] ?? [] });
  }),
];
