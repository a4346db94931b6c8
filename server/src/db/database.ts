import type { Generated, Insertable, Selectable } from 'kysely';

/** Table types of the schema created by the migrations (snake_case, as in SQL). */
export interface Database {
  province: ProvinceTable;
  municipality: MunicipalityTable;
  school: SchoolTable;
  school_year: SchoolYearTable;
  school_calendar: SchoolCalendarTable;
  term: TermTable;
  school_closure: SchoolClosureTable;
  class: ClassTable;
  student: StudentTable;
  enrolment: EnrolmentTable;
  app_user: AppUserTable;
  import_batch: ImportBatchTable;
  attendance_event: AttendanceEventTable;
  grade: GradeTable;
  outcome: OutcomeTable;
  user_school: UserSchoolTable;
  user_municipality: UserMunicipalityTable;
  user_class: UserClassTable;
  user_session: UserSessionTable;
  settings_version: SettingsVersionTable;
  flag: FlagTable;
  student_note: StudentNoteTable;
  support_case: SupportCaseTable;
  case_action: CaseActionTable;
  case_participant_view: CaseParticipantViewTable;
  audit_log: AuditLogTable;
  login_failure: LoginFailureTable;
  year_summary: YearSummaryTable;
  risk_result: RiskResultTable;
  risk_review: RiskReviewTable;
  compulsory_notice: CompulsoryNoticeTable;
  october_list_export: OctoberListExportTable;
  risk_tier_change: RiskTierChangeTable;
  risk_school_state: RiskSchoolStateTable;
  grade_class_version: GradeClassVersionTable;
  grade_digest_state: GradeDigestStateTable;
  grade_digest: GradeDigestTable;
  recompute_request: RecomputeRequestTable;
  data_version: DataVersionTable;
  calendar_feed: CalendarFeedTable;
  import_batch_school: ImportBatchSchoolTable;
  municipality_contact: MunicipalityContactTable;
  risk_backtest: RiskBacktestTable;
  risk_snapshot: RiskSnapshotTable;
  aggregate_snapshot: AggregateSnapshotTable;
  school_risk_capacity: SchoolRiskCapacityTable;
  service_token: ServiceTokenTable;
  service_token_school: ServiceTokenSchoolTable;
  service_token_request: ServiceTokenRequestTable;
  open_data_release: OpenDataReleaseTable;
  letter_template: LetterTemplateTable;
  municipality_inbox_item: MunicipalityInboxItemTable;
  municipality_inbox_student: MunicipalityInboxStudentTable;
  municipality_inbox_measure: MunicipalityInboxMeasureTable;
  reorientation_arrival: ReorientationArrivalTable;
  pua_referral: PuaReferralTable;
  pua_referral_update: PuaReferralUpdateTable;
}

export interface ProvinceTable {
  code: string;
  name: string;
  istat_code: string;
}

export interface MunicipalityTable {
  istat_code: string;
  name: string;
  province_code: string;
  cadastral_code: string;
  population: number | null;
}

export interface SchoolTable {
  id: Generated<number>;
  code: string;
  name: string;
  institute_code: string;
  institute_name: string;
  province_code: string;
  municipality_istat: string | null;
  municipality_name: string;
  cadastral_code: string | null;
  kind: string;
  level: 'primo_grado' | 'secondo_grado';
  address: string | null;
  /** 1: a scuola paritaria (SCUANAGRAFEPAR…csv), 0: a state school */
  paritaria: Generated<number>;
  created_at: string;
  updated_at: string;
}
export type SchoolRow = Selectable<SchoolTable>;

export interface SchoolYearTable {
  id: Generated<number>;
  label: string;
  starts_on: string;
  ends_on: string;
}

export interface SchoolCalendarTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  lessons_start: string;
  lessons_end: string;
}

export interface TermTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  seq: number;
  name: string;
  starts_on: string;
  ends_on: string;
}

export interface SchoolClosureTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  starts_on: string;
  ends_on: string;
  reason: string;
}

export type TrackValue = 'liceo' | 'tecnico' | 'professionale' | 'iefp';

export interface ClassTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  name: string;
  grade_level: number;
  track: TrackValue | null;
  timetable: string;
  weekly_hours: number;
  annual_hours: number;
}
export type ClassRow = Selectable<ClassTable>;

