import type { CalendarFeedStatus } from '@primm/shared/contracts/calendar-feed';
import type { CaseSummary, ScopeSchool } from '@primm/shared/contracts/cases';
import type { StudentFamily } from '@primm/shared/contracts/family';
import type { WorklistItem } from '@primm/shared/contracts/worklist';
import { aCaseSummary } from './fixtures';

/** The mediator's schools (demoMe.mediatore), as the worklist and the archive list them. */
export const mediatorSchools: ScopeSchool[] = [
  { id: 1, code: 'ANIS00800L', name: 'IIS Vanvitelli Stracca Angelini' },
  { id: 3, code: 'MCPS02000B', name: 'Liceo scientifico Galilei' },
];

export const aWorklistItem = (overrides: Partial<WorklistItem> = {}): WorklistItem => ({
  studentId: 1002,
  lastName: 'Hoxha',
  firstName: 'Arben',
  classId: 101,
  className: '3B',
  school: mediatorSchools[0]!,
  tier: 3,
  arrivalDate: null,
  reasons: ['tier3'],
  closedCases: 0,
  ...overrides,
});

export const mockWorklist: WorklistItem[] = [
  aWorklistItem(),
  aWorklistItem({
    studentId: 1007,
    lastName: 'Diallo',
    firstName: 'Aminata',
    classId: 102,
    className: '1A',
    tier: 1,
    arrivalDate: '2025-01-20',
    reasons: ['newly_arrived'],
  }),
  aWorklistItem({
    studentId: 1010,
    lastName: 'Marchetti',
    firstName: 'Luca',
    classId: 301,
    className: '4C',
    school: mediatorSchools[1]!,
    closedCases: 1,
  }),
];

export const aStudentFamily = (overrides: Partial<StudentFamily> = {}): StudentFamily => ({
  language: null,
  interpreterNeeded: null,
  updatedAt: null,
  updatedBy: null,
  canEdit: true,
  ...overrides,
});

export const aCalendarFeedStatus = (overrides: Partial<CalendarFeedStatus> = {}): CalendarFeedStatus => ({
  active: false,
  createdAt: null,
  lastUsedAt: null,
  ...overrides,
});

/** A feed address as the server answers it once (43 characters of base64url). */
export const aFeedPath = (seed = 'A') => `/api/calendar/${seed.repeat(43).slice(0, 43)}.ics`;

/** Closed cases the archive starts from (the open ones are in the case mocks' state). */
export const mockArchivedCases: CaseSummary[] = [
  aCaseSummary({
    id: 3,
    student: { id: 1001, lastName: 'Rossi', firstName: 'Giulia', className: '3B', classId: 101 },
    status: 'closed',
    goal: 'Rientro dopo il trasferimento della famiglia',
    openedAt: '2025-10-02T08:00:00.000Z',
    closedAt: '2025-12-18T11:00:00.000Z',
    outcome: 'back_on_track',
    nextFollowUp: null,
    overdue: false,
  }),
  aCaseSummary({
    id: 2,
    student: { id: 1010, lastName: 'Marchetti', firstName: 'Luca', className: '4C', classId: 301 },
    schoolCode: 'MCPS02000B',
    schoolName: 'Liceo scientifico Galilei',
    status: 'closed',
    goal: 'Valutare un percorso professionale',
    owner: { id: 9, name: 'Chiara Neri' },
    openedAt: '2025-09-22T08:00:00.000Z',
    closedAt: '2025-11-05T10:00:00.000Z',
    outcome: 'reoriented',
    nextFollowUp: null,
    overdue: false,
  }),
];
