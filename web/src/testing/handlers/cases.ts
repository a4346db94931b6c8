import { addDays } from '@primm/shared/dates';
import { http, HttpResponse } from 'msw';
import { CalendarFeedCreated, CalendarFeedStatus } from '@primm/shared/contracts/calendar-feed';
import {
  CaseArchiveQuery,
  CloseCaseInput,
  CreateCaseActionInput,
  CreateCaseInput,
  UpdateCaseActionInput,
  UpdateCaseInput,
  type CaseAction,
  type CaseArchive,
  type CaseDetail,
  type CaseEffect,
  type CaseList,
  type Caseload,
} from '@primm/shared/contracts/cases';
import { Id } from '@primm/shared/contracts/domain';
import {
  aCaseAction,
  aCaseDetail,
  aCaseEffect,
  aCaseSummary,
  daysFromToday,
  errorBody,
  mockData,
  mockRisk,
} from '../fixtures';
import { aCalendarFeedStatus, aFeedPath, mediatorSchools, mockArchivedCases } from '../mediator-fixtures';
import { currentMockSession } from './auth';
import { linkFlagToCase, mockFlags } from './flags';
import { mockRegistrySchools } from './arrivals';

/**
 * State the case mocks keep, so `pnpm dev:mock` walks caseload → open a case from a flag → add
 * an action with a follow-up → back to the caseload. `resetMockCases` runs after each test.
 */
let cases: CaseDetail[] = [];
let feed: CalendarFeedStatus = aCalendarFeedStatus();
let feedSeed = 0;

function initialCases(): CaseDetail[] {
  const followUp = daysFromToday(10);
  return [
    aCaseDetail(),
    aCaseDetail({
      ...aCaseSummary({
        id: 8,
        student: { id: 1001, lastName: 'Rossi', firstName: 'Giulia', className: '3B', classId: 101 },
        status: 'monitoring',
        goal: 'Sostegno allo studio in matematica',
        nextFollowUp: followUp,
        overdue: false,
      }),
      actions: [
        aCaseAction({
          id: 2,
          caseId: 8,
          type: 'tutoring',
          date: '2026-01-15',
          participants: 'tutor tra pari',
          notes: null,
          followUpOn: followUp,
        }),
      ],
    }),
  ];
}

export function resetMockCases(): void {
  cases = initialCases();
  feed = aCalendarFeedStatus();
  feedSeed = 0;
}
resetMockCases();

function me() {
  const session = currentMockSession();
  return { id: session?.id ?? 0, name: session?.displayName ?? 'Utente' };
}

/** nextFollowUp and overdue as the server derives them: the earliest follow-up of an action without an outcome. */
function derive(c: CaseDetail): CaseDetail {
  const pending = c.actions
    .filter((a) => a.followUpOn && a.outcome === null)
    .map((a) => a.followUpOn!)
    .sort();
  const nextFollowUp = c.status === 'closed' ? null : (pending[0] ?? null);
  return {
    ...c,
    nextFollowUp,
    overdue: nextFollowUp !== null && nextFollowUp < daysFromToday(0),
    actionCount: c.actions.length,
  };
}

function save(next: CaseDetail): CaseDetail {
  const derived = derive(next);
  cases = cases.some((c) => c.id === next.id)
    ? cases.map((c) => (c.id === next.id ? derived : c))
    : [...cases, derived];
  return derived;
}

function findCase(raw: unknown): CaseDetail | undefined {
  const id = Id.safeParse(raw);
  return id.success ? cases.find((c) => c.id === id.data) : undefined;
}

const summary = ({ actions: _actions, ...s }: CaseDetail) => s;
const notFound = () => HttpResponse.json(errorBody('not_found'), { status: 404 });
const invalid = () => HttpResponse.json(errorBody('validation_failed'), { status: 400 });
const body = (request: Request) => request.json().catch(() => undefined);

