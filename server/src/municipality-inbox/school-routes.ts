import { Router } from 'express';
import { z } from 'zod';
import { Id } from '@primm/shared/contracts/domain';
import type { SchoolDeliveries, StudentDeliveries } from '@primm/shared/contracts/municipality-inbox';
import { SchoolCodeParam } from '@primm/shared/contracts/schools';
import { findCurrentSchoolYear } from '../db/current-year';
import type { Db } from '../db/open-database';
import { audit } from '../http/audit';
import { requireRole, userOf } from '../http/authenticate';
import { findReadableSchool, visibleSchoolIds } from '../http/scope';
import { newSchoolData, studentAccess } from '../http/student-access';
import { findItems, municipalitiesWithAccount, pecOf, type ItemRow } from './repository';
import { toSchoolDelivery } from './shape';

const StudentIdParam = z.object({ id: Id });
/** The roles that record the report and the list (compulsory/routes.ts) see what became of them. */
const ACT_ROLES = ['admin', 'referente', 'mediatore'] as const;

/**
 * The school's side of the municipality's inbox: for each report or list it sent, delivered,
 * acknowledged (date, protocol) or overdue; and, where no municipal account exists, the PEC the
 * printed letter must go to instead.
 */
export function schoolDeliveryRoutes(db: Db, now: () => Date, ackWorkingDays: number): Router {
  const router = Router();

  const shape = async (rows: ItemRow[]) => {
    const codes = [...new Set(rows.map((r) => r.municipalityIstat))];
    const [withAccount, pec] = await Promise.all([municipalitiesWithAccount(db, codes), pecOf(db, codes)]);
    const ctx = { today: now().toISOString().slice(0, 10), limit: ackWorkingDays, withAccount };
    return rows.map((r) => toSchoolDelivery(r, ctx, pec.get(r.municipalityIstat) ?? null));
  };

  router.get('/schools/:code/municipality-deliveries', requireRole(...ACT_ROLES), async (req, res) => {
    const user = userOf(req);
    const { code } = SchoolCodeParam.parse(req.params);
    const school = await findReadableSchool(db, user, code);
    const year = await findCurrentSchoolYear(db);
    const rows = year ? await findItems(db, { schoolId: school.id, schoolYearId: year.id }) : [];
    const body: SchoolDeliveries = { ackWorkingDays, deliveries: await shape(rows) };
    await audit(
      db,
      { user, req },
      {
        action: 'municipality_delivery.read',
        studentIds: body.deliveries.flatMap((d) => (d.student ? [d.student.id] : [])),
        details: { school: code },
      },
    );
    res.json(body);
  });

  router.get('/students/:id/municipality-deliveries', requireRole(...ACT_ROLES), async (req, res) => {
    const user = userOf(req);
    const { id } = StudentIdParam.parse(req.params);
    const access = await studentAccess(db, user, id);
    // What the new school sent is its own business (issue 17): a former school reads nothing here.
    if (access.kind === 'former') throw newSchoolData(access.window);
    const schools = await visibleSchoolIds(db, user);
    const rows = (await findItems(db, { studentId: id })).filter(
      (r) => schools === null || schools.includes(r.schoolId),
    );
    const residence = await db
      .selectFrom('student')
      .innerJoin('municipality', 'municipality.istat_code', 'student.residence_istat')
      .select(['municipality.istat_code', 'municipality.name'])
      .where('student.id', '=', id)
      .executeTakeFirst();
    const accounts = residence ? await municipalitiesWithAccount(db, [residence.istat_code]) : new Set<string>();
    const pec = residence ? await pecOf(db, [residence.istat_code]) : new Map<string, string | null>();
    const body: StudentDeliveries = {
      ackWorkingDays,
      residence: residence
        ? {
            istatCode: residence.istat_code,
            name: residence.name,
            pec: pec.get(residence.istat_code) ?? null,
            hasAccount: accounts.has(residence.istat_code),
          }
        : null,
      deliveries: await shape(rows),
    };
    await audit(db, { user, req }, { action: 'municipality_delivery.read', studentIds: [id] });
    res.json(body);
  });

  return router;
}
