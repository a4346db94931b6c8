import { http, HttpResponse } from 'msw';
import { SchoolCodeParam, SchoolListQuery, type SchoolDetail, type SchoolList } from '@primm/shared/contracts/schools';
import { errorBody, mockData } from '../fixtures';

function toSummary({ address: _address, classList: _classList, freshness: _freshness, ...summary }: SchoolDetail) {
  return summary;
}

export const schoolsHandlers = [
  http.get('/api/schools', ({ request }) => {
    // Mocks honour the contract: an invalid query is refused like the server would.
    const parsed = SchoolListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const { province, level, q } = parsed.data;
    const needle = q?.toLowerCase();
    const items = mockData.schools
      .filter((s) => !province || s.province === province)
      .filter((s) => !level || s.level === level)
      .filter((s) => !needle || [s.name, s.municipality, s.code].some((v) => v.toLowerCase().includes(needle)))
      .map(toSummary);
    return HttpResponse.json<SchoolList>({ items });
  }),
  http.get('/api/schools/:code', ({ params }) => {
    const parsed = SchoolCodeParam.safeParse(params);
    if (!parsed.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const school = mockData.schools.find((s) => s.code === parsed.data.code);
    if (!school) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<SchoolDetail>(school);
  }),
];
