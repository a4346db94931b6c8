import type { AuditEntry } from '@primm/shared/contracts/audit';
import type { DemoAccounts, Me } from '@primm/shared/contracts/auth';
import type {
  ImportBatch,
  ImportFileSummary,
  ImportPreview,
  ImportProgress,
  ImportResult,
} from '@primm/shared/contracts/imports';
import type { ClassDetail, ClassStudent } from '@primm/shared/contracts/classes';
import type { Province } from '@primm/shared/contracts/provinces';
import type { ClassSummary, SchoolDetail, SchoolSummary } from '@primm/shared/contracts/schools';
import type { User } from '@primm/shared/contracts/users';
import type { CaseAction, CaseDetail, CaseEffect, CaseSummary } from '@primm/shared/contracts/cases';
import type { Flag, Note } from '@primm/shared/contracts/flags';
import type {
  IndicatorKey,
  RiskIndicatorSummary,
  RiskReview,
  RiskRow,
  StudentRisk,
} from '@primm/shared/contracts/risk';
import type { StudentDetail } from '@primm/shared/contracts/students';
import type {
  AbsenceClock,
  FamilyNoticeLetter,
  MayorReport,
  StudentCompulsory,
  YearValidity,
} from '@primm/shared/contracts/compulsory';

/** Typed builders: each returns a valid contract object; a test overrides only what it asserts on. */

export const aProvince = (overrides: Partial<Province> = {}): Province => ({
  code: 'AN',
  name: 'Ancona',
  schools: 12,
  students: 4321,
  ...overrides,
});

export const aSchool = (overrides: Partial<SchoolSummary> = {}): SchoolSummary => ({
  id: 1,
  code: 'ANIS00800L',
  name: 'IIS Vanvitelli Stracca Angelini',
  instituteCode: 'ANIS00800L',
  municipality: 'Ancona',
  province: 'AN',
  kind: 'Istituto di istruzione superiore',
  level: 'secondo_grado',
  classes: 2,
  students: 45,
  ...overrides,
});

export const aClass = (overrides: Partial<ClassSummary> = {}): ClassSummary => ({
  id: 101,
  name: '3B',
  schoolYear: '2025/26',
  gradeLevel: 3,
  track: 'tecnico',
  weeklyHours: 32,
  annualHours: 1056,
  students: 23,
  ...overrides,
});

export const aSchoolDetail = (overrides: Partial<SchoolDetail> = {}): SchoolDetail => ({
  ...aSchool(),
  address: 'Via Umberto Trevi 4, 60127 Ancona',
  classList: [
    aClass(),
    aClass({ id: 102, name: '1A', gradeLevel: 1, track: 'liceo', weeklyHours: 27, annualHours: 891, students: 22 }),
  ],
  freshness: { latestDataOn: '2026-03-31', latestImportAt: '2026-04-01T07:30:00.000Z' },
  ...overrides,
});

export const aClassDetail = (overrides: Partial<ClassDetail> = {}): ClassDetail => ({
  ...aClass(),
  school: { code: 'ANIS00800L', name: 'IIS Vanvitelli Stracca Angelini' },
  timetable: [6, 6, 5, 5, 5, 5],
  ...overrides,
});

export const aClassStudent = (overrides: Partial<ClassStudent> = {}): ClassStudent => ({
  id: 1001,
  lastName: 'Rossi',
  firstName: 'Giulia',
  sex: 'F',
  birthDate: '2009-03-07',
  citizenship: 'ITA',
  bornInItaly: true,
  l2Level: null,
  enteredOn: '2025-09-15',
  leftOn: null,
  exitReason: null,
  ...overrides,
});

export const aMe = (overrides: Partial<Me> = {}): Me => ({
  id: 1,
  email: 'admin@demo.primm.it',
  displayName: 'Amministratore dimostrativo',
  role: 'admin',
  schools: [],
  classIds: [],
  municipalities: [],
  mustChangePassword: false,
  ...overrides,
});

export const aUser = (overrides: Partial<User> = {}): User => ({
  id: 2,
  email: 'docente@demo.primm.it',
  displayName: 'Docente dimostrativo',
  role: 'docente',
  schools: [],
  municipalities: [],
  classIds: [101, 102],
  classes: [
    { id: 101, name: '3B', schoolCode: 'ANIS00800L', schoolYear: '2025/26' },
    { id: 102, name: '1A', schoolCode: 'ANIS00800L', schoolYear: '2025/26' },
  ],
  createdAt: '2025-09-01T07:30:00.000Z',
  disabled: false,
  ...overrides,
});

