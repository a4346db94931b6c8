import type { Db } from '../db/open-database';
import { aUser } from './auth-as';
import { aClass, aSchool, aStudent } from './factories';

/** Monday–Friday dates from `from`, n of them (no national holiday falls in January 2026 after the 6th). */
export function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); out.length < n; t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The clock of the apps built on this fixture: after both schools wrote their records. */
export const TRANSFER_NOW = new Date('2026-03-10T09:00:00Z');

/**
 * Issue 17: Hoxha, 14 years old, in 3A of school A (ANPS03000E) from 15/09/2025, transferred on
 * 10/01/2026 (`trasferito`) into 1B of school B (PSPS01000A) from 12/01/2026, where she has
 * missed 16 days without justification (the art. 114 clock wants a notice to the family).
 *
 * Written at A before the transfer: a flag (A's teacher), a note (A's mediator), a case with one
 * action. Written by A's mediator on 20/01/2026, after the transfer date (before the import told
 * the system): a note. Written at B after the transfer: a flag, a note, a case from B's flag with
 * one action, and B's risk result.
 */
export async function aTransferredStudent(db: Db) {
  const schoolA = await aSchool(db, { code: 'ANPS03000E', name: 'G. GALILEI' });
  const schoolB = await aSchool(db, { code: 'PSPS01000A', name: 'MARCONI' });
  const classA = await aClass(db, schoolA.id, { name: '3A' });
  const classB = await aClass(db, schoolB.id, { name: '1B' });
  const student = await aStudent(db, { last_name: 'Hoxha', first_name: 'Arben', citizenship: 'Albania' });
  await db
    .updateTable('student')
    .set({ birth_date: '2011-04-02', l2_level: 'B1' })
    .where('id', '=', student.id)
    .execute();
  await db
    .insertInto('enrolment')
    .values([
      {
        student_id: student.id,
        class_id: classA.id,
        entered_on: '2025-09-15',
        left_on: '2026-01-10',
        exit_reason: 'trasferito',
      },
      { student_id: student.id, class_id: classB.id, entered_on: '2026-01-12', left_on: null, exit_reason: null },
    ])
    .execute();

  const a = {
    referent: await aUser(db, 'referente', { schoolIds: [schoolA.id] }),
    mediator: await aUser(db, 'mediatore', { schoolIds: [schoolA.id] }),
    teacher: await aUser(db, 'docente', { classIds: [classA.id] }),
  };
  const b = {
    referent: await aUser(db, 'referente', { schoolIds: [schoolB.id] }),
    mediator: await aUser(db, 'mediatore', { schoolIds: [schoolB.id] }),
    teacher: await aUser(db, 'docente', { classIds: [classB.id] }),
  };

  const flag = async (by: number, at: string, reason: string) =>
    (
      await db
        .insertInto('flag')
        .values({ student_id: student.id, reason_code: 'assenze', reason, created_by: by, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const note = async (by: number, at: string, body: string) =>
    (
      await db
        .insertInto('student_note')
        .values({ student_id: student.id, body, created_by: by, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const supportCase = async (schoolId: number, by: number, at: string, goal: string, flagId: number | null) =>
    (
      await db
        .insertInto('support_case')
        .values({
          student_id: student.id,
          school_id: schoolId,
          flag_id: flagId,
          opened_by: by,
          owner_id: by,
          opened_at: at,
          status: 'open',
          goal,
          closed_at: null,
          outcome: null,
          outcome_note: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const action = async (caseId: number, by: number, date: string, notes: string) =>
    (
      await db
        .insertInto('case_action')
        .values({
          case_id: caseId,
          type: 'family_meeting',
          date,
          participants: 'madre, mediatore',
          notes,
          follow_up_on: null,
          outcome: null,
          destination: null,
          arrived: null,
          work_kind: null,
          exceptional_reason: null,
          created_by: by,
          created_at: `${date}T10:00:00.000Z`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

  const flagA = await flag(a.teacher.id, '2025-11-05T08:00:00.000Z', 'assente tutti i lunedì (scuola A)');
  const noteA = await note(a.mediator.id, '2025-11-06T08:00:00.000Z', 'colloquio con la madre (scuola A)');
  const caseA = await supportCase(
    schoolA.id,
    a.mediator.id,
    '2025-11-10T08:00:00.000Z',
    'riportarla a scuola (scuola A)',
    flagA,
  );
  const actionA = await action(caseA, a.mediator.id, '2025-11-12', 'incontro in presenza (scuola A)');
  const lateNoteA = await note(a.mediator.id, '2026-01-20T08:00:00.000Z', 'saputo del trasferimento (scuola A, dopo)');
  const flagB = await flag(b.teacher.id, '2026-02-01T08:00:00.000Z', 'non si è mai presentata (scuola B)');
  const noteB = await note(b.mediator.id, '2026-02-02T08:00:00.000Z', 'nuovo indirizzo della famiglia (scuola B)');
  const caseB = await supportCase(
    schoolB.id,
    b.mediator.id,
    '2026-02-03T08:00:00.000Z',
    'accoglienza (scuola B)',
    flagB,
  );
  const actionB = await action(caseB, b.mediator.id, '2026-02-04', 'mediazione linguistica (scuola B)');

  await db
    .insertInto('risk_result')
    .values({
      student_id: student.id,
      class_id: classB.id,
      school_id: schoolB.id,
      school_year_id: classB.school_year_id,
      as_of: '2026-03-01',
      settings_version: 1,
      tier: 3,
      score: 3,
      input_hash: 'h',
      computed_at: '2026-03-01T00:00:00.000Z',
      indicators: '[]',
      attendance_rate: 0.6,
      projected_absence: 0.4,
      failing_subjects: null,
      age_grade_delay: null,
    })
    .execute();
  await db
    .insertInto('school_calendar')
    .values({
      school_id: schoolB.id,
      school_year_id: classB.school_year_id,
      lessons_start: '2025-09-15',
      lessons_end: '2026-06-06',
    })
    .execute();
  const absences = weekdays('2026-01-12', 16); // the 16th is 02/02/2026
  await db
    .insertInto('attendance_event')
    .values(
      absences.map((date) => ({
        student_id: student.id,
        class_id: classB.id,
        date,
        kind: 'assenza' as const,
        hours: 6,
        justified: 0,
        deroga: null,
        deroga_decided_on: null,
        import_batch_id: null,
      })),
    )
    .execute();

  return {
    schoolA,
    schoolB,
    classA,
    classB,
    student,
    a,
    b,
    records: { flagA, noteA, caseA, actionA, lateNoteA, flagB, noteB, caseB, actionB },
  };
}
