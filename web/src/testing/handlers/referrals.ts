import { http, HttpResponse } from 'msw';
import { Id } from '@primm/shared/contracts/domain';
import type { PuaReferral, ReferralCounts, ReferralCountsRow } from '@primm/shared/contracts/referrals';
import { errorBody } from '../fixtures';

/** A typed referral as the PUA reads it: sent, overdue unless told otherwise. */
export const aPuaReferral = (over: Partial<PuaReferral> = {}): PuaReferral => ({
  id: 1,
  caseId: 7,
  caseActionId: 70,
  municipality: { code: '042002', name: 'Ancona' },
  reasons: ['social', 'housing'],
  text: 'La famiglia vive in un alloggio precario.',
  familyContact: 'madre, tel. 333 1234567',
  consent: { givenBy: 'la madre', givenOn: '2026-11-02', services: ['social', 'housing'] },
  status: 'sent',
  declineReason: null,
  sentBy: { id: 4, name: 'Mediatore dimostrativo', email: 'mediatore@demo.primm.it' },
  sentAt: '2026-11-02T09:00:00.000Z',
  sentOn: '2026-11-02',
  firstAnswerAt: null,
  answeredBy: null,
  workingDaysWaiting: 12,
  overdue: true,
  answerLimitDays: 10,
  updates: [],
  student: {
    lastName: 'Hoxha',
    firstName: 'Arben',
    birthDate: '2009-05-10',
    schoolName: 'LICEO GALILEI',
    className: '3A',
  },
  ...over,
});

const row = (province: string | null, n: ReferralCountsRow['referrals']): ReferralCountsRow => ({
  province,
  referrals: n,
  reasons: { social: n, health: 0, labour: 0, housing: '<10', legal_status: 0, italian_family: 0, other: 0 },
  answerTime: { within5: '<10', within10: 'n.d.', over10: 0, unanswered: '<10' },
});
const counts: ReferralCounts = { rows: [row('AN', 12)], total: row(null, 12), threshold: 10 };

export const referralsHandlers = [
  http.get('/api/cases/:id/referrals', () => HttpResponse.json({ items: [] })),
  http.get('/api/referrals', () =>
    HttpResponse.json({ items: [aPuaReferral(), aPuaReferral({ id: 2, status: 'accepted', overdue: false })] }),
  ),
  http.get('/api/referrals/counts', () => HttpResponse.json(counts)),
  http.get('/api/referrals/:id', ({ params }) => {
    const id = Id.safeParse(params.id);
    return id.success && id.data === 1
      ? HttpResponse.json(aPuaReferral())
      : HttpResponse.json(errorBody('not_found', 'Invio non trovato'), { status: 404 });
  }),
];