export const anAuditEntry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 1,
  at: '2026-02-03T08:05:09.000Z',
  userId: 2,
  userEmail: 'docente@demo.primm.it',
  role: 'docente',
  action: 'class.students.read',
  method: 'GET',
  path: '/api/classes/101/students',
  studentIds: [1001, 1002, 1003],
  classId: 101,
  outcome: 'ok',
  ip: '127.0.0.1',
  details: null,
  ...overrides,
});

/** As the server answers in demo mode (server/src/demo/demo-accounts.ts). */
export const demoAccounts: DemoAccounts = {
  demo: true,
  password: 'demo-primm',
  accounts: [
    {
      email: 'docente@demo.primm.it',
      role: 'docente',
      description: 'due classi di una scuola secondaria di secondo grado',
    },
    { email: 'mediatore@demo.primm.it', role: 'mediatore', description: 'due scuole della regione dimostrativa' },
    { email: 'referente@demo.primm.it', role: 'referente', description: 'una scuola: importazioni, classi, utenti' },
    { email: 'analista@demo.primm.it', role: 'analista', description: 'solo dati aggregati, mai un nome' },
    { email: 'admin@demo.primm.it', role: 'admin', description: 'tutto, configurazione e registro degli accessi' },
  ],
};

/** The data set the default handlers serve, in tests and in `pnpm dev:mock`. */
export const mockData = {
  provinces: [
    aProvince({ code: 'AN', name: 'Ancona', schools: 3, students: 64 }),
    aProvince({ code: 'AP', name: 'Ascoli Piceno', schools: 1, students: 0 }),
    aProvince({ code: 'FM', name: 'Fermo', schools: 1, students: 0 }),
    aProvince({ code: 'MC', name: 'Macerata', schools: 2, students: 38 }),
    aProvince({ code: 'PU', name: 'Pesaro e Urbino', schools: 1, students: 19 }),
  ],
  schools: [
    aSchoolDetail(),
    aSchoolDetail({
      id: 2,
      code: 'ANMM84001C',
      name: 'Scuola secondaria di I grado Pascoli',
      instituteCode: 'ANIC84000A',
      municipality: 'Senigallia',
      kind: 'Scuola secondaria di primo grado',
      level: 'primo_grado',
      classes: 1,
      students: 19,
      classList: [
        aClass({ id: 201, name: '2C', gradeLevel: 2, track: null, weeklyHours: 30, annualHours: 990, students: 19 }),
      ],
    }),
    aSchoolDetail({
      id: 3,
      code: 'MCPS02000B',
      name: 'Liceo scientifico Galilei',
      instituteCode: 'MCPS02000B',
      municipality: 'Macerata',
      province: 'MC',
      kind: 'Liceo scientifico',
      classes: 0,
      students: 0,
      address: null,
      classList: [],
    }),
  ] satisfies SchoolDetail[],
  classes: [
    aClassDetail(),
    aClassDetail({
      id: 102,
      name: '1A',
      gradeLevel: 1,
      track: 'liceo',
      weeklyHours: 27,
      annualHours: 891,
      students: 22,
      timetable: [5, 5, 5, 4, 4, 4],
    }),
    aClassDetail({
      id: 201,
      name: '2C',
      gradeLevel: 2,
      track: null,
      weeklyHours: 30,
      annualHours: 990,
      students: 0,
      school: { code: 'ANMM84001C', name: 'Scuola secondaria di I grado Pascoli' },
    }),
  ] satisfies ClassDetail[],
  studentsByClass: {
    101: [
      aClassStudent(),
      aClassStudent({
        id: 1002,
        lastName: 'Hoxha',
        firstName: 'Arben',
        sex: 'M',
        birthDate: '2008-11-21',
        citizenship: 'ALB',
        bornInItaly: false,
        l2Level: 'B1',
        enteredOn: '2025-10-06',
      }),
      aClassStudent({
        id: 1003,
        lastName: 'Bianchi',
        firstName: 'Luca',
        sex: 'M',
        birthDate: '2009-01-30',
        leftOn: '2026-01-31',
        exitReason: 'trasferito',
      }),
    ],
    102: [aClassStudent({ id: 1004, lastName: 'Esposito', firstName: 'Sara' })],
  } as Record<number, ClassStudent[]>,
};

