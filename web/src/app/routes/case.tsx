import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { useMe } from '../../features/auth/api/get-me';
import { CaseDetailView } from '../../features/cases/components/case-detail';
import { Forbidden } from './forbidden';
import { NotFound } from './not-found';

const MANAGERS = ['mediatore', 'referente', 'admin'];

export function Component() {
  const { t } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const me = useMe().data;
  if (!id.success) return <NotFound />;
  if (!me || me.role === 'analista') return <Forbidden title={t('cases.caseN', { id: id.data })} />;
  const canManage = MANAGERS.includes(me.role);
  return (
    <>
      {canManage && (
        <p className="back-link">
          <Link to="/casi">{t('cases.backToCaseload')}</Link>
        </p>
      )}
      {/* keyed: another case starts from its own forms */}
      <CaseDetailView key={id.data} id={id.data} canManage={canManage} />
    </>
  );
}
