import { useTranslation } from 'react-i18next';
import type { Referral } from '@primm/shared/contracts/referrals';

/** Working days waited for a first answer; past the limit it is shown as overdue on both sides (issue 21). */
export function ReferralWait({ referral }: { referral: Referral }) {
  const { t } = useTranslation();
  const values = { count: referral.workingDaysWaiting, limit: referral.answerLimitDays };
  if (referral.firstAnswerAt !== null) return <span>{t('referrals.wait.answered', values)}</span>;
  if (referral.overdue) return <span className="overdue">{t('referrals.wait.overdue', values)}</span>;
  return <span>{t('referrals.wait.waiting', values)}</span>;
}
