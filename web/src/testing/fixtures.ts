import type { AuditEntry } from '@primm/shared/contracts/audit';
import type { DemoAccounts, Me } from '@primm/shared/contracts/auth';
import type { ImportBatch, ImportPreview, ImportProgress, ImportResult } from '@primm/shared/contracts/imports';
import type { ClassDetail, ClassStudent } from '@primm/shared/contracts/classes';
import type { Province } from '@primm/shared/contracts/provinces';
import type { ClassSummary, SchoolDetail, SchoolSummary } from '@primm/shared/contracts/schools';
import type { User } from '@primm/shared/contracts/users';

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
  classList: [aClass(), aClass({ id: 102, name: '1A', gradeLevel: 1, track: 'liceo', weeklyHours: 27, annualHours: 891, students: 22 })],
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
  mustChangePassword: false,
  ...overrides,
});

export const aUser = (overrides: Partial<User> = {}): User => ({
  id: 2,
  email: 'docente@demo.primm.it',
  displayName: 'Docente dimostrativo',
  role: 'docente',
  schools: [],
  classIds: [101, 102],
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
  ...overrides,
});

/** As the server answers in demo mode (server/src/demo/demo-accounts.ts). */
export const demoAccounts: DemoAccounts = {
  demo: true,
  password: 'demo-primm',
  accounts: [
    { email: 'docente@demo.primm.it', role: 'docente', description: 'due classi di una scuola secondaria di secondo grado' },
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
      classList: [aClass({ id: 201, name: '2C', gradeLevel: 2, track: null, weeklyHours: 30, annualHours: 990, students: 19 })],
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
    aClassDetail({ id: 102, name: '1A', gradeLevel: 1, track: 'liceo', weeklyHours: 27, annualHours: 891, students: 22, timetable: [5, 5, 5, 4, 4, 4] }),
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
  referente: aMe({
    id: 3,
    email: 'referente@demo.primm.it',
    displayName: 'Referente dimostrativo',
    role: 'referente',
    schools: [{ code: 'ANIS00800L', name: 'IIS Vanvitelli Stracca Angelini' }],
  }),
  docente: aMe({ id: 2, email: 'docente@demo.primm.it', displayName: 'Docente dimostrativo', role: 'docente', classIds: [101, 102] }),
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
  aUser({ id: 1, email: 'admin@demo.primm.it', displayName: 'Amministratore dimostrativo', role: 'admin', classIds: [] }),
  aUser({ id: 5, email: 'analista@demo.primm.it', displayName: 'Analista USR dimostrativo', role: 'analista', classIds: [] }),
  aUser(),
  aUser({ id: 4, email: 'mediatore@demo.primm.it', displayName: 'Mediatore dimostrativo', role: 'mediatore', schools: ['ANIS00800L', 'MCPS02000B'], classIds: [] }),
  aUser({ id: 3, email: 'referente@demo.primm.it', displayName: 'Referente dimostrativo', role: 'referente', schools: ['ANIS00800L'], classIds: [] }),
  aUser({ id: 6, email: 'ex.docente@scuola.it', displayName: 'Paola Ferri', classIds: [201], createdAt: '2024-09-02T08:00:00.000Z', disabled: true }),
];

/** Newest first, as the server returns them. */
export const mockAudit: AuditEntry[] = [
  anAuditEntry({ id: 6, at: '2026-02-03T09:12:44.000Z', action: 'user.create', userId: 1, userEmail: 'admin@demo.primm.it', role: 'admin', method: 'POST', path: '/api/users', studentIds: [], classId: null }),
  anAuditEntry({ id: 5, at: '2026-02-03T09:00:01.000Z', action: 'access.denied', outcome: 'denied', userId: 5, userEmail: 'analista@demo.primm.it', role: 'analista', path: '/api/classes/101/students', studentIds: [] }),
  anAuditEntry({ id: 4, at: '2026-02-03T08:30:00.000Z', action: 'student.read', method: 'GET', path: '/api/students/1002', studentIds: [1002], classId: null }),
  anAuditEntry({ id: 3 }),
  anAuditEntry({ id: 2, at: '2026-02-03T08:04:58.000Z', action: 'auth.login', method: 'POST', path: '/api/auth/login', studentIds: [], classId: null }),
  anAuditEntry({ id: 1, at: '2026-02-02T17:40:12.000Z', action: 'auth.login', outcome: 'failed', userId: null, userEmail: null, role: null, method: 'POST', path: '/api/auth/login', studentIds: [], classId: null, ip: '10.0.0.7' }),
];

export const anImportPreview = (overrides: Partial<ImportPreview> = {}): ImportPreview => ({
  uploadId: '0123456789abcdef0123456789abcdef',
  schools: [{ code: 'ANIS00800L', name: 'IIS Vanvitelli Stracca Angelini', known: true }],
  files: [
    { name: 'ANIS00800L/scuola.csv', bytes: 412, encoding: 'utf-8', delimiter: ';', columns: ['Codice meccanografico', 'Denominazione'] },
    { name: 'ANIS00800L/voti.csv', bytes: 1536, encoding: 'windows-1252', delimiter: '\t', columns: ['Codice fiscale', 'Data', 'Materia', 'Voto'] },
  ],
  inserted: 120,
  updated: 4,
  unchanged: 30,
  rejected: 2,
  errors: [
    { file: 'ANIS00800L/voti.csv', line: 14, column: 'Voto', message: 'voto non riconosciuto: "ottimo+"' },
    { file: 'ANIS00800L/assenze.csv', line: 7, column: 'Data', message: 'data fuori dal calendario: 31/02/2026' },
  ],
  ...overrides,
});

export const anImportResult = (overrides: Partial<ImportResult> = {}): ImportResult => ({
  batchId: 3,
  inserted: 120,
  updated: 4,
  unchanged: 30,
  rejected: 2,
  errors: anImportPreview().errors,
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
  inserted: 1500,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  files: [
    { name: 'ANIS00800L/scuola.csv', sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', bytes: 412 },
    { name: 'ANIS00800L/studenti.csv', sha256: '60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752', bytes: 20480 },
  ],
  ...overrides,
});

/** Newest first, as the server returns them. */
export const mockImportHistory: ImportBatch[] = [
  anImportBatch({ id: 2, startedAt: '2026-01-12T15:30:00.000Z', finishedAt: '2026-01-12T15:30:09.000Z', inserted: 210, updated: 12, unchanged: 1450, rejected: 3 }),
  anImportBatch({ id: 1, source: 'demo', userEmail: null, files: [] }),
];

export const errorBody = (code: string, message = 'error') => ({ error: { code, message } });
