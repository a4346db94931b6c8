import { http, HttpResponse } from 'msw';
import { WorklistQuery, type Worklist } from '@primm/shared/contracts/worklist';
import { errorBody } from '../fixtures';
import { mediatorSchools, mockWorklist } from '../mediator-fixtures';

/** The worklist filtered as the server does: by school (one of the mediator's, else 403) and reason. */
export const worklistHandlers = [
  http.get('/api/worklist', ({ request }) => {
    const query = WorklistQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const { school, reason } = query.data;
    if (school !== undefined && !mediatorSchools.some((s) => s.id === school))
      return HttpResponse.json(errorBody('forbidden'), { status: 403 });
    const items = mockWorklist
      .filter((i) => school === undefined || i.school.id === school)
      .filter((i) => reason === undefined || i.reasons.includes(reason))
      .map((i) => (reason ? { ...i, reasons: [reason] } : i));
    return HttpResponse.json<Worklist>({ schoolYear: '2025/26', items, truncated: false, schools: mediatorSchools });
  }),
];
