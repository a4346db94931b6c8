import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { Id } from '@primm/shared/contracts/domain';
import { Tabs } from '../../components/tabs';
import { useMe } from '../../features/auth/api/get-me';
import { useClass } from '../../features/classes/api/get-class';
import { ClassHeader } from '../../features/classes/components/class-header';
import { ClassStudents } from '../../features/classes/components/class-students';
import { ClassRiskList } from '../../features/risk/components/class-risk-list';
import { studentRiskQueryOptions } from '../../features/risk/api/get-student-risk';
import { preloadRiskCharts } from '../../features/risk/components/preload-risk-charts';
import { RiskLegendNote } from '../../features/risk-legend/components/risk-legend-note';
import { studentQueryOptions } from '../../features/students/api/get-student';
import { Forbidden, isRefusal } from './forbidden';
import { NotFound } from './not-found';

type Tab = 'rischio' | 'studenti';

export function Component() {
  const { t } = useTranslation();
  const id = Id.safeParse(useParams().id);
  const role = useMe().data?.role;
  if (!id.success) return <NotFound />;
  if (role === 'analista') return <Forbidden title={t('classes.forbiddenTitle')} />;
  return <ClassPage key={id.data} id={id.data} />;
}

/**
 * Once the list is up and the browser idle, the student page's code and its first chart are
 * fetched, so the click on a name waits only for the data (issue 19, "Speed a teacher feels").
 */
function usePreloadStudentPage() {
  useEffect(() => {
    const preload = () => {
      void import('./student');
      preloadRiskCharts();
    };
    if (typeof requestIdleCallback !== 'function') return void setTimeout(preload, 500);
    const handle = requestIdleCallback(preload, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }, []);
}

function ClassPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  usePreloadStudentPage();

  // On the click, not on hover: a read is audited, and only the page the teacher opens is read.
  // Asked for now, the summary's data is on its way while the student page renders.
  function openStudent(studentId: number) {
    void queryClient.prefetchQuery(studentRiskQueryOptions(studentId));
    void queryClient.prefetchQuery(studentQueryOptions(studentId));
  }
  const [params, setParams] = useSearchParams();
  const cls = useClass(id);
  const tab: Tab = params.get('vista') === 'studenti' ? 'studenti' : 'rischio';
  // a class not theirs: one refusal and the way home, not an alert (and a retry) per panel
  if (cls.isError && isRefusal(cls.error)) return <Forbidden title={t('classes.forbiddenTitle')} error={cls.error} />;

  return (
    <>
      <ClassHeader id={id} />
      <Tabs<Tab>
        label={t('classes.tabs.label')}
        selected={tab}
        // the tab is in the URL too (`?vista=studenti`), without the risk filters of the other tab
        onSelect={(next) => setParams(next === 'studenti' ? { vista: 'studenti' } : {}, { replace: true })}
        tabs={[
          {
            key: 'rischio',
            label: t('classes.tabs.risk'),
            panel: (
              <ClassRiskList
                classId={id}
                className={cls.data?.name ?? String(id)}
                legend={<RiskLegendNote />}
                onOpenStudent={openStudent}
              />
            ),
          },
          { key: 'studenti', label: t('classes.tabs.students'), panel: <ClassStudents id={id} /> },
        ]}
      />
    </>
  );
}
