import type { AnswerTimeBand } from '@primm/shared/contracts/referrals';
import { isOverdue, workingDaysBetween } from '@primm/shared/working-days';

export interface ReferralTiming {
  /** Working days from sending to the first answer, or to today while none came. */
  workingDaysWaiting: number;
  overdue: boolean;
}

/**
 * Issue 21: a PUA owes a first answer within `limit` working days (10 by default,
 * PRIMM_PUA_ANSWER_DAYS). Once answered, the wait stops and the referral is never overdue again,
 * however late the answer came: the highlight is for what is still waiting.
 */
export function referralTiming(
  sentOn: string,
  answeredOn: string | null,
  today: string,
  limit: number,
): ReferralTiming {
  if (answeredOn !== null) return { workingDaysWaiting: workingDaysBetween(sentOn, answeredOn), overdue: false };
  return { workingDaysWaiting: workingDaysBetween(sentOn, today), overdue: isOverdue(sentOn, today, limit) };
}

/** The analyst's bands of time to a first answer, in working days. */
export function answerTimeBand(sentOn: string, answeredOn: string | null): AnswerTimeBand {
  if (answeredOn === null) return 'unanswered';
  const days = workingDaysBetween(sentOn, answeredOn);
  return days <= 5 ? 'within5' : days <= 10 ? 'within10' : 'over10';
}
