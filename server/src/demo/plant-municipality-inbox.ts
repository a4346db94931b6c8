import { legalStatusOn } from '@primm/shared/compulsory/legal-status';
import type { MayorReport } from '@primm/shared/contracts/compulsory';
import { addDays } from '@primm/shared/dates';
import { addWorkingDays } from '@primm/shared/working-days';
import { LEGAL_BASIS, letterFacts } from '../compulsory/letter-facts';
import { octoberListStudents } from '../compulsory/october-list';
import type { Db } from '../db/open-database';
import { deliverMayorReport, deliverOctoberLists } from '../municipality-inbox/repository';
import { type DemoCaseContext, demoCaseContext } from './plant-cases';

const DAY = 86_400_000;

/**
 * The demo municipal office's inbox (issue 21): every state a new user must see — a report
 * delivered two days ago (to record), one delivered a month ago (overdue), one acknowledged with a
 * measure taken, and an October list acknowledged. Reports go to three residents of the office's
 * municipality enrolled, under the obligation, in a school outside the referent's and mediator's
 * scope (their journeys start from their own data); the list is that school's list for the
 * municipality. Dates of delivery follow the real clock, since "overdue" does.
 *
 * The report due in the referent's school (plantDemoDeadlines) goes to the same municipality, so
 * that the journey report → acknowledgement → the school sees it can be walked in the demo
 * (web/e2e/municipality-inbox.spec.ts): its student's residence is set to it if it was not.
 * Returns the number of items planted.
 */
export async function plantDemoMunicipalityInbox(
  db: Db,
  comuneEmail = 'comune@demo.primm.it',
  adminEmail = 'admin@demo.primm.it',
  now = new Date(),
): Promise<number> {
  const context = await demoCaseContext(db, adminEmail);
  const office = await db
    .selectFrom('app_user')
    .innerJoin('user_municipality', 'user_municipality.user_id', 'app_user.id')
    .select(['app_user.id', 'user_municipality.municipality_istat'])
    .where('app_user.email', '=', comuneEmail)
    .executeTakeFirst();
  if (!context || !office) return 0;
  const { admin, year, busy } = context;
  const istat = office.municipality_istat;
  const listDay = `${year.label.slice(0, 4)}-10-31`;

  await sendDueReportToOffice(db, istat);
  const three = await threeObligedResidents(db, year.id, busy, istat, listDay);
  if (three.length < 3) return 0;
  const schoolId = three[0]!.school_id;

  const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
  let planted = 0;
  await db.transaction().execute(async (trx) => {
    // to record (2 days ago), overdue (a month ago), acknowledged with a measure (40 days ago)
    const ages = [2, 30, 40];
    for (const [i, s] of three.entries()) {
      const deliveredAt = daysAgo(ages[i]!);
      const reportedOn = deliveredAt.toISOString().slice(0, 10);
      const notifiedOn = addDays(reportedOn, -10);
      const counted = Array.from({ length: 16 }, (_, k) => addWorkingDays(addDays(notifiedOn, -30), k));
      const report: MayorReport = {
        ...(await letterFacts(trx, s.id, schoolId, s.class_name)),
        schoolYear: year.label,
        countedDays: counted,
        windowFrom: addDays(counted[0]!, -1),
        triggeredOn: counted.at(-1)!,
        notifiedOn,
        countdownEndsOn: addDays(notifiedOn, 7),
        reportedOn,
        legalBasis: LEGAL_BASIS,
      };
      const id = await deliverMayorReport(trx, {
        report,
        studentId: s.id,
        schoolId,
        schoolYearId: year.id,
        at: deliveredAt.toISOString(),
        by: admin.id,
      });
      planted += 1;
      if (i === 2 && id !== null) {
        await acknowledge(trx, id, addDays(reportedOn, 1), `${year.label.slice(0, 4)}/0${4812 + i}`, office.id);
        await trx
          .insertInto('municipality_inbox_measure')
          .values({
            item_id: id,
            taken_on: addDays(reportedOn, 8),
            description: 'Colloquio dei servizi sociali con la famiglia (dati dimostrativi)',
            recorded_at: daysAgo(30).toISOString(),
            recorded_by: office.id,
          })
          .execute();
      }
    }
    const listed = await octoberListStudents(trx, schoolId, year, istat);
    const [listId] = await deliverOctoberLists(trx, {
      schoolId,
      schoolYear: year,
      students: listed,
      at: `${addDays(listDay, -6)}T09:00:00.000Z`,
      by: admin.id,
    });
    if (listId !== undefined) {
      planted += 1;
      await acknowledge(trx, listId, addDays(listDay, -5), `${year.label.slice(0, 4)}/03977`, office.id);
    }
  });
  return planted;
}

async function acknowledge(trx: Db, id: number, receivedOn: string, protocol: string, by: number): Promise<void> {
  await trx
    .updateTable('municipality_inbox_item')
    .set({
      received_on: receivedOn,
      protocol_number: protocol,
      acknowledged_at: `${receivedOn}T11:00:00.000Z`,
      acknowledged_by: by,
    })
    .where('id', '=', id)
    .execute();
}

type Resident = { id: number; birth_date: string; school_id: number; class_name: string };

/**
 * Three students of one school outside the journeys' (`busy`), resident in the office's
 * municipality and under the obligation on the October list's day. The generated region puts most
 * residents of a municipality in its own schools, which the journeys use: when no other school has
 * three, the first school that has three students under the obligation gets three of them as
 * residents (students who travel in from the neighbouring town).
 */
async function threeObligedResidents(
  db: Db,
  yearId: number,
  busy: DemoCaseContext['busy'],
  istat: string,
  listDay: string,
): Promise<Resident[]> {
  const enrolled = await db
    .selectFrom('enrolment')
    .innerJoin('class', 'class.id', 'enrolment.class_id')
    .innerJoin('student', 'student.id', 'enrolment.student_id')
    .select([
      'student.id',
      'student.birth_date',
      'student.residence_istat',
      'class.school_id',
      'class.name as class_name',
    ])
    .where('class.school_year_id', '=', yearId)
    .where('class.school_id', 'not in', busy)
    .where('enrolment.left_on', 'is', null)
    .orderBy('class.school_id')
    .orderBy('student.id')
    .execute();
  const obliged = enrolled.filter((r) => legalStatusOn(r.birth_date, listDay) === 'obbligo');
  const bySchool = new Map<number, typeof obliged>();
  for (const r of obliged) bySchool.set(r.school_id, [...(bySchool.get(r.school_id) ?? []), r]);
  for (const students of bySchool.values()) {
    const residents = students.filter((r) => r.residence_istat === istat);
    if (residents.length >= 3) return residents.slice(0, 3);
  }
  const school = [...bySchool.values()].find((students) => students.length >= 3);
  if (!school) return [];
  const three = school.slice(0, 3);
  await db
    .updateTable('student')
    .set({ residence_istat: istat })
    .where(
      'id',
      'in',
      three.map((r) => r.id),
    )
    .execute();
  return three;
}

/** The referent's report due (a notice with no report, not closed) concerns a resident of the office's municipality. */
async function sendDueReportToOffice(trx: Db, istat: string): Promise<void> {
  const due = await trx
    .selectFrom('compulsory_notice')
    .select('student_id')
    .where('reported_on', 'is', null)
    .where('closed_on', 'is', null)
    .orderBy('notified_on')
    .executeTakeFirst();
  if (due) await trx.updateTable('student').set({ residence_istat: istat }).where('id', '=', due.student_id).execute();
}