/** Who each demo account is once signed in (mocked `GET /api/me`). */
export const demoMe: Record<Me['role'], Me> = {
  admin: aMe(),
  pua: aMe({
    id: 6,
    email: 'pua@demo.primm.it',
    displayName: 'Operatore PUA dimostrativo',
    role: 'pua',
    municipalities: [{ code: '042002', name: 'Ancona' }],
  }),
  comune: aMe({
    id: 7,
    email: 'comune@demo.primm.it',
    displayName: 'Comune dimostrativo',
    role: 'comune',
    municipalities: [{ code: '042002', name: 'Ancona' }],
  }),
  referente: aMe({
    id: 3,
    email: 'referente@demo.primm.it',
    displayName: 'Referente dimostrativo',
    role: 'referente',
    schools: [{ code: 'ANIS00800L', name: 'IIS Vanvitelli Stracca Angelini' }],
  }),
  docente: aMe({
    id: 2,
    email: 'docente@demo.primm.it',
    displayName: 'Docente dimostrativo',
    role: 'docente',
    classIds: [101, 102],
  }),
  mediatore: aMe({
    id: 4,
    email: 'mediatore@demo.primm.it',
    displayName: 'Mediatore dimostrativo',
    role: 'mediatore',
    schools: [
      { code: 'ANIS00800L', name: 'IIS Vanvitelli Stracca Angelini' },
      { code: 'MCPS02000B', name: 'Liceo scientifico Galilei' },
    ],
  }),
  analista: aMe({ id: 5, email: 'analista@demo.primm.it', displayName: 'Analista USR dimostrativo', role: 'analista' }),
};

export const mockUsers: User[] = [
  aUser({
    id: 1,
    email: 'admin@demo.primm.it',
    displayName: 'Amministratore dimostrativo',
    role: 'admin',
    classIds: [],
    classes: [],
  }),
  aUser({
    id: 5,
    email: 'analista@demo.primm.it',
    displayName: 'Analista USR dimostrativo',
    role: 'analista',
    classIds: [],
    classes: [],
  }),
  aUser(),
  aUser({
    id: 4,
    email: 'mediatore@demo.primm.it',
    displayName: 'Mediatore dimostrativo',
    role: 'mediatore',
    schools: ['ANIS00800L', 'MCPS02000B'],
    classIds: [],
    classes: [],
  }),
  aUser({
    id: 3,
    email: 'referente@demo.primm.it',
    displayName: 'Referente dimostrativo',
    role: 'referente',
    schools: ['ANIS00800L'],
    classIds: [],
    classes: [],
  }),
  aUser({
    id: 6,
    email: 'ex.docente@scuola.it',
    displayName: 'Paola Ferri',
    classIds: [201],
    classes: [{ id: 201, name: '2C', schoolCode: 'MCPS02000B', schoolYear: '2024/25' }],
    createdAt: '2024-09-02T08:00:00.000Z',
    disabled: true,
  }),
];

/** Newest first, as the server returns them. */
export const mockAudit: AuditEntry[] = [
  anAuditEntry({
    id: 6,
    at: '2026-02-03T09:12:44.000Z',
    action: 'user.create',
    userId: 1,
    userEmail: 'admin@demo.primm.it',
    role: 'admin',
    method: 'POST',
    path: '/api/users',
    studentIds: [],
    classId: null,
  }),
  anAuditEntry({
    id: 5,
    at: '2026-02-03T09:00:01.000Z',
    action: 'access.denied',
    outcome: 'denied',
    userId: 5,
    userEmail: 'analista@demo.primm.it',
    role: 'analista',
    path: '/api/classes/101/students',
    studentIds: [],
    details: { status: 403, code: 'forbidden' },
  }),
  anAuditEntry({
    id: 4,
    at: '2026-02-03T08:30:00.000Z',
    action: 'student.read',
    method: 'GET',
    path: '/api/students/1002',
    studentIds: [1002],
    classId: null,
  }),
  anAuditEntry({ id: 3 }),
  anAuditEntry({
    id: 2,
    at: '2026-02-03T08:04:58.000Z',
    action: 'auth.login',
    method: 'POST',
    path: '/api/auth/login',
    studentIds: [],
    classId: null,
  }),
  anAuditEntry({
    id: 1,
    at: '2026-02-02T17:40:12.000Z',
    action: 'auth.login',
    outcome: 'failed',
    userId: null,
    userEmail: null,
    role: null,
    method: 'POST',
    path: '/api/auth/login',
    studentIds: [],
    classId: null,
    ip: '10.0.0.7',
    details: { email: 'docente@demo.primm.it' },
  }),
];