export interface StudentTable {
  id: Generated<number>;
  pseudonym: string;
  last_name: string;
  first_name: string;
  sex: 'M' | 'F';
  birth_date: string;
  birthplace: string | null;
  citizenship: string;
  born_in_italy: number;
  arrival_date: string | null;
  l2_level: string | null;
  residence_istat: string | null;
  created_at: string;
  updated_at: string;
  /** ISO 639-1 code of the language the family reads (migration 0015). */
  family_language: string | null;
  interpreter_needed: number | null;
  family_updated_at: string | null;
  family_updated_by: number | null;
}
export type StudentRow = Selectable<StudentTable>;
export type NewStudentRow = Insertable<StudentTable>;

export type ExitReason = 'cambio_classe' | 'trasferito' | 'passaggio_iefp' | 'ritirato' | 'abbandono';

export interface EnrolmentTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  entered_on: string;
  left_on: string | null;
  exit_reason: ExitReason | null;
}

export type Role = 'admin' | 'referente' | 'docente' | 'mediatore' | 'analista' | 'pua' | 'comune';

export interface AppUserTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  role: Role;
  password_hash: string | null;
  must_change_password: Generated<number>;
  created_at: string;
  disabled_at: string | null;
  /** Set with a one-time password (expires 72 h later), null once the user chose their own. */
  one_time_password_issued_at: Generated<string | null>;
}

export interface ImportBatchTable {
  id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  user_id: number | null;
  source: 'cli' | 'web' | 'demo';
  status: 'running' | 'committed' | 'failed' | 'dry_run';
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  files: string;
  errors: string | null;
  /** The service token that pushed it (migration 0022); null for a user's or the command line's. */
  service_token_id?: number | null;
  /** The watched inbox's folder it came from (migration 0028); null for every other import. */
  inbox_folder?: string | null;
}

export type AttendanceKind = 'assenza' | 'entrata_posticipata' | 'uscita_anticipata';

/** Keyed by (student_id, date, kind), WITHOUT ROWID on SQLite: no surrogate id (migration 0033). */
export interface AttendanceEventTable {
  student_id: number;
  class_id: number;
  date: string;
  kind: AttendanceKind;
  hours: number;
  justified: number;
  deroga: string | null;
  deroga_decided_on: string | null;
  import_batch_id: number | null;
}

export type GradeKind = 'scritto' | 'orale' | 'pratico' | 'scrutinio';

export interface GradeTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  date: string;
  subject: string;
  kind: GradeKind;
  raw: string;
  value: number | null;
  is_conduct: number;
  in_average: number;
  judgement: string | null;
  import_batch_id: number | null;
}

export type OutcomeResult =
  'ammesso' | 'non_ammesso' | 'sospensione_giudizio' | 'ritirato' | 'trasferito' | 'abbandono' | 'valutato';

export interface OutcomeTable {
  id: Generated<number>;
  student_id: number;
  school_id: number | null;
  school_year: string;
  grade_level: number;
  period: string;
  result: OutcomeResult;
  failed_subjects: string | null;
  import_batch_id: number | null;
}

export interface UserSchoolTable {
  user_id: number;
  school_id: number;
}

/** The municipalities a `pua` or `comune` account serves (ISTAT codes; migration 0023). */
export interface UserMunicipalityTable {
  user_id: number;
  municipality_istat: string;
}

export interface UserClassTable {
  user_id: number;
  class_id: number;
}

export interface UserSessionTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface SettingsVersionTable {
  id: Generated<number>;
  version: number;
  data: string;
  note: string | null;
  created_at: string;
  created_by: number | null;
}

export interface FlagTable {
  id: Generated<number>;
  student_id: number;
  reason_code: string;
  reason: string;
  created_by: number;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
}

export interface StudentNoteTable {
  id: Generated<number>;
  student_id: number;
  body: string;
  created_by: number;
  created_at: string;
}

export interface SupportCaseTable {
  id: Generated<number>;
  student_id: number;
  school_id: number;
  flag_id: number | null;
  opened_by: number;
  owner_id: number;
  opened_at: string;
  status: 'open' | 'monitoring' | 'closed';
  goal: string;
  closed_at: string | null;
  outcome: 'back_on_track' | 'reoriented' | 'left_education' | 'moved_away' | 'other' | null;
  outcome_note: string | null;
}

export interface CaseActionTable {
  id: Generated<number>;
  case_id: number;
  type:
    | 'family_meeting'
    | 'cultural_mediation'
    | 'tutoring'
    | 'italian_l2'
    | 'reorient_school'
    | 'reorient_iefp'
    | 'reorient_work'
    | 'reorient_cpia'
    | 'pua_referral'
    | 'other';
  date: string;
  participants: string;
  notes: string | null;
  follow_up_on: string | null;
  outcome: string | null;
  destination: string | null;
  arrived: number | null;
  /** The day the mediator saw the young person arrive (a destination outside the registry, 0031). */
  arrived_on: string | null;
  work_kind: string | null;
  exceptional_reason: string | null;
  created_by: number;
  created_at: string;
}

