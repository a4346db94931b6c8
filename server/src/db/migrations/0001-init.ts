import { sql, type Kysely } from 'kysely';
import { idColumn, isPostgres } from '../dialect';

/**
 * The whole domain of DESIGN.md in one first migration. Frozen once landed: change the schema
 * with a new migration, never by editing this one.
 *
 * Portable between SQLite and PostgreSQL: dates are ISO text (`yyyy-mm-dd`), timestamps ISO text
 * in UTC, booleans integers 0/1, JSON documents text.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(db);

  await db.schema
    .createTable('province')
    .addColumn('code', 'text', (c) => c.primaryKey()) // sigla: AN, AP, FM, MC, PU
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('istat_code', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('municipality')
    .addColumn('istat_code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull().references('province.code'))
    .addColumn('cadastral_code', 'text', (c) => c.notNull().unique()) // as in the codice fiscale
    .addColumn('population', 'integer')
    .execute();

  await db.schema
    .createTable('school')
    .addColumn('id', id.type, id.build)
    .addColumn('code', 'text', (c) => c.notNull().unique()) // codice meccanografico
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('institute_code', 'text', (c) => c.notNull())
    .addColumn('institute_name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull().references('province.code'))
    .addColumn('municipality_istat', 'text', (c) => c.references('municipality.istat_code'))
    .addColumn('municipality_name', 'text', (c) => c.notNull())
    .addColumn('cadastral_code', 'text')
    .addColumn('kind', 'text', (c) => c.notNull()) // registry's tipologia, e.g. LICEO SCIENTIFICO
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('primo_grado', 'secondo_grado')`))
    .addColumn('address', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('school_province_idx').on('school').column('province_code').execute();

  await db.schema
    .createTable('school_year')
    .addColumn('id', id.type, id.build)
    .addColumn('label', 'text', (c) => c.notNull().unique()) // 2025/26
    .addColumn('starts_on', 'text', (c) => c.notNull()) // 1 September
    .addColumn('ends_on', 'text', (c) => c.notNull()) // 31 August
    .execute();

  await db.schema
    .createTable('school_calendar')
    .addColumn('id', id.type, id.build)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('lessons_start', 'text', (c) => c.notNull())
    .addColumn('lessons_end', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_calendar_school_year_uq', ['school_id', 'school_year_id'])
    .execute();

  // Trimestre / quadrimestre / pentamestre: each school chooses its own terms.
  await db.schema
    .createTable('term')
    .addColumn('id', id.type, id.build)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('term_school_year_seq_uq', ['school_id', 'school_year_id', 'seq'])
    .execute();

  // Holidays and other days without lessons: hours held so far are computed without them.
  await db.schema
    .createTable('school_closure')
    .addColumn('id', id.type, id.build)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addUniqueConstraint('school_closure_uq', ['school_id', 'school_year_id', 'starts_on'])
    .execute();

  await db.schema
    .createTable('class')
    .addColumn('id', id.type, id.build)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addColumn('school_year_id', 'integer', (c) => c.notNull().references('school_year.id'))
    .addColumn('name', 'text', (c) => c.notNull()) // 3B
    .addColumn('grade_level', 'integer', (c) => c.notNull().check(sql`grade_level between 1 and 5`))
    .addColumn('track', 'text', (c) => c.check(sql`track in ('liceo', 'tecnico', 'professionale', 'iefp')`))
    .addColumn('timetable', 'text', (c) => c.notNull()) // hours Monday..Saturday: 6-6-6-6-6-0
    .addColumn('weekly_hours', 'double precision', (c) => c.notNull())
    // DPR 122/2009 art. 14: the attendance limit is ¾ of the personalised annual hours.
    .addColumn('annual_hours', 'double precision', (c) => c.notNull())
    .addUniqueConstraint('class_school_year_name_uq', ['school_id', 'school_year_id', 'name'])
    .execute();

  await db.schema
    .createTable('student')
    .addColumn('id', id.type, id.build)
    // HMAC-SHA256 of the codice fiscale with a key from config: matches re-imports and transfers
    // without storing the code in clear.
    .addColumn('pseudonym', 'text', (c) => c.notNull().unique())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('M', 'F')`))
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('birthplace', 'text') // municipality or foreign country, as written by the school
    .addColumn('citizenship', 'text', (c) => c.notNull())
    .addColumn('born_in_italy', 'integer', (c) => c.notNull())
    .addColumn('arrival_date', 'text')
    .addColumn('l2_level', 'text', (c) => c.check(sql`l2_level in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')`))
    // ISTAT code, not a foreign key: a student may live outside the Marche region.
    .addColumn('residence_istat', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // A student can move class or school mid-year: one row per stay, with entry and exit dates.
  await db.schema
    .createTable('enrolment')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('class.id').onDelete('cascade'))
    .addColumn('entered_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('exit_reason', 'text', (c) =>
      c.check(sql`exit_reason in ('cambio_classe', 'trasferito', 'passaggio_iefp', 'ritirato', 'abbandono')`),
    )
    .addUniqueConstraint('enrolment_student_class_entry_uq', ['student_id', 'class_id', 'entered_on'])
    .execute();
  await db.schema.createIndex('enrolment_class_idx').on('enrolment').column('class_id').execute();
  await db.schema.createIndex('enrolment_student_idx').on('enrolment').column('student_id').execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', id.type, id.build)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'referente', 'docente', 'mediatore', 'analista')`),
    )
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('import_batch')
    .addColumn('id', id.type, id.build)
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('user_id', 'integer', (c) => c.references('app_user.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('cli', 'web', 'demo')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('running', 'committed', 'failed', 'dry_run')`),
    )
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('files', 'text', (c) => c.notNull()) // JSON: [{ name, sha256, rows }]
    .addColumn('errors', 'text') // JSON: first errors [{ file, line, column, message }]
    .execute();

  await db.schema
    .createTable('attendance_event')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('class.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('assenza', 'entrata_posticipata', 'uscita_anticipata')`),
    )
    .addColumn('hours', 'double precision', (c) => c.notNull())
    .addColumn('justified', 'integer', (c) => c.notNull())
    // Deroga: exception to the ¼ limit decided by the class council (category), kept apart
    // from the family's justification, which is a different thing.
    .addColumn('deroga', 'text')
    .addColumn('deroga_decided_on', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id'))
    .addUniqueConstraint('attendance_event_uq', ['student_id', 'date', 'kind'])
    .execute();
  await db.schema.createIndex('attendance_event_class_date_idx').on('attendance_event').columns(['class_id', 'date']).execute();

  await db.schema
    .createTable('grade')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('class.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('scritto', 'orale', 'pratico', 'scrutinio')`))
    .addColumn('raw', 'text', (c) => c.notNull()) // as written in the register: 6+, 7/8, NC, buono
    .addColumn('value', 'double precision') // null for NC and judgements
    .addColumn('is_conduct', 'integer', (c) => c.notNull())
    .addColumn('in_average', 'integer', (c) => c.notNull()) // religion and "NON IN MEDIA" are kept, not averaged
    .addColumn('judgement', 'text')
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id'))
    .addUniqueConstraint('grade_uq', ['student_id', 'date', 'subject', 'kind'])
    .execute();
  await db.schema.createIndex('grade_class_idx').on('grade').column('class_id').execute();

  // Outcomes of scrutini: the history of past years (which may predate our data, so the year is
  // a label, not a foreign key) and the terms already closed this year.
  await db.schema
    .createTable('outcome')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.references('school.id').onDelete('set null'))
    .addColumn('school_year', 'text', (c) => c.notNull())
    .addColumn('grade_level', 'integer', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull()) // 'finale' or the term's name
    .addColumn('result', 'text', (c) =>
      c.notNull().check(
        sql`result in ('ammesso', 'non_ammesso', 'sospensione_giudizio', 'ritirato', 'trasferito', 'abbandono', 'valutato')`,
      ),
    )
    .addColumn('failed_subjects', 'text') // JSON array of subject names
    .addColumn('import_batch_id', 'integer', (c) => c.references('import_batch.id'))
    .addUniqueConstraint('outcome_uq', ['student_id', 'school_year', 'period'])
    .execute();

  // Scope: referents and mediators hold schools, teachers hold classes.
  await db.schema
    .createTable('user_school')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_school_pk', ['user_id', 'school_id'])
    .execute();
  await db.schema
    .createTable('user_class')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('class_id', 'integer', (c) => c.notNull().references('class.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('user_class_pk', ['user_id', 'class_id'])
    .execute();

  // Sessions live in the database so that several app instances can share them.
  await db.schema
    .createTable('user_session')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the cookie's token, never the token
    .addColumn('user_id', 'integer', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_session_user_idx').on('user_session').column('user_id').execute();

  // Risk thresholds: one JSON document per version; every computed result names its version.
  await db.schema
    .createTable('settings_version')
    .addColumn('id', id.type, id.build)
    .addColumn('version', 'integer', (c) => c.notNull().unique())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('app_user.id'))
    .execute();

  await db.schema
    .createTable('flag')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('reason_code', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer', (c) => c.references('app_user.id'))
    .execute();
  await db.schema.createIndex('flag_student_idx').on('flag').column('student_id').execute();

  await db.schema
    .createTable('student_note')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('student_note_student_idx').on('student_note').column('student_id').execute();

  // "case" is a reserved word in SQL.
  await db.schema
    .createTable('support_case')
    .addColumn('id', id.type, id.build)
    .addColumn('student_id', 'integer', (c) => c.notNull().references('student.id').onDelete('cascade'))
    .addColumn('school_id', 'integer', (c) => c.notNull().references('school.id'))
    .addColumn('flag_id', 'integer', (c) => c.references('flag.id').onDelete('set null'))
    .addColumn('opened_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'monitoring', 'closed')`))
    .addColumn('goal', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text', (c) =>
      c.check(sql`outcome in ('back_on_track', 'reoriented', 'left_education', 'moved_away', 'other')`),
    )
    .addColumn('outcome_note', 'text')
    .execute();
  await db.schema.createIndex('support_case_student_idx').on('support_case').column('student_id').execute();
  await db.schema.createIndex('support_case_owner_idx').on('support_case').columns(['owner_id', 'status']).execute();

  await db.schema
    .createTable('case_action')
    .addColumn('id', id.type, id.build)
    .addColumn('case_id', 'integer', (c) => c.notNull().references('support_case.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) =>
      c.notNull().check(
        sql`type in ('family_meeting', 'cultural_mediation', 'tutoring', 'italian_l2', 'reorient_school', 'reorient_iefp', 'reorient_work', 'reorient_cpia', 'pua_referral', 'other')`,
      ),
    )
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('participants', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('follow_up_on', 'text')
    .addColumn('outcome', 'text')
    .addColumn('destination', 'text') // for reorientations and PUA referrals: where to
    .addColumn('arrived', 'integer') // did the young person arrive there? null = not known yet
    .addColumn('created_by', 'integer', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_action_case_idx').on('case_action').column('case_id').execute();

  // Append-only: no code path updates or deletes it (and SQLite refuses to, below).
  await db.schema
    .createTable('audit_log')
    .addColumn('id', id.type, id.build)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('path', 'text')
    .addColumn('student_ids', 'text') // JSON array
    .addColumn('class_id', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('ok', 'denied', 'failed')`))
    .addColumn('ip', 'text')
    .addColumn('details', 'text') // JSON
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

  if (!isPostgres(db)) {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  } else {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as
      $$ begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log', 'case_action', 'support_case', 'student_note', 'flag', 'settings_version',
    'user_session', 'user_class', 'user_school', 'app_user', 'outcome', 'grade',
    'attendance_event', 'import_batch', 'enrolment', 'student', 'class', 'school_closure', 'term',
    'school_calendar', 'school_year', 'school', 'municipality', 'province',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  if (isPostgres(db)) await sql`drop function if exists audit_log_append_only`.execute(db);
}