export const anImportPreview = (overrides: Partial<ImportPreview> = {}): ImportPreview => ({
  uploadId: '0123456789abcdef0123456789abcdef',
  schools: [{ code: 'ANIS00800L', name: 'IIS Vanvitelli Stracca Angelini', known: true }],
  files: [
    {
      name: 'ANIS00800L/scuola.csv',
      bytes: 412,
      encoding: 'utf-8',
      delimiter: ';',
      columns: ['Codice meccanografico', 'Denominazione'],
    },
    {
      name: 'ANIS00800L/voti.csv',
      bytes: 1536,
      encoding: 'windows-1252',
      delimiter: '\t',
      columns: ['Codice fiscale', 'Data', 'Materia', 'Voto'],
    },
  ],
  inserted: 120,
  updated: 4,
  unchanged: 30,
  rejected: 2,
  errors: [
    { file: 'ANIS00800L/voti.csv', line: 14, column: 'Voto', message: 'voto non riconosciuto: "ottimo+"' },
    { file: 'ANIS00800L/assenze.csv', line: 7, column: 'Data', message: 'data fuori dal calendario: 31/02/2026' },
  ],
  fileSummaries: [
    anImportFileSummary({
      file: 'ANIS00800L/studenti.csv',
      kind: 'studenti',
      inserted: 3,
      updated: 1,
      unchanged: 260,
      dateFrom: '2025-09-15',
      dateTo: '2026-02-02',
      changedColumns: [{ column: 'Data uscita', rows: 1 }],
      samples: [{ line: 42, changes: [{ column: 'Data uscita', from: null, to: '02/02/2026', shown: true }] }],
    }),
    anImportFileSummary({
      file: 'ANIS00800L/assenze.csv',
      kind: 'assenze',
      inserted: 117,
      updated: 3,
      unchanged: 0,
      rejected: 1,
      dateFrom: '2025-09-15',
      dateTo: '2026-03-31',
      changedColumns: [{ column: 'Giustificata', rows: 3 }],
      samples: [{ line: 7, changes: [{ column: 'Giustificata', from: 'N', to: 'S', shown: true }] }],
    }),
    anImportFileSummary({
      file: 'ANIS00800L/voti.csv',
      kind: 'voti',
      unchanged: 30,
      rejected: 1,
      dateFrom: '2025-09-25',
      dateTo: '2026-03-31',
    }),
  ],
  missingStudents: [],
  ...overrides,
});

export const anImportFileSummary = (overrides: Partial<ImportFileSummary> = {}): ImportFileSummary => ({
  file: 'ANIS00800L/studenti.csv',
  kind: 'studenti',
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  dateFrom: null,
  dateTo: null,
  changedColumns: [],
  samples: [],
  ...overrides,
});

export const anImportResult = (overrides: Partial<ImportResult> = {}): ImportResult => ({
  batchId: 3,
  inserted: 120,
  updated: 4,
  unchanged: 30,
  rejected: 2,
  errors: anImportPreview().errors,
  fileSummaries: anImportPreview().fileSummaries,
  missingStudents: [],
  ...overrides,
});

export const anImportProgress = (overrides: Partial<ImportProgress> = {}): ImportProgress => ({
  status: 'running',
  done: 0,
  total: 1,
  school: null,
  ...overrides,
});

export const anImportBatch = (overrides: Partial<ImportBatch> = {}): ImportBatch => ({
  id: 1,
  startedAt: '2025-09-20T08:00:00.000Z',
  finishedAt: '2025-09-20T08:00:04.000Z',
  source: 'web',
  status: 'committed',
  userEmail: 'referente@demo.primm.it',
  serviceToken: null,
  inboxFolder: null,
  inserted: 1500,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  files: [
    {
      name: 'ANIS00800L/scuola.csv',
      sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      bytes: 412,
    },
    {
      name: 'ANIS00800L/studenti.csv',
      sha256: '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752',
      bytes: 20480,
    },
  ],
  ...overrides,
});

/** Newest first, as the server returns them. */
export const mockImportHistory: ImportBatch[] = [
  anImportBatch({
    id: 2,
    startedAt: '2026-01-12T15:30:00.000Z',
    finishedAt: '2026-01-12T15:30:09.000Z',
    inserted: 210,
    updated: 12,
    unchanged: 1450,
    rejected: 3,
  }),
  anImportBatch({ id: 1, source: 'demo', userEmail: null, files: [] }),
];

export const errorBody = (code: string, message = 'error') => ({ error: { code, message } });

/** An ISO date `days` from today: follow-ups must stay ahead of (or behind) the real clock in `pnpm dev:mock`. */
export function daysFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const indicatorDomain: Record<IndicatorKey, StudentRisk['indicators'][number]['domain']> = {
  attendance_rate: 'frequenza',
  absence_projection: 'frequenza',
  attendance_trend: 'frequenza',
  late_entries: 'frequenza',
  failing_subjects: 'rendimento',
  grade_average: 'rendimento',
  grade_trend: 'rendimento',
  conduct: 'comportamento',
  age_grade_delay: 'percorso',
  school_history: 'percorso',
  disengagement: 'frequenza',
};

