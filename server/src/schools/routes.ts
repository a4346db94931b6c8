import { Router } from 'express';
import { SchoolCodeParam, SchoolListQuery, type SchoolDetail, type SchoolList } from '@primm/shared/contracts/schools';
import { findCurrentSchoolYear, findLatestYearWithData } from '../db/current-year';
import type { Db } from '../db/open-database';
import { requireRole, userOf } from '../http/authenticate';
import { notFound } from '../http/http-error';
import { findReadableSchool, SCHOOL_NOT_FOUND, visibleSchoolIds } from '../http/scope';
import { findSchoolFreshness } from './freshness';
import { findSchoolByCode, listClassesOfSchool, listSchools } from './repository';
import { SCHOOL_SIDE_ROLES } from '@primm/shared/contracts/auth';

export function schoolRoutes(db: Db): Router {
  const router = Router();

  // School names are public; a school-scoped user sees only their own schools.
  router.get('/schools', requireRole(...SCHOOL_SIDE_ROLES), async (req, res) => {
    const query = SchoolListQuery.parse(req.query);
    const year = await findLatestYearWithData(db);
    const only = await visibleSchoolIds(db, userOf(req));
    const body: SchoolList = { items: await listSchools(db, query, year?.id ?? null, only) };
    res.json(body);
  });

  router.get('/schools/:code', requireRole(...SCHOOL_SIDE_ROLES), async (req, res) => {
    const user = userOf(req);
    const { code } = SchoolCodeParam.parse(req.params);
    await findReadableSchool(db, user, code);
    // Totals count the year with data, as the list and the aggregates do; the classes are the
    // newest year's, so a referent sees the classes of a year being prepared before anyone is in them.
    const [year, newest] = await Promise.all([findLatestYearWithData(db), findCurrentSchoolYear(db)]);
    const school = await findSchoolByCode(db, code, year?.id ?? null);
    if (!school) throw notFound(SCHOOL_NOT_FOUND);
    let classList = newest && user.role !== 'analista' ? await listClassesOfSchool(db, school.id, newest.id) : [];
    if (user.role === 'docente') classList = classList.filter((c) => user.classIds.includes(c.id));
    const body: SchoolDetail = {
      ...school,
      classList,
      freshness: await findSchoolFreshness(db, school.id, year?.id ?? null),
    };
    res.json(body);
  });

  return router;
}
