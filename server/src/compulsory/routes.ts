import { Router } from 'express';
import { z } from 'zod';
import { ROLES_WITH_NAMES } from '@primm/shared/contracts/auth';
import {
  OctoberListQuery,
  RecordNoticeInput,
  RecordReportInput,
  type Deadlines,
  type FamilyNoticeLetter,
  type MayorReport,
  type OctoberList,
  type StudentCompulsory,
} from '@primm/shared/contracts/compulsory';
import { CLOCK_RULES } from '@primm/shared/compulsory/absence-clock';
import { addDays, subtractMonths } from '@primm/shared/dates';
import { toCsv } from '@primm/shared/csv/to-csv';
import { Id } from '@primm/shared/contracts/domain';
import { SchoolCodeParam } from '@primm/shared/contracts/schools';
import type { AuthUser } from '../auth/current-user';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { HttpError } from '../http/http-error';
import { findReadableSchool } from '../http/scope';
import { newSchoolData, readOnly, studentAccess } from '../http/student-access';
import { deliverMayorReport, deliverOctoberLists } from '../municipality-inbox/repository';
import { computeSchoolCompulsory, type StudentCompulsoryRow } from './compute';
import { LEGAL_BASIS, letterFacts } from './letter-facts';
import { octoberListRows, octoberListStudents, octoberListSummary } from './october-list';
import { closeOpenNotice, insertNotice, recordOctoberListExport, recordReport, studentNames } from './repository';

const StudentIdParam = z.object({ id: Id });
/** The school's acts (notices, reports, lists) are the referents' and mediators' (issue: privacy). */
const ACT_ROLES = ['admin', 'referente', 'mediatore'] as const;