/** What a fixture indicator may set; `text` is its sentence, carried as is (`explain.verbatim`). */
type IndicatorFixture = Partial<RiskIndicatorSummary> & { text?: string };

/** An indicator; its message, unless given, is its Italian sentence as is (`explain.verbatim`). */
export const anIndicator = ({
  text = 'Nella norma.',
  ...overrides
}: IndicatorFixture & { key: IndicatorKey }): RiskIndicatorSummary => ({
  level: 'ok',
  value: null,
  explanationKey: 'explain.verbatim',
  explanationParams: { text },
  ...overrides,
});

/** The Italian sentence of a fixture indicator (the text of its `explain.verbatim` message). */
export const sentenceOf = (i: RiskIndicatorSummary): string => String(i.explanationParams.text);

/** The ten indicators of a student "all ok", with `changes` on top (by key). */
export function indicatorsOf(changes: Partial<Record<IndicatorKey, IndicatorFixture>> = {}): RiskIndicatorSummary[] {
  return (Object.keys(indicatorDomain) as IndicatorKey[]).map((key) => anIndicator({ key, ...changes[key] }));
}

export const aReview = (overrides: Partial<RiskReview> = {}): RiskReview => ({
  action: 'override',
  tier: 3,
  computedTier: 2,
  reason: 'Segnalazione del consiglio di classe: assenze in aumento a gennaio',
  by: 'Docente dimostrativo',
  at: '2026-01-20T09:00:00.000Z',
  ...overrides,
});

export const aRiskRow = (overrides: Partial<RiskRow> = {}): RiskRow => ({
  studentId: 1001,
  lastName: 'Rossi',
  firstName: 'Giulia',
  classId: 101,
  computedTier: 1,
  tier: 1,
  score: 0,
  review: null,
  indicators: indicatorsOf(),
  attendanceRate: 0.96,
  projectedAbsenceRate: 0.05,
  failingSubjects: 0,
  trend: -0.5,
  average: 7.4,
  probability: null,
  markers: { openFlags: 0, openCases: 0, compulsory: null },
  asOf: '2026-02-06',
  settingsVersion: 1,
  ...overrides,
});

const hoxhaIndicators = indicatorsOf({
  attendance_rate: {
    level: 'attention',
    value: 0.82,
    text: 'Frequenza dell’82 % delle ore svolte: fascia 80–90 %.',
  },
  absence_projection: {
    level: 'high',
    value: 0.27,
    text: 'Proiezione a fine anno: 285 ore di assenza, oltre il limite di 264 (un quarto di 1.056).',
  },
  attendance_trend: {
    level: 'attention',
    value: 6,
    text: 'Nelle ultime 4 settimane assente il 24 % delle ore, contro il 18 % dell’anno: in aumento di 6 punti.',
  },
  failing_subjects: {
    level: 'attention',
    value: 2,
    text: 'Insufficiente in 2 materie: Matematica (5,2), Inglese (5,6).',
  },
  conduct: { level: 'ok', value: 8, text: 'Voto di comportamento 8 (20/12/2025): nella norma.' },
  age_grade_delay: {
    level: 'attention',
    value: 1,
    text: '1 anno di ritardo rispetto all’età: inserimento all’arrivo in Italia.',
  },
  school_history: { level: 'ok', value: 0, text: 'Nessun esito di anni precedenti registrato.' },
});

