/**
 * The contract between the server and the risk engine.
 *
 * The server builds one `StudentRiskInput` per enrolled student from its tables (class calendar,
 * attendance_event, grade, outcome, student) and calls `assessStudent(input, settings)`. Every
 * function in this folder is pure: same input and settings, same result; no clock (`asOf` is the
 * "today" of the computation), no I/O.
 *
 * What is deliberately NOT here: citizenship, born in Italy, newly arrived (NAI), Italian L2
 * level. Migrant background is never an input of any indicator or of the tier (DESIGN.md,
 * "Risk indicators"). The one exception is `arrivalDate`, read only to *word* the age-grade
 * explanation (placement on arrival, DPR 394/1999 art. 45); no level, value or tier depends on it
 * (a property test in assess-student.test.ts checks this).
 */
import type { Message } from './message';
import type { SchoolLevel } from '../contracts/domain';

/** ISO date `yyyy-mm-dd`. */
export type IsoDate = string;

export type AttendanceKind = 'assenza' | 'entrata_posticipata' | 'uscita_anticipata';

export interface AttendanceEvent {
  date: IsoDate;
  kind: AttendanceKind;
  /** Lesson hours missed (late entries and early exits count as absence hours, DPR 122/2009). */
  hours: number;
  /** Justified by the family (does not change the legal count). */
  justified: boolean;
  /** Reason of a deroga decided by the class council (`salute`, `terapie`, …), else null. */
  deroga: string | null;
}

export interface GradeEntry {
  date: IsoDate;
  /** Subject name as imported, e.g. `MATEMATICA`. */
  subject: string;
  /** 0–10; null for NC (non classificato) or a judgement (religion). */
  value: number | null;
  /** False for grades the register marks "non in media" and for religion / alternative activity. */
  inAverage: boolean;
  isConduct: boolean;
  /** 1-based term (trimestre / quadrimestre / pentamestre) of the grade. */
  termSeq: number;
  /** `scrutinio` = the grade decided at the term's class council; it overrides the term's own grades. */
  kind?: 'scritto' | 'orale' | 'pratico' | 'scrutinio';
}

/** One week of the student's lessons (Monday start). Holiday weeks have `hoursHeld` 0. */
export interface WeekAttendance {
  weekStart: IsoDate;
  hoursHeld: number;
  hoursAbsent: number;
}

/** A lesson day of the class still to come (after `asOf`, up to the end of lessons, closures excluded). */
export interface LessonDay {
  date: IsoDate;
  hours: number;
}

export type HistoryResult =
  'ammesso' | 'non_ammesso' | 'sospensione_giudizio' | 'ritirato' | 'trasferito' | 'abbandono';

/** Final outcome of a past school year (esiti.csv, period `finale`). */
export interface HistoryEntry {
  schoolYear: string;
  gradeLevel: number;
  result: HistoryResult;
}

export interface StudentRiskInput {
  /** The day the assessment refers to; events and grades after it are ignored. */
  asOf: IsoDate;
  schoolYear: string; // `2025/26`
  level: SchoolLevel;
  /** Anno di corso (1–3 primo grado, 1–5 secondo grado); null when unknown. */
  gradeLevel: number | null;
  birthDate: IsoDate | null;

  lessonsStart: IsoDate;
  lessonsEnd: IsoDate;
  /**
   * First day counted for this student: lessons start, or the entry date of a student who
   * arrived later in the year. Events before it are ignored.
   */
  enrolledOn: IsoDate;
  /**
   * Monte ore annuo personalizzato (DPR 122/2009 art. 14 c. 7): for a student who entered during
   * the year without absences to carry over, the hours from entry to the end of lessons.
   */
  annualHours: number;
  /** Lesson hours held for this student from `enrolledOn` to `asOf` inclusive (closures excluded). */
  hoursHeldSoFar: number;
  /** The class's lesson days after `asOf` to the end of lessons (closures excluded), in date order. */
  remainingLessonDays: LessonDay[];
  /**
   * The student's lesson days from `enrolledOn` to `asOf` inclusive (the classes they were in,
   * closures excluded), in date order: the disengagement indicator counts whole days missed in a
   * row on them. Their hours add up to `hoursHeldSoFar`.
   */
  heldLessonDays: LessonDay[];
  /** Weeks from `enrolledOn` to `asOf`, in order; absent hours must agree with `attendanceEvents`. */
  weeks: WeekAttendance[];
  attendanceEvents: AttendanceEvent[];

  grades: GradeEntry[];
  /**
   * The grades' digest (`digestGrades(grades, asOf)`), when the server read it instead of the
   * grades (then `grades` is empty): the grade indicators read only this.
   */
  gradeDigest?: GradeDigest;
  /** The term `asOf` falls in (1-based). */
  currentTermSeq: number;
  /**
   * Overall averages (`computeOverallAverage`) of every student of the class who has one, this
   * student included; one array per class, shared by its students.
   */
  classAverages: number[];

  history: HistoryEntry[];
  /** ONLY for the wording of the age-grade explanation; never used by a level or the tier. */
  arrivalDate?: IsoDate | null;
}

export type RiskLevel = 'ok' | 'attention' | 'high';