export function compulsoryRoutes(db: Db, now: () => Date): Router {
  const router = Router();

  router.get('/students/:id/compulsory', requireRole(...ROLES_WITH_NAMES), async (req, res) => {
    const user = userOf(req);
    const { id } = StudentIdParam.parse(req.params);
    const row = await studentRow(db, user, id);
    const { schoolId: _s, classId: _c, className: _n, closedReturnOn: _r, ...body } = row;
    await audit(db, { user, req }, { action: 'compulsory.read', studentIds: [id] });
    res.json(body satisfies StudentCompulsory);
  });

  router.post('/students/:id/compulsory/notice', requireRole(...ACT_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = StudentIdParam.parse(req.params);
    const input = RecordNoticeInput.parse(req.body);
    const row = await studentRow(db, user, id, 'write');
    const clock = row.clock;
    if (!clock || clock.state !== 'to_notify' || !clock.triggeredOn) {
      throw new HttpError(409, 'conflict', 'Non c’è una comunicazione alla famiglia da registrare per questo studente');
    }
    if (input.notifiedOn < clock.triggeredOn)
      throw new HttpError(400, 'validation_failed', 'La comunicazione non può precedere il superamento dei 15 giorni');
    if (input.notifiedOn > now().toISOString().slice(0, 10))
      throw new HttpError(400, 'validation_failed', 'La data della comunicazione è nel futuro');
    const year = await currentYear(db);
    await db.transaction().execute(async (trx) => {
      // The student came back after the previous notice and the clock started again: that
      // return closed the previous cycle (compute.ts reads the next cycle from the day after).
      if (row.closedReturnOn) await closeOpenNotice(trx, id, year.id, row.closedReturnOn);
      await insertNotice(trx, {
        studentId: id,
        schoolId: row.schoolId,
        schoolYearId: year.id,
        triggeredOn: clock.triggeredOn!,
        countedDays: clock.countedDays,
        notifiedOn: input.notifiedOn,
        notifiedBy: user.id,
        note: input.note ?? null,
        createdAt: now().toISOString(),
      });
      await audit(
        trx,
        { user, req },
        { action: 'compulsory.notice', studentIds: [id], details: { notifiedOn: input.notifiedOn } },
      );
    });
    res.status(201).json((await studentRow(db, user, id, 'write')).clock);
  });

  router.post('/students/:id/compulsory/report', requireRole(...ACT_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = StudentIdParam.parse(req.params);
    const input = RecordReportInput.parse(req.body);
    const row = await studentRow(db, user, id, 'write');
    if (row.clock?.state !== 'report_due')
      throw new HttpError(409, 'conflict', 'Nessuna segnalazione al sindaco è dovuta per questo studente');
    if (input.reportedOn < row.clock.reportDueFrom!)
      throw new HttpError(
        400,
        'validation_failed',
        'La segnalazione è possibile solo dall’ottavo giorno dopo la comunicazione',
      );
    const year = await currentYear(db);
    // Recording the report delivers it, as printed, to the inbox of the municipality of residence.
    const report = await mayorReportOf(db, row, year.label, input.reportedOn);
    await db.transaction().execute(async (trx) => {
      await recordReport(trx, id, year.id, { reportedOn: input.reportedOn, reportedBy: user.id });
      const itemId = await deliverMayorReport(trx, {
        report,
        studentId: id,
        schoolId: row.schoolId,
        schoolYearId: year.id,
        at: now().toISOString(),
        by: user.id,
      });
      await audit(
        trx,
        { user, req },
        {
          action: 'compulsory.report',
          studentIds: [id],
          details: { reportedOn: input.reportedOn, inboxItemId: itemId },
        },
      );
    });
    res.json((await studentRow(db, user, id, 'write')).clock);
  });

  // The printable report to the mayor: the facts and dates of the notice, nothing more.
  router.get('/students/:id/compulsory/report', requireRole(...ACT_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = StudentIdParam.parse(req.params);
    const row = await studentRow(db, user, id);
    const clock = row.clock;
    if (!clock || !clock.notifiedOn || !clock.triggeredOn || !['report_due', 'reported'].includes(clock.state)) {
      throw new HttpError(409, 'conflict', 'Per questo studente non è dovuta una segnalazione al sindaco');
    }
    const year = await currentYear(db);
    const body = await mayorReportOf(db, row, year.label, clock.reportedOn);
    await audit(db, { user, req }, { action: 'compulsory.report.read', studentIds: [id] });
    res.json(body);
  });

  // The printable notice to the family: once the 15 days are passed, whatever happened since.
  router.get('/students/:id/compulsory/notice-letter', requireRole(...ACT_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = StudentIdParam.parse(req.params);
    const row = await studentRow(db, user, id);
    const clock = row.clock;
    if (!clock?.triggeredOn || clock.state === 'ok')
      throw new HttpError(409, 'conflict', 'Per questo studente non è dovuta una comunicazione alla famiglia');
    const { school, student } = await letterFacts(db, id, row.schoolId, row.className);
    const body: FamilyNoticeLetter = {
      school,
      student,
      schoolYear: (await currentYear(db)).label,
      countedDays: clock.countedDays,
      windowFrom: clock.windowFrom,
      triggeredOn: clock.triggeredOn,
      notifiedOn: clock.notifiedOn,
      legalBasis: LEGAL_BASIS,
    };
    await audit(db, { user, req }, { action: 'compulsory.notice_letter.read', studentIds: [id] });
    res.json(body);
  });

  router.get('/schools/:code/deadlines', requireRole(...ACT_ROLES), async (req, res) => {
    const user = userOf(req);
    const { code } = SchoolCodeParam.parse(req.params);
    const school = await findReadableSchool(db, user, code);
    const year = await currentYear(db);
    const rows = await computeSchoolCompulsory(db, school.id, year);
    const names = await studentNames(
      db,
      rows.map((r) => r.studentId),
    );
    const listOf = (states: string[]) =>
      rows
        .filter((r) => r.clock && states.includes(r.clock.state))
        .map((r) => ({
          studentId: r.studentId,
          lastName: names.get(r.studentId)!.last_name,
          firstName: names.get(r.studentId)!.first_name,
          className: r.className,
          clock: r.clock!,
        }));
    const body: Deadlines = {
      schoolCode: code,
      asOf: rows[0]?.asOf ?? now().toISOString().slice(0, 10),
      toNotify: listOf(['to_notify']),
      countdowns: listOf(['countdown']).sort((a, b) =>
        (a.clock.countdownEndsOn ?? '').localeCompare(b.clock.countdownEndsOn ?? ''),
      ),
      reportsDue: listOf(['report_due']),
      octoberList: await octoberListSummary(db, school.id, year),
    };
    await audit(
      db,
      { user, req },
      {
        action: 'deadlines.read',
        studentIds: [...body.toNotify, ...body.countdowns, ...body.reportsDue].map((s) => s.studentId),
        details: { school: code },
      },
    );
    res.json(body);
  });

  router.get('/schools/:code/october-list', requireRole('admin', 'referente'), async (req, res) => {
    const user = userOf(req);
    const { code } = SchoolCodeParam.parse(req.params);
    const query = OctoberListQuery.parse(req.query);
    const school = await findReadableSchool(db, user, code);
    const year = await currentYear(db);
    const rows = await octoberListRows(db, school.id, year, query.municipality);
    await db.transaction().execute(async (trx) => {
      const students = await octoberListStudents(trx, school.id, year, query.municipality);
      // Each municipality of residence gets its own residents' rows in its inbox (issue 21).
      const delivered = await deliverOctoberLists(trx, {
        schoolId: school.id,
        schoolYear: year,
        students,
        at: now().toISOString(),
        by: user.id,
      });
      await recordOctoberListExport(trx, {
        schoolId: school.id,
        schoolYearId: year.id,
        municipalityIstat: query.municipality ?? null,
        students: rows.length,
        exportedAt: now().toISOString(),
        exportedBy: user.id,
      });
      await audit(
        trx,
        { user, req },
        {
          action: 'compulsory.october_list',
          studentIds: students.map((s) => s.studentId),
          details: {
            school: code,
            schoolId: school.id,
            municipality: query.municipality ?? null,
            students: rows.length,
            inboxItemIds: delivered,
          },
        },
      );
    });
    if (query.format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="elenco-obbligo-${code}-${year.label.replace('/', '-')}${query.municipality ? `-${query.municipality}` : ''}.csv"`,
      );
      res.send(
        toCsv(
          ['Cognome', 'Nome', 'Data di nascita', 'Comune di residenza (ISTAT)', 'Comune di residenza', 'Classe'],
          rows.map((r) => [
            r.lastName,
            r.firstName,
            r.birthDate.split('-').reverse().join('/'),
            r.residenceIstat,
            r.residence,
            r.className,
          ]),
        ),
      );
      return;
    }
    const body: OctoberList = { schoolYear: year.label, schoolCode: code, rows };
    res.json(body);
  });

  return router;
}

/** The report to the mayor as printed and as delivered: the facts and dates of the notice, nothing more. */
async function mayorReportOf(
  db: Db,
  row: StudentCompulsoryRow,
  schoolYear: string,
  reportedOn: string | null,
): Promise<MayorReport> {
  const clock = row.clock!;
  return {
    ...(await letterFacts(db, row.studentId, row.schoolId, row.className)),
    schoolYear,
    countedDays: clock.countedDays,
    // The window of the counted days (the clock's own window moves on with "today").
    windowFrom: addDays(subtractMonths(clock.triggeredOn!, CLOCK_RULES.windowMonths), 1),
    triggeredOn: clock.triggeredOn!,
    notifiedOn: clock.notifiedOn!,
    countdownEndsOn: clock.countdownEndsOn!,
    reportedOn,
    legalBasis: LEGAL_BASIS,
  };
}

async function currentYear(db: Db): Promise<{ id: number; label: string }> {
  const year = await findCurrentSchoolYear(db);
  if (!year) throw new HttpError(404, 'not_found', 'Nessun anno scolastico');
  return year;
}

/**
 * The student's row in the school that holds the current enrolment, with deroga categories only
 * for referents and mediators. Only that school acts on the procedure (issue 17): a former school
 * neither reads the new school's clock nor records a notice or report that would stop it.
 */
async function studentRow(
  db: Db,
  user: AuthUser,
  studentId: number,
  mode: 'read' | 'write' = 'read',
): Promise<StudentCompulsoryRow> {
  const access = await studentAccess(db, user, studentId);
  if (access.kind === 'former') throw mode === 'write' ? readOnly(access.window) : newSchoolData(access.window);
  const year = await currentYear(db);
  const { current } = access;
  if (!current || current.schoolYearId !== year.id)
    throw new HttpError(404, 'not_found', 'Studente non iscritto quest’anno');
  const withDeroghe = user.role !== 'docente';
  const [row] = await computeSchoolCompulsory(db, current.schoolId, year, { studentId, withDeroghe });
  if (!row) throw new HttpError(404, 'not_found', 'Dati di frequenza non disponibili per questo studente');
  return row;
}