/** Hoxha Arben (3B): computed tier 2, overridden to 3 by the teacher. */
export const aStudentRisk = (overrides: Partial<StudentRisk> = {}): StudentRisk => ({
  studentId: 1002,
  classId: 101,
  className: '3B',
  schoolYear: '2025/26',
  asOf: '2026-02-06',
  settingsVersion: 1,
  computedAt: '2026-02-06T18:00:00.000Z',
  computedTier: 2,
  tier: 3,
  tierExplanation: 'Livello 2: segnale alto in 1 area (frequenza), attenzione in 2 aree (rendimento, percorso).',
  tierExplanationKey: 'explain.level.2_high_watch',
  tierExplanationParams: {
    high: { key: 'explain.unit.areas', params: { count: 1, list: [{ key: 'explain.area.frequenza', params: {} }] } },
    watch: {
      key: 'explain.unit.areas',
      params: {
        count: 2,
        list: [
          { key: 'explain.area.rendimento', params: {} },
          { key: 'explain.area.percorso', params: {} },
        ],
      },
    },
  },
  probability: null,
  score: 5,
  reasons: [
    {
      key: 'absence_projection',
      domain: 'frequenza',
      level: 'high',
      explanation: sentenceOf(hoxhaIndicators[1]!),
      explanationKey: 'explain.verbatim',
      explanationParams: { text: sentenceOf(hoxhaIndicators[1]!) },
    },
    {
      key: 'failing_subjects',
      domain: 'rendimento',
      level: 'attention',
      explanation: sentenceOf(hoxhaIndicators[4]!),
      explanationKey: 'explain.verbatim',
      explanationParams: { text: sentenceOf(hoxhaIndicators[4]!) },
    },
  ],
  indicators: hoxhaIndicators.map((i) => ({ ...i, explanation: sentenceOf(i), domain: indicatorDomain[i.key] })),
  review: aReview(),
  reviews: [aReview()],
  series: {
    weeks: [
      { weekStart: '2025-12-01', hoursHeld: 32, hoursAbsent: 4 },
      { weekStart: '2025-12-08', hoursHeld: 32, hoursAbsent: 6 },
      { weekStart: '2025-12-15', hoursHeld: 32, hoursAbsent: 8 },
      { weekStart: '2026-01-12', hoursHeld: 32, hoursAbsent: 10 },
    ],
    grades: [
      {
        subject: 'Inglese',
        points: [
          { date: '2025-10-10', value: 6, raw: '6', kind: 'scritto' },
          { date: '2025-12-02', value: 5.25, raw: '5+', kind: 'orale' },
        ],
      },
      {
        subject: 'Matematica',
        points: [
          { date: '2025-10-14', value: 5.5, raw: '5½', kind: 'scritto' },
          { date: '2025-11-20', value: 4.75, raw: '5-', kind: 'scritto' },
        ],
      },
    ],
    limit: { share: 0.25, annualHours: 1056, hours: 264, countedHours: 142, projectedCrossingDate: '2026-04-20' },
  },
  ...overrides,
});

export const aStudentDetail = (overrides: Partial<StudentDetail> = {}): StudentDetail => ({
  id: 1002,
  lastName: 'Hoxha',
  firstName: 'Arben',
  sex: 'M',
  birthDate: '2008-11-21',
  citizenship: 'ALB',
  bornInItaly: false,
  arrivalDate: '2023-09-01',
  newlyArrived: false,
  l2Level: 'B1',
  residenceIstat: '042002',
  enrolments: [
    {
      classId: 101,
      className: '3B',
      schoolCode: 'ANIS00800L',
      schoolName: 'IIS Vanvitelli Stracca Angelini',
      schoolYear: '2025/26',
      enteredOn: '2025-10-06',
      leftOn: null,
      exitReason: null,
    },
  ],
  access: { kind: 'current', until: null },
  ...overrides,
});

export const aFlag = (overrides: Partial<Flag> = {}): Flag => ({
  id: 1,
  studentId: 1002,
  reasonCode: 'assenze',
  reason: 'Assente quasi tutti i lunedì da dicembre',
  createdBy: { id: 2, name: 'Docente dimostrativo' },
  createdAt: '2026-01-19T10:15:00.000Z',
  resolvedAt: null,
  caseId: null,
  ...overrides,
});

export const aNote = (overrides: Partial<Note> = {}): Note => ({
  id: 1,
  studentId: 1002,
  body: 'Colloquio con la madre fissato per il 2 febbraio.',
  createdBy: { id: 2, name: 'Docente dimostrativo' },
  createdAt: '2026-01-22T12:00:00.000Z',
  ...overrides,
});

export const aCaseAction = (overrides: Partial<CaseAction> = {}): CaseAction => ({
  id: 1,
  caseId: 7,
  type: 'family_meeting',
  date: '2026-01-26',
  participants: 'madre, coordinatrice di classe, mediatore',
  notes: 'La famiglia segnala difficoltà con i trasporti il lunedì.',
  followUpOn: '2026-02-09',
  outcome: null,
  destination: null,
  arrived: null,
  arrivedOn: null,
  workKind: null,
  exceptionalReason: null,
  arrival: null,
  createdBy: { id: 4, name: 'Mediatore dimostrativo' },
  createdAt: '2026-01-26T15:00:00.000Z',
  ...overrides,
});