/** A participant's own view of a closed case (migration 0025, issue 22). */
export interface CaseParticipantViewTable {
  id: Generated<number>;
  case_id: number;
  perspective: 'young_person' | 'family' | 'receiving_org';
  helped: number;
  helped_most: 'listening' | 'family_contact' | 'study_support' | 'language' | 'new_pathway' | 'services' | 'other';
  comment: string | null;
  recorded_by: number;
  recorded_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  role: string | null;
  action: string;
  method: string | null;
  path: string | null;
  student_ids: string | null;
  class_id: number | null;
  outcome: 'ok' | 'denied' | 'failed';
  ip: string | null;
  details: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  key: string;
  at: string;
}

export interface YearSummaryTable {
  id: Generated<number>;
  school_id: number;
  school_year: string;
  measure: string;
  group_key: string;
  value: number;
  created_at: string;
}

export interface RiskResultTable {
  id: Generated<number>;
  student_id: number;
  class_id: number;
  school_id: number;
  school_year_id: number;
  as_of: string;
  settings_version: number;
  tier: number;
  score: number;
  indicators: string;
  input_hash: string;
  attendance_rate: number | null;
  projected_absence: number | null;
  failing_subjects: number | null;
  age_grade_delay: number | null;
  computed_at: string;
}

export interface RiskReviewTable {
  id: Generated<number>;
  student_id: number;
  school_year_id: number;
  action: 'confirm' | 'dismiss' | 'override';
  tier: number | null;
  computed_tier: number;
  settings_version: number;
  reason: string;
  user_id: number;
  created_at: string;
}

export interface CompulsoryNoticeTable {
  id: Generated<number>;
  student_id: number;
  school_id: number;
  school_year_id: number;
  triggered_on: string;
  days_counted: string;
  notified_on: string;
  notified_by: number;
  note: string | null;
  reported_on: string | null;
  reported_by: number | null;
  closed_on: string | null;
  created_at: string;
}

export interface OctoberListExportTable {
  id: Generated<number>;
  school_id: number;
  school_year_id: number;
  municipality_istat: string | null;
  students: number;
  exported_at: string;
  exported_by: number;
}

/** What a school's stored results were computed from (migration 0010): lets a recompute skip it. */
export interface RiskSchoolStateTable {
  school_id: number;
  school_year_id: number;
  stamp: string;
  results: number;
  computed_at: string;
}

/** Per class, a counter of changes to its grades, kept by triggers (migration 0012). */
export interface GradeClassVersionTable {
  class_id: number;
  version: number;
}

/** What a school's stored grade digests were computed from (migration 0012). */
export interface GradeDigestStateTable {
  school_id: number;
  school_year_id: number;
  fingerprint: string;
  class_versions: string;
  latest_grade: string | null;
}

/** A student's grade digest in a school and year, as `serializeGradeDigest` writes it (migration 0012). */
export interface GradeDigestTable {
  school_id: number;
  school_year_id: number;
  student_id: number;
  digest: string;
}

/** A regional recompute an admin asked for (migration 0011): every instance joins in. */
export interface RecomputeRequestTable {
  id: Generated<number>;
  requested_at: string;
  requested_by: number | null;
}

export interface RiskTierChangeTable {
  id: Generated<number>;
  student_id: number;
  school_year_id: number;
  class_id: number;
  from_tier: number;
  to_tier: number;
  as_of: string;
  computed_at: string;
}

/** One row (id 1): grows with every committed change to the tables aggregates read (migration 0009). */
export interface DataVersionTable {
  id: number;
  version: number;
}

/** A user's secret calendar address of case follow-ups (migration 0015): only the token's hash. */
export interface CalendarFeedTable {
  user_id: number;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
}

/** The schools an import wrote (migration 0017). */
export interface ImportBatchSchoolTable {
  import_batch_id: number;
  school_id: number;
}

/** A municipality's contacts for the school's acts (migration 0018). */
export interface MunicipalityContactTable {
  istat_code: string;
  pec: string | null;
  office: string | null;
  updated_at: string;
  updated_by: number | null;
}