/**
 * The ABC areas of the early-warning tradition (Balfanz: Attendance, Behaviour, Course
 * performance) plus the school career (retention, suspended judgements). The tier counts areas,
 * not indicators, so one weak grade does not count three times (failing subject, average, slope).
 */
export type RiskDomain = 'frequenza' | 'comportamento' | 'rendimento' | 'percorso';

export type IndicatorKey =
  | 'attendance_rate'
  | 'absence_projection'
  | 'attendance_trend'
  | 'late_entries'
  | 'failing_subjects'
  | 'grade_average'
  | 'grade_trend'
  | 'conduct'
  | 'age_grade_delay'
  | 'school_history'
  | 'disengagement';

export const INDICATOR_DOMAIN: Record<IndicatorKey, RiskDomain> = {
  attendance_rate: 'frequenza',
  absence_projection: 'frequenza',
  attendance_trend: 'frequenza',
  late_entries: 'frequenza',
  conduct: 'comportamento',
  failing_subjects: 'rendimento',
  grade_average: 'rendimento',
  grade_trend: 'rendimento',
  age_grade_delay: 'percorso',
  school_history: 'percorso',
  disengagement: 'frequenza',
};

/**
 * Each indicator writes its result property by property (`key: base.key, domain: base.domain, …`)
 * rather than `{ ...base, … }`: in Node 20's V8 a spread followed by more properties costs ~2 µs,
 * which over ten indicators was a third of a student's assessment in the regional recompute.
 */
export interface Indicator {
  key: IndicatorKey;
  domain: RiskDomain;
  /** The indicator's main number (see each indicator's file for its unit); null when not computable yet. */
  value: number | null;
  level: RiskLevel;
  /** One specific Italian sentence, numbers in Italian format: `renderItalian(message)`. */
  explanation: string;
  /** The same sentence as a message key with parameters, for any language (`message.ts`). */
  message: Message;
  details?: Record<string, unknown>;
}

/** An indicator with its message, not worded in Italian: what the lists carry (the web words it). */
export type DescribedIndicator = Omit<Indicator, 'explanation'>;

/**
 * An indicator without its sentence, as the regional recompute stores it: the sentence is
 * composed when read (`explainIndicator`, from the value, details and the settings version the
 * result names), which spares the recompute the formatting and a third of each stored row.
 * Indicators whose sentence needs what must not be stored as data keep it (`explanation`).
 */
export type MeasuredIndicator = Omit<Indicator, 'explanation' | 'message'> & {
  /** The message of an indicator whose words need what is not stored as data (`age_grade_delay`). */
  message?: Message;
  /** The Italian sentence of such an indicator as rows stored before messages kept it. */
  explanation?: string;
};

export type Tier = 1 | 2 | 3;

export interface TierReason {
  key: IndicatorKey;
  domain: RiskDomain;
  level: Exclude<RiskLevel, 'ok'>;
  explanation: string;
  message: Message;
}

export interface StudentAssessment {
  settingsVersion: number;
  indicators: Indicator[];
  tier: Tier;
  /** The indicators that drove the tier (attention and high), high first. */
  reasons: TierReason[];
  /** One Italian sentence saying why this level ("Livello 2: …"). */
  tierExplanation: string;
  /** The same sentence as a message key with parameters. */
  tierMessage: Message;
  /** Ordering score for lists and for the AUC in the validation: level first, then severity. */
  score: number;
  /** Estimated probability of a bad outcome from the settings' fitted model; null without one. */
  probability: number | null;
}

/**
 * Everything the grade indicators read of a student's grades, as counts and sums: the subject
 * averages (per subject and term, scrutinio apart), the grade trend (sums over day numbers, from
 * which a regression's slope follows) and the latest conduct grade.
 *
 * Why: a region has ~100 grades a student and reading them was about half of a full recompute.
 * The server keeps each student's digest (`grade_digest`, rewritten when the school's grades
 * change) and a full recompute reads ~20 numbers per subject instead of every grade; the detail
 * page and the tests give the grades and the engine digests them itself. Both give the same digest
 * from the same grades: it is built by one function, `digestGrades` (grade-digest.ts).
 */
export interface GradeDigest {
  /**
   * Counted grades (numeric, in the average, not conduct) by subject as written and term, in order
   * of first appearance: one column per field, entry i of each column for the same subject and
   * term. Columns, not an object per entry: a full recompute reads one digest per student, and
   * `JSON.parse` of a few arrays of numbers is much cheaper than building ~26 objects.
   */
  subject: string[];
  termSeq: number[];
  /**
   * Grades other than scrutinio: how many, the sum of their values, and sums over x = days since
   * `first` for the trend (a regression's slope does not depend on where x starts; from `first`
   * the sums have half the digits of days since 1970, and the stored digests are read as text).
   */
  n: number[];
  sum: number[];
  sx: number[];
  sxx: number[];
  sxy: number[];
  /** Scrutinio grades of the term: how many and their sum (the council's grade replaces the term's own). */
  sn: number[];
  ssum: number[];
  /** First and last date of the counted grades other than scrutinio (the trend's span); null without any. */
  first: string | null;
  last: string | null;
  /** The latest conduct grade (a scrutinio one wins over a provisional one of the same day). */
  conduct: { date: string; value: number; termSeq: number } | null;
}