export const aCaseSummary = (overrides: Partial<CaseSummary> = {}): CaseSummary => ({
  id: 7,
  student: { id: 1004, lastName: 'Esposito', firstName: 'Sara', className: '1A', classId: 102 },
  schoolCode: 'ANIS00800L',
  schoolName: 'IIS Vanvitelli Stracca Angelini',
  status: 'open',
  goal: 'Riportare la frequenza sopra il 90 % entro marzo',
  owner: { id: 4, name: 'Mediatore dimostrativo' },
  openedBy: { id: 4, name: 'Mediatore dimostrativo' },
  openedAt: '2026-01-21T09:00:00.000Z',
  closedAt: null,
  outcome: null,
  outcomeNote: null,
  flagId: null,
  nextFollowUp: '2026-02-09',
  overdue: true,
  actionCount: 1,
  ...overrides,
});

export const aCaseDetail = (overrides: Partial<CaseDetail> = {}): CaseDetail => ({
  ...aCaseSummary(),
  actions: [aCaseAction()],
  participantViews: [],
  ...overrides,
});

export const aCaseEffect = (overrides: Partial<CaseEffect> = {}): CaseEffect => ({
  firstActionOn: '2026-01-26',
  weeksEachSide: 2,
  weeks: [
    { weekStart: '2026-01-12', hoursHeld: 32, hoursAbsent: 8, attendanceRate: 0.75, average: 5.5, side: 'before' },
    { weekStart: '2026-01-19', hoursHeld: 32, hoursAbsent: 8, attendanceRate: 0.75, average: null, side: 'before' },
    { weekStart: '2026-01-26', hoursHeld: 32, hoursAbsent: 4, attendanceRate: 0.875, average: 6, side: 'after' },
    { weekStart: '2026-02-02', hoursHeld: 32, hoursAbsent: 0, attendanceRate: 1, average: 6.5, side: 'after' },
  ],
  before: { attendanceRate: 0.75, average: 5.5 },
  after: { attendanceRate: 0.9375, average: 6.25 },
  ...overrides,
});

/** The risk rows, student pages, flags and cases the default handlers start from. */
export const mockRisk = {
  rows: [
    aRiskRow(),
    aRiskRow({
      studentId: 1002,
      lastName: 'Hoxha',
      firstName: 'Arben',
      computedTier: 2,
      tier: 3,
      score: 5,
      review: aReview(),
      indicators: hoxhaIndicators,
      attendanceRate: 0.82,
      projectedAbsenceRate: 0.27,
      failingSubjects: 2,
      trend: 6,
      average: 5.6,
      // the flag of handlers/flags.ts, no case yet; the family notified under art. 114
      markers: { openFlags: 1, openCases: 0, compulsory: 'notified' },
    }),
    aRiskRow({
      studentId: 1004,
      lastName: 'Esposito',
      firstName: 'Sara',
      classId: 102,
      computedTier: 2,
      tier: 2,
      score: 3,
      indicators: indicatorsOf({
        grade_trend: { level: 'attention', value: -0.4, text: 'Voti in calo: −0,4 punti al mese da ottobre.' },
      }),
      attendanceRate: 0.91,
      projectedAbsenceRate: 0.12,
      failingSubjects: 1,
      trend: 0.4,
      average: 6.1,
      probability: 0.31,
      markers: { openFlags: 0, openCases: 1, compulsory: null }, // case 7 of handlers/cases.ts
    }),
  ] satisfies RiskRow[],
  students: [
    aStudentDetail(),
    aStudentDetail({
      id: 1001,
      lastName: 'Rossi',
      firstName: 'Giulia',
      sex: 'F',
      birthDate: '2009-03-07',
      citizenship: 'ITA',
      bornInItaly: true,
      arrivalDate: null,
      l2Level: null,
      enrolments: [{ ...aStudentDetail().enrolments[0]!, enteredOn: '2025-09-15' }],
    }),
    aStudentDetail({
      id: 1004,
      lastName: 'Esposito',
      firstName: 'Sara',
      sex: 'F',
      birthDate: '2011-05-02',
      citizenship: 'ITA',
      bornInItaly: true,
      arrivalDate: null,
      l2Level: null,
      enrolments: [{ ...aStudentDetail().enrolments[0]!, classId: 102, className: '1A', enteredOn: '2025-09-15' }],
    }),
    // the compulsory-education walk (handlers/compulsory.ts): under 16 whatever the day the tests run
    ...compulsoryStudents(),
  ] satisfies StudentDetail[],
};

/** A birth date `years` years (and `days` days) before today, so a fixture stays under the obligation. */
export function bornYearsAgo(years: number, days = 0): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), now.getUTCDate() - days))
    .toISOString()
    .slice(0, 10);
}

