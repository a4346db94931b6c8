import { http, HttpResponse } from 'msw';
import {
  AnswerArrivalInput,
  type ArrivalList,
  type IncomingArrival,
  type RegistrySchool,
} from '@primm/shared/contracts/arrivals';
import { errorBody } from '../fixtures';

export const anIncomingArrival = (overrides: Partial<IncomingArrival> = {}): IncomingArrival => ({
  actionId: 71,
  student: { lastName: 'Hoxha', firstName: 'Ardit', birthDate: '2009-05-10' },
  originSchool: { code: 'ANPS03000E', name: 'LICEO GALILEI' },
  receivingSchool: { code: 'ANIS00800L', name: 'IIS VOLTERRA-ELIA' },
  date: '2026-01-12',
  dueOn: '2026-01-27',
  overdue: false,
  status: 'pending',
  enrolledOn: null,
  answeredAt: null,
  autoReason: null,
  importedEnrolmentOn: null,
  ...overrides,
});

export const mockRegistrySchools: RegistrySchool[] = [
  {
    code: 'ANIS00800L',
    name: 'IIS VOLTERRA-ELIA',
    kind: 'ISTITUTO SUPERIORE',
    municipalityName: 'ANCONA',
    provinceCode: 'AN',
  },
  {
    code: 'ANRI01000X',
    name: 'IPSIA CAPPANNARI',
    kind: 'IST PROF INDUSTRIA E ARTIGIANATO',
    municipalityName: 'ANCONA',
    provinceCode: 'AN',
  },
];

const initial = (): ArrivalList => ({
  today: '2026-01-20',
  incoming: [
    anIncomingArrival(),
    anIncomingArrival({
      actionId: 72,
      student: { lastName: 'Rossi', firstName: 'Giulia', birthDate: '2010-02-01' },
      date: '2025-12-01',
      dueOn: '2025-12-16',
      overdue: true,
    }),
  ],
  outgoing: [
    {
      actionId: 81,
      caseId: 12,
      student: { id: 3, lastName: 'Bianchi', firstName: 'Luca' },
      receivingSchool: { code: 'ANRI01000X', name: 'IPSIA CAPPANNARI' },
      date: '2025-12-01',
      dueOn: '2025-12-16',
      overdue: true,
    },
  ],
});

/** The arrivals as this test or `pnpm dev:mock` session answered them; reset after each test. */
let arrivals = initial();

export function resetMockArrivals(): void {
  arrivals = initial();
}

export const arrivalsHandlers = [
  http.get('/api/arrivals', () => HttpResponse.json(arrivals)),
  http.post('/api/arrivals/:actionId/answer', async ({ request, params }) => {
    const input = AnswerArrivalInput.parse(await request.json());
    const found = arrivals.incoming.find((a) => a.actionId === Number(params.actionId));
    if (!found) return HttpResponse.json(errorBody('not_found', 'Arrivo non trovato'), { status: 404 });
    const answered: IncomingArrival = {
      ...found,
      status: input.answer,
      enrolledOn: input.answer === 'enrolled' ? input.enrolledOn : null,
      overdue: false,
      answeredAt: '2026-01-20T10:00:00.000Z',
    };
    arrivals = { ...arrivals, incoming: arrivals.incoming.map((a) => (a === found ? answered : a)) };
    return HttpResponse.json(answered);
  }),
  http.get('/api/registry-schools', ({ request }) => {
    const q = (new URL(request.url).searchParams.get('q') ?? '').toUpperCase();
    const items = mockRegistrySchools.filter((s) => [s.name, s.code, s.municipalityName].some((f) => f.includes(q)));
    return HttpResponse.json({ items });
  }),
];
