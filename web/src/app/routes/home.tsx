import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { ClassCards } from '../../features/classes/components/class-cards';
import { ProvincesOverview } from '../../features/regions/components/provinces-overview';
import { MySchoolsFreshness } from '../../features/schools/components/my-schools-freshness';
import { ClassTierCounts } from '../../features/risk/components/class-tier-counts';

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;

  // A teacher's work starts from their classes; what changed since last week is not in the API yet.
  if (me?.role === 'docente') {
    return (
      <>
        <PageTitle page={t('home.myClasses')} />
        <h1>{t('home.myClasses')}</h1>
        <p className="lead">{t('home.myClassesIntro')}</p>
        <ClassCards classIds={me.classIds} renderBody={(id) => <ClassTierCounts classId={id} />} />
      </>
    );
  }
  return (
    <>
      <PageTitle page={t('regions.title')} />
      <h1>{t('regions.title')}</h1>
      <p className="lead">{t('regions.intro')}</p>
      {me?.role === 'referente' && <MySchoolsFreshness schools={me.schools} />}
      <ProvincesOverview />
    </>
  );
}