/** Students 1005–1007 of 1A: one family to notify, one countdown, one report due (handlers/compulsory.ts). */
function compulsoryStudents(): StudentDetail[] {
  const in1A = { ...aStudentDetail().enrolments[0]!, classId: 102, className: '1A', enteredOn: '2025-09-15' };
  const italian: Partial<StudentDetail> = {
    citizenship: 'ITA',
    bornInItaly: true,
    arrivalDate: null,
    l2Level: null,
    enrolments: [in1A],
  };
  return [
    aStudentDetail({
      ...italian,
      id: 1005,
      lastName: 'Marchetti',
      firstName: 'Kevin',
      sex: 'M',
      birthDate: bornYearsAgo(14, 120),
      residenceIstat: '042021',
    }),
    aStudentDetail({
      ...italian,
      id: 1006,
      lastName: 'Ricci',
      firstName: 'Noemi',
      sex: 'F',
      birthDate: bornYearsAgo(15, 40),
      residenceIstat: '042002',
    }),
    aStudentDetail({
      id: 1007,
      lastName: 'Diallo',
      firstName: 'Aminata',
      sex: 'F',
      birthDate: bornYearsAgo(15, 200),
      citizenship: 'SEN',
      bornInItaly: false,
      arrivalDate: '2023-09-01',
      l2Level: 'A2',
      residenceIstat: '042018',
      enrolments: [in1A],
    }),
  ];
}

/** Weekdays (lesson days) from `endOffset` days from today backwards, every `every`-th one, `count` of them, oldest first. */
export function weekdaysBefore(endOffset: number, count: number, every = 2): string[] {
  const days: string[] = [];
  let seen = 0;
  for (let offset = endOffset; days.length < count; offset -= 1) {
    const day = daysFromToday(offset);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (seen % every === 0) days.push(day);
    seen += 1;
  }
  return days.reverse();
}

export const aYearValidity = (overrides: Partial<YearValidity> = {}): YearValidity => ({
  annualHours: 1056,
  attendedShare: 0.86,
  limitHours: 264,
  countedHours: 118,
  hoursStillAvailable: 146,
  atRisk: false,
  invalid: false,
  evasion: false,
  hoursDerogated: 12,
  deroghe: [
    { date: '2025-11-12', hours: 6, category: 'motivi di salute documentati', decidedOn: null },
    { date: '2025-11-13', hours: 6, category: 'motivi di salute documentati', decidedOn: null },
  ],
  ...overrides,
});

export const anAbsenceClock = (overrides: Partial<AbsenceClock> = {}): AbsenceClock => ({
  state: 'ok',
  daysInWindow: 3,
  windowFrom: daysFromToday(-91),
  triggeredOn: null,
  countedDays: [],
  notifiedOn: null,
  countdownEndsOn: null,
  reportDueFrom: null,
  reportedOn: null,
  returnedOn: null,
  ...overrides,
});

export const aStudentCompulsory = (overrides: Partial<StudentCompulsory> = {}): StudentCompulsory => ({
  studentId: 1005,
  asOf: daysFromToday(0),
  age: 14,
  legalStatus: 'obbligo',
  clock: anAbsenceClock(),
  validity: aYearValidity(),
  ...overrides,
});

export const aMayorReport = (overrides: Partial<MayorReport> = {}): MayorReport => ({
  school: { code: 'ANIS00800L', name: 'IIS Vanvitelli Stracca Angelini', municipality: 'Ancona' },
  student: {
    lastName: 'Diallo',
    firstName: 'Aminata',
    sex: 'F',
    birthDate: '2011-05-10',
    residence: 'Falconara Marittima',
    className: '1A',
  },
  municipality: {
    istatCode: '042018',
    name: 'Falconara Marittima',
    pec: 'comune.falconara@emarche.it',
    office: 'Servizi sociali',
  },
  schoolYear: '2025/26',
  countedDays: weekdaysBefore(-25, 16),
  windowFrom: daysFromToday(-115),
  triggeredOn: daysFromToday(-25),
  notifiedOn: daysFromToday(-15),
  countdownEndsOn: daysFromToday(-8),
  reportedOn: null,
  legalBasis:
    'art. 114 D.Lgs 16 aprile 1994, n. 297, come modificato dall’art. 12 del D.L. 15 settembre 2023, n. 123, convertito dalla L. 13 novembre 2023, n. 159',
  ...overrides,
});

export const aFamilyNoticeLetter = (overrides: Partial<FamilyNoticeLetter> = {}): FamilyNoticeLetter => {
  const { school, student, schoolYear, countedDays, windowFrom, triggeredOn, legalBasis } = aMayorReport();
  return {
    school,
    student,
    schoolYear,
    countedDays,
    windowFrom,
    triggeredOn,
    notifiedOn: null,
    legalBasis,
    ...overrides,
  };
};