/** A replay of the engine on a past school year and its report (migration 0019, issue 18). */
export interface RiskBacktestTable {
  id: Generated<number>;
  school_year: string;
  month_day: string | null;
  status: 'running' | 'done' | 'failed';
  done: Generated<number>;
  total: Generated<number>;
  started_at: string;
  started_by: number | null;
  finished_at: string | null;
  error: string | null;
  report: string | null;
  items: string | null;
  saved_at: string | null;
  saved_by: number | null;
  saved_version: number | null;
}

/** What purge keeps of a past student and period end, for the backtest (migration 0019). */
export interface RiskSnapshotTable {
  id: Generated<number>;
  subject: string;
  school_year: string;
  period: number;
  period_end: string;
  settings_version: number;
  tier: number;
  indicators: string;
  final: 'bad' | 'suspended' | 'good' | 'transferred' | null;
  citizenship_group: string;
  sex: string;
  newly_arrived: number;
}

/** Raw counts of a regional table frozen at a period end (migration 0026); never sent as they are. */
export interface AggregateSnapshotTable {
  id: Generated<number>;
  school_year_id: number;
  period_end: string;
  request_key: string;
  counts: string;
  frozen_on: string;
  data_through: string | null;
}

/** "We can follow N students" of a school (migration 0019). */
export interface SchoolRiskCapacityTable {
  school_id: number;
  capacity: number;
  updated_at: string;
  updated_by: number | null;
}

/** A machine's import token (migration 0022): only its SHA-256 is kept. */
export interface ServiceTokenTable {
  id: Generated<number>;
  name: string;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ServiceTokenSchoolTable {
  service_token_id: number;
  school_id: number;
}

/** An Idempotency-Key of a token and the first answer given to it (status null while it runs). */
export interface ServiceTokenRequestTable {
  service_token_id: number;
  idempotency_key: string;
  method: string;
  path: string;
  status: number | null;
  body: string | null;
  created_at: string;
}

/** A published open data release (migration 0027): immutable, the table as published in `body`. */
export interface OpenDataReleaseTable {
  id: Generated<number>;
  school_year: string;
  published_at: string;
  published_by: number | null;
  data_version: number;
  /** JSON of OpenDataTable, exactly as published. */
  body: string;
}

export interface LetterTemplateTable {
  kind: string;
  language: string;
  body: string;
  /** Null for a text as shipped (seeded from server/src/letters/templates/). */
  updated_at: string | null;
  updated_by: number | null;
  verified_at: string | null;
  verified_by: number | null;
}

/** What a school sent a municipality (art. 114 report, October list) and its acknowledgement (0030). */
export interface MunicipalityInboxItemTable {
  id: Generated<number>;
  kind: 'mayor_report' | 'october_list';
  municipality_istat: string;
  school_id: number;
  school_year_id: number;
  student_id: number | null;
  payload: string;
  delivered_at: string;
  delivered_by: number;
  received_on: string | null;
  protocol_number: string | null;
  acknowledged_at: string | null;
  acknowledged_by: number | null;
}

export interface MunicipalityInboxStudentTable {
  item_id: number;
  student_id: number;
}

export interface MunicipalityInboxMeasureTable {
  id: Generated<number>;
  item_id: number;
  taken_on: string;
  description: string;
  recorded_at: string;
  recorded_by: number;
}

/** The receiving school's answer to a reorientation toward it (migration 0031, issue #21). */
export interface ReorientationArrivalTable {
  action_id: number;
  school_id: number;
  status: 'pending' | 'enrolled' | 'no_show';
  enrolled_on: string | null;
  auto_reason: 'same_school' | 'already_enrolled' | null;
  answered_by: number | null;
  answered_at: string | null;
  created_at: string;
}

/** Migration 0029: a case's referral to the PUA of the student's municipality (issue 21). */
export interface PuaReferralTable {
  id: Generated<number>;
  case_id: number;
  student_id: number;
  case_action_id: number | null;
  municipality_istat: string;
  /** JSON array of ReferralReason. */
  reasons: string;
  text: string;
  family_contact: string;
  consent_given_by: string;
  consent_given_on: string;
  /** JSON array of ReferralReason: what the family consented to. */
  consent_services: string;
  status: 'sent' | 'accepted' | 'declined' | 'closed';
  decline_reason: string | null;
  first_answer_at: string | null;
  answered_by: number | null;
  sent_by: number;
  sent_at: string;
}

export interface PuaReferralUpdateTable {
  id: Generated<number>;
  referral_id: number;
  services: string | null;
  responsible: string | null;
  note: string | null;
  closed: Generated<number>;
  created_by: number;
  created_at: string;
}
