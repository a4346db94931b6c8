import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { useMe } from '../../features/auth/api/get-me';
import { caseQueryOptions } from '../../features/cases/api/get-case';
import { CaseDetailView } from '../../features/cases/components/case-detail';
import { StudentFamilyPanel } from '../../features/family/components/student-family-panel';
import { CaseLetterLinks } from '../../features/letters/components/case-letter-links';
import { CaseReferralsPanel } from '../../features/referrals/components/case-referrals-panel';
import { ReferralStepsOfAction } from '../../features/referrals/components/referral-steps';
import { Forbidden, isRefusal } from './forbidden';
import { NotFound } from './not-found';

const MANAGERS = ['mediatore', 'referente', 'admin'];

export function Component() {
  const { t } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const me = useMe().data;
  // the view's own query (shared by key): read here to turn a refusal into the whole page
  const detail = useQuery({
    ...caseQueryOptions(id.success ? id.data : 0),
    enabled: id.success && Boolean(me) && me?.role !== 'analista',
  });
  if (!id.success) return <NotFound />;
  if (!me || me.role === 'analista') return <Forbidden title={t('cases.caseN', { id: id.data })} />;
  // a case out of scope: one refusal and the way home
  if (detail.isError && isRefusal(detail.error))
    return <Forbidden title={t('cases.caseN', { id: id.data })} error={detail.error} />;
  const canManage = MANAGERS.includes(me.role);
  return (
    <>
      {canManage && (
        <p className="back-link">
          {/* a mediator's caseload is their home page */}
          <Link to={me.role === 'mediatore' ? '/' : '/casi'}>{t('cases.backToCaseload')}</Link>
        </p>
      )}
      {/* keyed: another case starts from its own forms */}
      <CaseDetailView
        key={id.data}
        id={id.data}
        canManage={canManage}
        renderStudentExtras={(studentId) => (
          <>
            <StudentFamilyPanel studentId={studentId} />
            {/* issue 21: the case's letters to the family, in Italian and the family's language */}
            {canManage && detail.data && <CaseLetterLinks detail={detail.data} />}
            {/* issue 21: referrals to the PUA of the student's municipality, with the family's consent */}
            <CaseReferralsPanel caseId={id.data} canSend={canManage && detail.data?.status !== 'closed'} />
          </>
        )}
        renderActionExtras={(a) =>
          a.type === 'pua_referral' ? <ReferralStepsOfAction caseId={id.data} actionId={a.id} /> : null
        }
      />
    </>
  );
}
