import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Me } from '@primm/shared/contracts/auth';
import { EmptyState } from '../../components/empty-state';
import { ErrorAlert } from '../../components/error-alert';
import { LoadingStatus } from '../../components/loading-status';
import { PageTitle } from '../../components/page-title';
import { useMe } from '../../features/auth/api/get-me';
import { DeadlinesView } from '../../features/compulsory/components/deadlines-view';
import { SchoolPicker } from '../../features/compulsory/components/school-picker';
import { SchoolDeliveries } from '../../features/municipality-inbox/components/school-deliveries';
import { schoolsQueryOptions } from '../../features/schools/api/get-schools';
import { Forbidden } from './forbidden';

/** Who acts on the deadlines (server: GET deadlines); only referents and the admin export the October list. */
const DEADLINE_ROLES = ['admin', 'referente', 'mediatore'];
const EXPORT_ROLES = ['admin', 'referente'];

export function Component() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (!me || !DEADLINE_ROLES.includes(me.role)) return <Forbidden title={t('compulsory.deadlines.title')} />;
  return <DeadlinesPage me={me} />;
}

function DeadlinesPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const isAdmin = me.role === 'admin';
  // the admin's scope is every school, not listed in /me
  const all = useQuery({ ...schoolsQueryOptions({}), enabled: isAdmin });
  const schools = isAdmin ? (all.data?.items ?? []).map((s) => ({ code: s.code, name: s.name })) : me.schools;
  const wanted = params.get('scuola')?.toUpperCase();
  const selected = schools.find((s) => s.code === wanted)?.code ?? schools[0]?.code;
  const title = t('compulsory.deadlines.title');

  return (
    <>
      <PageTitle page={title} />
      <h1>{title}</h1>
      <p className="lead">{t('compulsory.deadlines.intro')}</p>
      {isAdmin && all.isPending && <LoadingStatus />}
      {isAdmin && all.isError && <ErrorAlert error={all.error} onRetry={() => void all.refetch()} />}
      {schools.length > 1 && selected && (
        <SchoolPicker
          schools={schools}
          value={selected}
          onChange={(code) => setParams({ scuola: code }, { replace: true })}
        />
      )}
      {selected ? (
        // keyed: another school starts from its own loading state and forms
        <>
          <DeadlinesView key={selected} schoolCode={selected} canExport={EXPORT_ROLES.includes(me.role)} />
          <SchoolDeliveries key={`deliveries-${selected}`} schoolCode={selected} />
        </>
      ) : (
        !(isAdmin && all.isPending) && !all.isError && <EmptyState>{t('compulsory.deadlines.noSchool')}</EmptyState>
      )}
    </>
  );
}