export const casesHandlers = [
  http.get('/api/caseload', () => {
    const open = cases
      .filter((c) => c.status !== 'closed')
      .map(summary)
      .sort(
        (a, b) => Number(b.overdue) - Number(a.overdue) || (a.nextFollowUp ?? '9').localeCompare(b.nextFollowUp ?? '9'),
      );
    const flaggedWithoutCase = mockFlags()
      .filter((f) => f.caseId === null && f.resolvedAt === null)
      .map((f) => {
        const student = mockRisk.students.find((s) => s.id === f.studentId)!;
        const enrolment = student.enrolments[0];
        return {
          studentId: f.studentId,
          lastName: student.lastName,
          firstName: student.firstName,
          className: enrolment?.className ?? null,
          schoolCode: enrolment?.schoolCode ?? '',
          schoolName: enrolment?.schoolName ?? '',
          flagId: f.id,
          reasonCode: f.reasonCode,
          reason: f.reason,
          flaggedAt: f.createdAt,
          flaggedBy: f.createdBy.name,
          pastCases: cases
            .filter((c) => c.student.id === f.studentId && c.status === 'closed')
            .map((c) => ({ id: c.id, closedAt: c.closedAt, outcome: c.outcome })),
        };
      });
    const followUps = cases
      .filter((c) => c.status !== 'closed')
      .flatMap((c) =>
        c.actions
          .filter((a) => a.followUpOn !== null)
          .map((a) => ({
            caseId: c.id,
            actionId: a.id,
            date: a.followUpOn!,
            actionType: a.type,
            student: { id: c.student.id, lastName: c.student.lastName, firstName: c.student.firstName },
          })),
      )
      .sort((a, b) => a.date.localeCompare(b.date) || a.actionId - b.actionId);
    return HttpResponse.json<Caseload>({ today: daysFromToday(0), cases: open, followUps, flaggedWithoutCase });
  }),

  http.get('/api/students/:id/cases', ({ params }) => {
    const id = Id.safeParse(params.id);
    if (!id.success) return invalid();
    return HttpResponse.json<CaseList>({ items: cases.filter((c) => c.student.id === id.data).map(summary) });
  }),

  http.post('/api/cases', async ({ request }) => {
    const input = CreateCaseInput.safeParse(await body(request));
    if (!input.success) return invalid();
    const student = mockRisk.students.find((s) => s.id === input.data.studentId);
    if (!student) return notFound();
    const enrolment = student.enrolments[0];
    const className = enrolment ? (mockData.classes.find((c) => c.id === enrolment.classId)?.name ?? null) : null;
    const id = Math.max(0, ...cases.map((c) => c.id)) + 1;
    const created = save(
      aCaseDetail({
        ...aCaseSummary({
          id,
          student: {
            id: student.id,
            lastName: student.lastName,
            firstName: student.firstName,
            className,
            classId: enrolment?.classId ?? null,
          },
          schoolCode: enrolment?.schoolCode ?? '',
          schoolName: enrolment?.schoolName ?? '',
          goal: input.data.goal,
          owner: me(),
          openedBy: me(),
          openedAt: new Date().toISOString(),
          flagId: input.data.flagId ?? null,
        }),
        actions: [],
      }),
    );
    if (input.data.flagId) linkFlagToCase(input.data.flagId, id);
    return HttpResponse.json<CaseDetail>(created, { status: 201 });
  }),

  http.get('/api/cases/:id', ({ params }) => {
    const found = findCase(params.id);
    return found ? HttpResponse.json<CaseDetail>(found) : notFound();
  }),

  http.patch('/api/cases/:id', async ({ params, request }) => {
    const found = findCase(params.id);
    if (!found) return notFound();
    const input = UpdateCaseInput.safeParse(await body(request));
    if (!input.success) return invalid();
    const { ownerId: _owner, ...changes } = input.data;
    return HttpResponse.json<CaseDetail>(save({ ...found, ...changes }));
  }),

  http.post('/api/cases/:id/close', async ({ params, request }) => {
    const found = findCase(params.id);
    if (!found) return notFound();
    const input = CloseCaseInput.safeParse(await body(request));
    if (!input.success) return invalid();
    return HttpResponse.json<CaseDetail>(
      save({
        ...found,
        status: 'closed',
        outcome: input.data.outcome,
        outcomeNote: input.data.note ?? null,
        closedAt: new Date().toISOString(),
      }),
    );
  }),

  http.post('/api/cases/:id/actions', async ({ params, request }) => {
    const found = findCase(params.id);
    if (!found) return notFound();
    const input = CreateCaseActionInput.safeParse(await body(request));
    if (!input.success) return invalid();
    const {
      notes,
      followUpOn,
      outcome,
      destination,
      arrived,
      arrivedOn,
      workKind,
      exceptionalReason,
      destinationSchoolCode,
      ...rest
    } = input.data;
    // a school of the registry: named by the server, and waiting for its answer (issue #21)
    const school = mockRegistrySchools.find((s) => s.code === destinationSchoolCode);
    const action = aCaseAction({
      ...rest,
      id: Math.max(0, ...cases.flatMap((c) => c.actions.map((a) => a.id))) + 1,
      caseId: found.id,
      notes: notes ?? null,
      followUpOn: followUpOn ?? null,
      outcome: outcome ?? null,
      destination: school ? `${school.name} (${school.code})` : (destination ?? null),
      arrived: arrived ?? null,
      arrivedOn: arrivedOn ?? null,
      workKind: workKind ?? null,
      exceptionalReason: exceptionalReason ?? null,
      arrival: school
        ? {
            school: { code: school.code, name: school.name },
            status: 'pending',
            dueOn: addDays(input.data.date, 15),
            overdue: false,
            enrolledOn: null,
            answeredAt: null,
            answeredBy: null,
            autoReason: null,
          }
        : null,
      createdBy: me(),
      createdAt: new Date().toISOString(),
    });
    save({ ...found, actions: [...found.actions, action] });
    return HttpResponse.json<CaseAction>(action, { status: 201 });
  }),

  http.patch('/api/cases/:id/actions/:actionId', async ({ params, request }) => {
    const found = findCase(params.id);
    const action = found?.actions.find((a) => a.id === Number(params.actionId));
    if (!found || !action) return notFound();
    const input = UpdateCaseActionInput.safeParse(await body(request));
    if (!input.success) return invalid();
    const { arrivedOn, ...rest } = input.data;
    const updated: CaseAction = {
      ...action,
      ...rest,
      // as the server: the day goes with "arrived", any other answer drops it
      ...(rest.arrived !== undefined ? { arrivedOn: rest.arrived === true ? (arrivedOn ?? null) : null } : {}),
    };
    save({ ...found, actions: found.actions.map((a) => (a.id === action.id ? updated : a)) });
    return HttpResponse.json<CaseAction>(updated);
  }),

  http.get('/api/cases/:id/effect', ({ params }) => {
    const found = findCase(params.id);
    if (!found) return notFound();
    const first = found.actions.map((a) => a.date).sort()[0] ?? null;
    const effect = first
      ? aCaseEffect({ firstActionOn: first })
      : aCaseEffect({
          firstActionOn: null,
          weeks: [],
          before: { attendanceRate: null, average: null },
          after: { attendanceRate: null, average: null },
        });
    return HttpResponse.json<CaseEffect>(effect);
  }),

  http.get('/api/case-archive', ({ request }) => {
    const query = CaseArchiveQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return invalid();
    const { school, outcome, from, to } = query.data;
    const code = school === undefined ? undefined : mediatorSchools.find((s) => s.id === school)?.code;
    if (school !== undefined && !code) return HttpResponse.json(errorBody('forbidden'), { status: 403 });
    const items = [...cases.filter((c) => c.status === 'closed').map(summary), ...mockArchivedCases]
      .filter((c) => (!code || c.schoolCode === code) && (!outcome || c.outcome === outcome))
      .filter((c) => (!from || c.closedAt!.slice(0, 10) >= from) && (!to || c.closedAt!.slice(0, 10) <= to))
      .sort((a, b) => b.closedAt!.localeCompare(a.closedAt!));
    return HttpResponse.json<CaseArchive>({ items, truncated: false, schools: mediatorSchools });
  }),

  http.get('/api/calendar-feed', () => HttpResponse.json<CalendarFeedStatus>(feed)),

  // a new secret each time, as the server makes one: the previous address stops working
  http.post('/api/calendar-feed', () => {
    feedSeed += 1;
    feed = { active: true, createdAt: new Date().toISOString(), lastUsedAt: null };
    return HttpResponse.json<CalendarFeedCreated>(
      { ...feed, path: aFeedPath(String.fromCharCode(64 + feedSeed)) },
      { status: 201 },
    );
  }),

  http.delete('/api/calendar-feed', () => {
    feed = aCalendarFeedStatus();
    return new HttpResponse(null, { status: 204 });
  }),
];
