import { http, HttpResponse } from 'msw';
import {
  AcknowledgeInput,
  RecordMeasureInput,
  type InboxItem,
  type MunicipalityInbox,
  type SchoolDeliveries,
  type StudentDeliveries,
} from '@primm/shared/contracts/municipality-inbox';
import { daysFromToday, errorBody } from '../fixtures';
import { currentMockSession } from './auth';

const report = (): InboxItem => ({
  id: 1,
  kind: 'mayor_report',
  municipality: { istatCode: '042002', name: 'Ancona' },
  school: { code: 'ANIS00800L', name: 'IIS Vanvitelli' },
  schoolYear: '2025/26',
  student: { lastName: 'Bianchi', firstName: 'Sara' },
  students: 1,
  deliveredAt: `${daysFromToday(-3)}T09:00:00.000Z`,
  dueBy: daysFromToday(18),
  status: 'delivered',
  acknowledgement: null,
  measureCount: 0,
  report: {
    school: { code: 'ANIS00800L', name: 'IIS Vanvitelli', municipality: 'ANCONA' },
    student: {
      lastName: 'Bianchi',
      firstName: 'Sara',
      sex: 'F',
      birthDate: '2011-03-14',
      residence: 'Ancona',
      className: '1A',
    },
    municipality: { istatCode: '042002', name: 'Ancona', pec: null, office: null },
    schoolYear: '2025/26',
    countedDays: Array.from({ length: 16 }, (_, i) => daysFromToday(-40 + i)),
    windowFrom: daysFromToday(-100),
    triggeredOn: daysFromToday(-25),
    notifiedOn: daysFromToday(-24),
    countdownEndsOn: daysFromToday(-17),
    reportedOn: daysFromToday(-3),
    legalBasis: 'art. 114 D.Lgs 16 aprile 1994, n. 297',
  },
  list: null,
  measures: [],
});

/** The office's one report, acknowledged or given measures within a test or a `pnpm dev:mock` session. */
let item = report();

export function resetMockMunicipalityInbox(): void {
  item = report();
}

const summary = ({ report: _r, list: _l, measures: _m, ...rest }: InboxItem) => rest;
const isComune = () => currentMockSession()?.role === 'comune';
const forbidden = () => HttpResponse.json(errorBody('forbidden'), { status: 403 });

export const municipalityInboxHandlers = [
  http.get('/api/municipality-inbox', () =>
    isComune() ? HttpResponse.json<MunicipalityInbox>({ ackWorkingDays: 15, items: [summary(item)] }) : forbidden(),
  ),
  http.get('/api/municipality-inbox/:id', ({ params }) => {
    if (!isComune()) return forbidden();
    if (Number(params.id) !== item.id) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<InboxItem>(item);
  }),
  http.post('/api/municipality-inbox/:id/acknowledgement', async ({ request }) => {
    if (!isComune()) return forbidden();
    if (item.acknowledgement) return HttpResponse.json(errorBody('conflict'), { status: 409 });
    const input = AcknowledgeInput.parse(await request.json());
    item = { ...item, status: 'acknowledged', acknowledgement: { ...input, acknowledgedAt: new Date().toISOString() } };
    return HttpResponse.json(summary(item), { status: 201 });
  }),
  http.post('/api/municipality-inbox/:id/measures', async ({ request }) => {
    if (!isComune()) return forbidden();
    const input = RecordMeasureInput.parse(await request.json());
    const measure = { id: item.measures.length + 1, ...input, recordedAt: new Date().toISOString() };
    item = { ...item, measures: [...item.measures, measure], measureCount: item.measureCount + 1 };
    return HttpResponse.json(measure, { status: 201 });
  }),
  http.get('/api/schools/:code/municipality-deliveries', () =>
    HttpResponse.json<SchoolDeliveries>({ ackWorkingDays: 15, deliveries: [] }),
  ),
  http.get('/api/students/:id/municipality-deliveries', () =>
    HttpResponse.json<StudentDeliveries>({ ackWorkingDays: 15, residence: null, deliveries: [] }),
  ),
];
