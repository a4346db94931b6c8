import { http, HttpResponse } from 'msw';
import { runAbsenceClock } from '@primm/shared/compulsory/absence-clock';
import { addDays, ageOn } from '@primm/shared/dates';
import { legalStatusOn } from '@primm/shared/compulsory/legal-status';
import {
  OctoberListQuery,
  RecordNoticeInput,
  RecordReportInput,
  type AbsenceClock,
  type Deadlines,
  type FamilyNoticeLetter,
  type MayorReport,
  type OctoberList,
  type StudentCompulsory,
  type YearValidity,
} from '@primm/shared/contracts/compulsory';
import { Id } from '@primm/shared/contracts/domain';
import type { StudentDetail } from '@primm/shared/contracts/students';
import {
  aFamilyNoticeLetter,
  aMayorReport,
  aYearValidity,
  daysFromToday,
  errorBody,
  mockData,
  mockRisk,
  weekdaysBefore,
} from '../fixtures';
import { currentMockSession } from './auth';

/**
 * The compulsory-education mocks run the real clock (`runAbsenceClock` from shared) on typed
 * scenarios, so `pnpm dev:mock` walks: deadlines → student 1005 → record the notice → the panel
 * shows the countdown → (mock time passes: every later read of that student is 8 days on) →
 * deadlines list the report due → the printable report. `resetMockCompulsory` runs after each test.
 */
type Scenario = {
  unjustifiedDays: string[];
  notifiedOn: string | null;
  reportedOn: string | null;
  validity: YearValidity;
  readsAfterNotice: number | null;
};

const RESIDENCE: Record<string, string> = { '042002': 'Ancona', '042018': 'Falconara Marittima', '042021': 'Jesi' };
const ACT_ROLES = ['admin', 'referente', 'mediatore'];
/** The admin's contacts: Falconara has its PEC recorded, the other municipalities not yet. */
const PEC: Record<string, string> = { '042018': 'comune.falconara@emarche.it' };

let scenarios = new Map<number, Scenario>();
let lastExportedAt: string | null = null;

export function resetMockCompulsory(): void {
  const base = { reportedOn: null, readsAfterNotice: null };
  scenarios = new Map<number, Scenario>([
    // 16 unjustified days, the 16th three days ago: the family must be told
    [1005, { ...base, unjustifiedDays: weekdaysBefore(-3, 16), notifiedOn: null, validity: aYearValidity() }],
    [
      1006,
      {
        ...base,
        unjustifiedDays: weekdaysBefore(-12, 16),
        notifiedOn: daysFromToday(-3),
        validity: aYearValidity({ attendedShare: 0.78, countedHours: 221, hoursStillAvailable: 43, atRisk: true }),
      },
    ],
    [
      1007,
      {
        ...base,
        unjustifiedDays: weekdaysBefore(-25, 16),
        notifiedOn: daysFromToday(-15),
        validity: aYearValidity({
          attendedShare: 0.7,
          countedHours: 290,
          hoursStillAvailable: 0,
          atRisk: true,
          invalid: true,
          evasion: true,
          hoursDerogated: 0,
          deroghe: [],
        }),
      },
    ],
  ]);
  lastExportedAt = null;
}
resetMockCompulsory();

/** Mock time: a notice recorded in this session shows its countdown once, then the 7 days have passed. */
function asOfFor(id: number): string {
  const s = scenarios.get(id);
  const today = daysFromToday(0);
  if (!s || s.readsAfterNotice === null || !s.notifiedOn) return today;
  s.readsAfterNotice += 1;
  return s.readsAfterNotice === 1 ? today : addDays(s.notifiedOn, 8);
}

function clockOf(id: number, asOf: string): AbsenceClock {
  const s = scenarios.get(id);
  const unjustifiedDays = s?.unjustifiedDays ?? weekdaysBefore(-5, 3, 9);
  const lessonDays = weekdaysBefore(30, 150, 1).filter((d) => d <= asOf);
  // never back at school after the 16th day: the countdowns run out
  const trigger = unjustifiedDays.at(-1)!;
  const absentDays = [...unjustifiedDays, ...lessonDays.filter((d) => d > trigger && (s?.notifiedOn ?? true))];
  const result = runAbsenceClock({
    lessonDays,
    unjustifiedDays,
    absentDays,
    notifiedOn: s?.notifiedOn ?? null,
    reportedOn: s?.reportedOn ?? null,
    asOf,
  });
  return { ...result, notifiedOn: s?.notifiedOn ?? null, reportedOn: s?.reportedOn ?? null };
}

