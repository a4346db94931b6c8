import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingStatus } from '../../components/loading-status';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { ClassCards } from '../../features/classes/components/class-cards';
import { ProvincesOverview } from '../../features/provinces/components/provinces-overview';
import { MySchoolsFreshness } from '../../features/schools/components/my-schools-freshness';
import { ClassTierCounts } from '../../features/risk/components/class-tier-counts';
import { AgencyHome } from '../../features/agencies/components/agency-home';
import { IncomingArrivals } from '../../features/arrivals/components/incoming-arrivals';

// its own chunk: a teacher's home does not carry the caseload's calendar
const CaseloadPage = lazy(() => import('./cases'));

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
  // The plan's other agencies see only what is sent to them, never the schools' figures (issue 21).
  if (me?.role === 'pua' || me?.role === 'comune') return <AgencyHome me={{ ...me, role: me.role }} />;
  // A mediator's work is their cases: the caseload, this week's follow-ups on top (issue 19).
  if (me?.role === 'mediatore') {
    return (
      <Suspense fallback={<LoadingStatus />}>
        <CaseloadPage />
      </Suspense>
    );
  }
  return (
    <>
      <PageTitle page={t('regions.title')} />
      <h1>{t('regions.title')}</h1>
      <p className="lead">{t('regions.intro')}</p>
      {me?.role === 'referente' && <IncomingArrivals />}
      {me?.role === 'referente' && <MySchoolsFreshness schools={me.schools} />}
      <ProvincesOverview />
    </>
  );
}