function studentOf(raw: unknown): StudentDetail | undefined {
  const id = Id.safeParse(raw);
  return id.success ? mockRisk.students.find((s) => s.id === id.data) : undefined;
}

function compulsoryOf(student: StudentDetail, asOf: string): StudentCompulsory {
  const legalStatus = legalStatusOn(student.birthDate, asOf);
  const validity = scenarios.get(student.id)?.validity ?? aYearValidity({ deroghe: [] });
  // teachers never see the reasons of a deroga (server: withDeroghe)
  const deroghe = currentMockSession()?.role === 'docente' ? null : validity.deroghe;
  return {
    studentId: student.id,
    asOf,
    age: ageOn(student.birthDate, asOf),
    legalStatus,
    clock: legalStatus === 'obbligo' ? clockOf(student.id, asOf) : null,
    validity: { ...validity, deroghe },
  };
}

const refused = () => HttpResponse.json(errorBody('forbidden'), { status: 403 });
const canAct = () => ACT_ROLES.includes(currentMockSession()?.role ?? '');
const schoolOf = (s: StudentDetail) => s.enrolments.find((e) => e.leftOn === null) ?? s.enrolments.at(-1)!;

export const compulsoryHandlers = [
  http.get('/api/students/:id/compulsory', ({ params }) => {
    const student = studentOf(params.id);
    if (!student) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    return HttpResponse.json<StudentCompulsory>(compulsoryOf(student, asOfFor(student.id)));
  }),

  http.post('/api/students/:id/compulsory/notice', async ({ params, request }) => {
    const student = studentOf(params.id);
    if (!student) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    if (!canAct()) return refused();
    const input = RecordNoticeInput.safeParse(await request.json().catch(() => undefined));
    if (!input.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const clock = compulsoryOf(student, daysFromToday(0)).clock;
    if (clock?.state !== 'to_notify' || !clock.triggeredOn)
      return HttpResponse.json(errorBody('conflict', 'Nessuna comunicazione da registrare'), { status: 409 });
    if (input.data.notifiedOn < clock.triggeredOn || input.data.notifiedOn > daysFromToday(0))
      return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const s = scenarios.get(student.id)!;
    scenarios.set(student.id, { ...s, notifiedOn: input.data.notifiedOn, readsAfterNotice: 0 });
    return HttpResponse.json<AbsenceClock>(clockOf(student.id, daysFromToday(0)), { status: 201 });
  }),

  http.post('/api/students/:id/compulsory/report', async ({ params, request }) => {
    const student = studentOf(params.id);
    if (!student) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    if (!canAct()) return refused();
    const input = RecordReportInput.safeParse(await request.json().catch(() => undefined));
    if (!input.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const clock = clockOf(student.id, asOfFor(student.id));
    if (clock.state !== 'report_due')
      return HttpResponse.json(errorBody('conflict', 'Nessuna segnalazione dovuta'), { status: 409 });
    if (input.data.reportedOn < clock.reportDueFrom!)
      return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    scenarios.set(student.id, { ...scenarios.get(student.id)!, reportedOn: input.data.reportedOn });
    return HttpResponse.json<AbsenceClock>(clockOf(student.id, addDays(clock.countdownEndsOn!, 1)));
  }),

  http.get('/api/students/:id/compulsory/report', ({ params }) => {
    const student = studentOf(params.id);
    if (!student) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    if (!canAct()) return refused();
    const clock = clockOf(student.id, asOfFor(student.id));
    if (!['report_due', 'reported'].includes(clock.state))
      return HttpResponse.json(errorBody('conflict'), { status: 409 });
    const enrolment = schoolOf(student);
    const school = mockData.schools.find((s) => s.code === enrolment.schoolCode)!;
    const residence = RESIDENCE[student.residenceIstat ?? ''] ?? null;
    return HttpResponse.json<MayorReport>(
      aMayorReport({
        school: { code: school.code, name: school.name, municipality: school.municipality },
        student: {
          lastName: student.lastName,
          firstName: student.firstName,
          sex: student.sex,
          birthDate: student.birthDate,
          residence,
          className: enrolment.className,
        },
        municipality: residence
          ? {
              istatCode: student.residenceIstat!,
              name: residence,
              pec: PEC[student.residenceIstat!] ?? null,
              office: null,
            }
          : null,
        schoolYear: enrolment.schoolYear,
        countedDays: clock.countedDays,
        windowFrom: clock.windowFrom,
        triggeredOn: clock.triggeredOn!,
        notifiedOn: clock.notifiedOn!,
        countdownEndsOn: clock.countdownEndsOn!,
        reportedOn: clock.reportedOn,
      }),
    );
  }),

  http.get('/api/students/:id/compulsory/notice-letter', ({ params }) => {
    const student = studentOf(params.id);
    if (!student) return HttpResponse.json(errorBody('not_found'), { status: 404 });
    if (!canAct()) return refused();
    const clock = clockOf(student.id, asOfFor(student.id));
    if (clock.state === 'ok' || !clock.triggeredOn) return HttpResponse.json(errorBody('conflict'), { status: 409 });
    const enrolment = schoolOf(student);
    const school = mockData.schools.find((s) => s.code === enrolment.schoolCode)!;
    return HttpResponse.json<FamilyNoticeLetter>(
      aFamilyNoticeLetter({
        school: { code: school.code, name: school.name, municipality: school.municipality },
        student: {
          lastName: student.lastName,
          firstName: student.firstName,
          sex: student.sex,
          birthDate: student.birthDate,
          residence: RESIDENCE[student.residenceIstat ?? ''] ?? null,
          className: enrolment.className,
        },
        schoolYear: enrolment.schoolYear,
        countedDays: clock.countedDays,
        windowFrom: clock.windowFrom,
        triggeredOn: clock.triggeredOn,
        notifiedOn: clock.notifiedOn,
      }),
    );
  }),

  http.get('/api/schools/:code/deadlines', ({ params }) => {
    if (!canAct()) return refused();
    const asOf = daysFromToday(0);
    const students = mockRisk.students.filter(
      (s) => schoolOf(s).schoolCode === params.code && legalStatusOn(s.birthDate, asOf) === 'obbligo',
    );
    const rows = students.map((s) => ({
      studentId: s.id,
      lastName: s.lastName,
      firstName: s.firstName,
      className: schoolOf(s).className,
      clock: clockOf(s.id, asOfFor(s.id)),
    }));
    const inState = (state: AbsenceClock['state']) => rows.filter((r) => r.clock.state === state);
    const year = Number(asOf.slice(0, 4)) - (Number(asOf.slice(5, 7)) < 9 ? 1 : 0);
    return HttpResponse.json<Deadlines>({
      schoolCode: String(params.code),
      asOf,
      toNotify: inState('to_notify'),
      countdowns: inState('countdown').sort((a, b) => a.clock.countdownEndsOn!.localeCompare(b.clock.countdownEndsOn!)),
      reportsDue: inState('report_due'),
      octoberList: {
        dueBy: `${year}-10-31`,
        studentsUnderObligation: students.length,
        municipalities: new Set(students.map((s) => s.residenceIstat)).size,
        lastExportedAt,
      },
    });
  }),

  http.get('/api/schools/:code/october-list', ({ params, request }) => {
    if (!['admin', 'referente'].includes(currentMockSession()?.role ?? '')) return refused();
    const query = OctoberListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) return HttpResponse.json(errorBody('validation_failed'), { status: 400 });
    const asOf = daysFromToday(0);
    const rows = mockRisk.students
      .filter((s) => schoolOf(s).schoolCode === params.code && legalStatusOn(s.birthDate, asOf) === 'obbligo')
      .filter((s) => !query.data.municipality || s.residenceIstat === query.data.municipality)
      .map((s) => ({
        lastName: s.lastName,
        firstName: s.firstName,
        birthDate: s.birthDate,
        residenceIstat: s.residenceIstat,
        residence: RESIDENCE[s.residenceIstat ?? ''] ?? null,
        className: schoolOf(s).className,
      }));
    lastExportedAt = new Date().toISOString();
    if (query.data.format === 'csv') {
      const csv = [
        'Cognome;Nome;Data di nascita;Comune di residenza (ISTAT);Comune di residenza;Classe',
        ...rows.map((r) =>
          [
            r.lastName,
            r.firstName,
            r.birthDate.split('-').reverse().join('/'),
            r.residenceIstat,
            r.residence,
            r.className,
          ].join(';'),
        ),
      ].join('\r\n');
      const name = `elenco-obbligo-${String(params.code)}${query.data.municipality ? `-${query.data.municipality}` : ''}.csv`;
      return new HttpResponse(csv, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` },
      });
    }
    return HttpResponse.json<OctoberList>({
      schoolYear: schoolOf(mockRisk.students[0]!).schoolYear,
      schoolCode: String(params.code),
      rows,
    });
  }),
];
